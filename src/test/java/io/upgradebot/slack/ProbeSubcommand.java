package io.upgradebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.command.UpgradeSubcommand;
import io.upgradebot.slack.view.EphemeralReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only {@code /upgrade probe}: counts how often a handler really ran (replays and retries must not count). */
@ApplicationScoped
public class ProbeSubcommand implements UpgradeSubcommand {

    public static final AtomicInteger INVOCATIONS = new AtomicInteger();
    /** Whether the last call ran on a Vert.x event loop thread. */
    static volatile boolean onEventLoop;

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String usage() {
        return "/upgrade probe";
    }

    @Override
    public String summary() {
        return "Test probe.";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        onEventLoop = io.vertx.core.Context.isOnEventLoopThread();
        int n = INVOCATIONS.incrementAndGet();
        if ("oversize".equals(args)) {
            // an ack over Slack's 3000-character section limit: the suite's ack check must catch it
            String section = "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3001)
                    + "\"}}";
            return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body("{\"response_type\":\"ephemeral\",\"blocks\":[" + section + "]}").build();
        }
        return ctx.ack(EphemeralReply.text("probe " + n + " args=" + args));
    }
}
