package io.upgradebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.command.UpgradeSubcommand;
import io.upgradebot.slack.http.AfterAck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only {@code /upgrade probe-later}: changes nothing before the ack and counts both how often it answered and
 * how often the work it handed to AfterAck ran (the latter must be once per request, whatever is repeated).
 */
@ApplicationScoped
public class ProbeLaterSubcommand implements UpgradeSubcommand {

    static final AtomicInteger ANSWERED = new AtomicInteger();
    static final AtomicInteger WORKED = new AtomicInteger();
    /** Whether the last call ran on a Vert.x event loop thread. */
    static volatile boolean onEventLoop;

    private final AfterAck afterAck;

    public ProbeLaterSubcommand(AfterAck afterAck) {
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "probe-later";
    }

    @Override
    public String usage() {
        return "/upgrade probe-later";
    }

    @Override
    public String summary() {
        return "Test probe that works after the ack.";
    }

    @Override
    public boolean acksWithoutIo() {
        return true;
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        onEventLoop = io.vertx.core.Context.isOnEventLoopThread();
        ANSWERED.incrementAndGet();
        afterAck.run(WORKED::incrementAndGet);
        return ctx.ack();
    }
}
