package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upgradebot.slack.ActionIds;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slack opens a link button's URL itself but still sends block_actions; without an ack it shows a warning. The clicks
 * are counted: whether people open the upgrade instructions and roadmap issues from Slack at all.
 */
@ApplicationScoped
public class AcknowledgeLinkButton implements BlockActionHandler {

    public static final String CLICKS_METRIC = "upgradebot.slack.link.clicks";

    private final Counter clicks;

    public AcknowledgeLinkButton(MeterRegistry metrics) {
        this.clicks = metrics.counter(CLICKS_METRIC);
    }

    @Override
    public ActionIds action() {
        return ActionIds.OPEN_LINK;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        clicks.increment();
        return ctx.ack();
    }
}
