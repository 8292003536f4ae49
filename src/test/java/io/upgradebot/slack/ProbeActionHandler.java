package io.upgradebot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.interaction.BlockActionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only handler of the placeholder action id: counts real invocations. */
@ApplicationScoped
public class ProbeActionHandler implements BlockActionHandler {

    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    public ActionIds action() {
        return ActionIds.NOOP;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        INVOCATIONS.incrementAndGet();
        return ctx.ack();
    }
}
