package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.view.OwnerDoesChoicesScreen;
import jakarta.enterprise.context.ApplicationScoped;

/** "Next 30 repositories" / "Previous 30" in the choices modal: redraws the modal on that page (after the ack). */
@ApplicationScoped
public class PageOwnerDoesChoices implements BlockActionHandler {

    private final OwnerDoesChoicesScreen screen;

    public PageOwnerDoesChoices(OwnerDoesChoicesScreen screen) {
        this.screen = screen;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_PAGE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        int page;
        try {
            page = Integer.parseInt(req.getPayload().getActions().get(0).getValue());
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        screen.redrawAfterAck(req.getPayload(), null, page);
        return ctx.ack();
    }
}
