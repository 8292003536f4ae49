package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import jakarta.enterprise.context.ApplicationScoped;

/** "Next 30 repositories" / "Previous 30" in the choices modal: redraws the modal on that page (after the ack). */
@ApplicationScoped
public class PageOwnerDoesChoices implements BlockActionHandler {

    private final AfterAck afterAck;
    private final OwnerDoesChoicesScreen screen;

    public PageOwnerDoesChoices(AfterAck afterAck, OwnerDoesChoicesScreen screen) {
        this.afterAck = afterAck;
        this.screen = screen;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_PAGE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var md = payload.getView() == null ? null
                : OwnerDoesChoicesModal.Metadata.parse(payload.getView().getPrivateMetadata()).orElse(null);
        int page;
        try {
            page = Integer.parseInt(payload.getActions().get(0).getValue());
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        if (md != null) {
            String viewId = payload.getView().getId();
            String userId = payload.getUser().getId();
            afterAck.run(() -> screen.render(viewId, md.projectId(), userId, md.query(), page, null));
        }
        return ctx.ack();
    }
}
