package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;
import jakarta.enterprise.context.ApplicationScoped;

/** Slack opens a link button's URL itself but still sends block_actions; without an ack it shows a warning. */
@ApplicationScoped
public class AcknowledgeLinkButton implements BlockActionHandler {

    @Override
    public ActionIds action() {
        return ActionIds.OPEN_LINK;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        return ctx.ack();
    }
}
