package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.ActionIds;

/**
 * Handles the block_actions of one {@link ActionIds} entry (one class per interaction). Runs before the ack:
 * return {@code ctx.ack()} quickly; open a modal at once if needed; slow work through
 * {@link io.upgradebot.slack.http.AfterAck#run}.
 */
public interface BlockActionHandler {

    ActionIds action();

    Response handle(BlockActionRequest req, ActionContext ctx) throws Exception;
}
