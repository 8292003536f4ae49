package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import jakarta.enterprise.context.ApplicationScoped;

/** Enter in the choices modal's search box: redraws the first page of matching repositories (after the ack). */
@ApplicationScoped
public class SearchOwnerDoesChoices implements BlockActionHandler {

    private final AfterAck afterAck;
    private final OwnerDoesChoicesScreen screen;

    public SearchOwnerDoesChoices(AfterAck afterAck, OwnerDoesChoicesScreen screen) {
        this.afterAck = afterAck;
        this.screen = screen;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_SEARCH;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var md = payload.getView() == null ? null
                : OwnerDoesChoicesModal.Metadata.parse(payload.getView().getPrivateMetadata()).orElse(null);
        if (md != null) {
            String query = OwnerDoesChoicesModal.searchText(payload.getActions().get(0).getValue());
            String viewId = payload.getView().getId();
            String userId = payload.getUser().getId();
            afterAck.run(() -> screen.render(viewId, md.projectId(), userId, query, 0, null));
        }
        return ctx.ack();
    }
}
