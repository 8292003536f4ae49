package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import io.upgradebot.slack.view.OwnerDoesChoicesScreen;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Choose for my repositories" on the announcement: opens the modal at once (the trigger_id dies at 3 s) and fills
 * it after the ack, when the person's repositories are known (Slack user groups, maybe GitHub teams).
 */
@ApplicationScoped
public class OpenOwnerDoesChoices implements BlockActionHandler {

    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final OwnerDoesChoicesScreen screen;

    public OpenOwnerDoesChoices(SlackGateway slack, AfterAck afterAck, OwnerDoesChoicesScreen screen) {
        this.slack = slack;
        this.afterAck = afterAck;
        this.screen = screen;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_OPEN;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        long projectId;
        try {
            projectId = Long.parseLong(payload.getActions().get(0).getValue());
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        String userId = payload.getUser().getId();
        String viewId;
        try {
            viewId = slack.openView(payload.getTriggerId(), OwnerDoesChoicesModal.loading(projectId));
        } catch (SlackGateway.SlackException e) {
            // the trigger_id expired (Slack was slow to reach us) or was used: say so rather than show nothing
            String responseUrl = payload.getResponseUrl();
            if (responseUrl != null) {
                afterAck.run(() -> slack.respond(responseUrl, "Slack did not let the bot open your choices in time ("
                        + e.error() + "). Please click *Choose for my repositories* again.", null, false));
            }
            return ctx.ack();
        }
        afterAck.run(() -> screen.render(viewId, projectId, userId, "", 0, null));
        return ctx.ack();
    }
}
