package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.home.HomeTabs;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.http.AfterAck;
import jakarta.enterprise.context.ApplicationScoped;

/** Previous / next on the Home tab: remembered, and the tab re-published on that page after the ack. */
@ApplicationScoped
public class PageHomeTab implements BlockActionHandler {

    private final AfterAck afterAck;
    private final HomeTabs homeTabs;

    public PageHomeTab(AfterAck afterAck, HomeTabs homeTabs) {
        this.afterAck = afterAck;
        this.homeTabs = homeTabs;
    }

    @Override
    public ActionIds action() {
        return ActionIds.HOME_PAGE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        int page = Integer.parseInt(payload.getActions().get(0).getValue()); // checked by InteractionGuard
        String userId = payload.getUser().getId();
        afterAck.run(() -> homeTabs.showPage(userId, page));
        return ctx.ack();
    }
}
