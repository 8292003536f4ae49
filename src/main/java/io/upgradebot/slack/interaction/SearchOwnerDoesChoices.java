package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import io.upgradebot.slack.view.OwnerDoesChoicesScreen;
import jakarta.enterprise.context.ApplicationScoped;

/** Enter in the choices modal's search box: redraws the first page of matching repositories (after the ack). */
@ApplicationScoped
public class SearchOwnerDoesChoices implements BlockActionHandler {

    private final OwnerDoesChoicesScreen screen;

    public SearchOwnerDoesChoices(OwnerDoesChoicesScreen screen) {
        this.screen = screen;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_SEARCH;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        screen.redrawAfterAck(payload, OwnerDoesChoicesModal.searchText(payload.getActions().get(0).getValue()), 0);
        return ctx.ack();
    }
}
