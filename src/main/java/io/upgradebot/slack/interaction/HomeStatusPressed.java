package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.HomeTabView;
import io.upgradebot.slack.view.LoadingModal;
import org.jboss.logging.Logger;

/**
 * "Status" on a project of the Home tab: what {@code /upgrade status <project>} shows (the same snapshot), in a
 * modal opened at once (trigger_id) and filled after the ack.
 */
@jakarta.enterprise.context.ApplicationScoped
public class HomeStatusPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(HomeStatusPressed.class);

    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final StatusMessages statusMessages;

    public HomeStatusPressed(SlackGateway slack, AfterAck afterAck, StatusMessages statusMessages) {
        this.slack = slack;
        this.afterAck = afterAck;
        this.statusMessages = statusMessages;
    }

    @Override
    public ActionIds action() {
        return ActionIds.HOME_STATUS;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        long projectId = Long.parseLong(payload.getActions().get(0).getValue()); // checked by InteractionGuard
        String viewId;
        try {
            viewId = slack.openView(payload.getTriggerId(), HomeTabView.statusLoading());
        } catch (SlackGateway.SlackException e) {
            LOG.infof("Status modal not opened (%s): the person can press again", e.error());
            return ctx.ack();
        }
        afterAck.run(() -> slack.updateView(viewId, statusMessages.snapshot(projectId)
                .map(HomeTabView::statusModal)
                .orElseGet(() -> LoadingModal.notice("That project no longer exists."))));
        return ctx.ack();
    }
}
