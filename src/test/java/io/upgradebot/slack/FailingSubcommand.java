package io.upgradebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.command.UpgradeSubcommand;
import io.upgradebot.slack.http.AfterAck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only {@code /upgrade boom}: schedules work, then fails. The work must never run. */
@ApplicationScoped
public class FailingSubcommand implements UpgradeSubcommand {

    public static final AtomicInteger TASKS_RUN = new AtomicInteger();

    private final AfterAck afterAck;

    public FailingSubcommand(AfterAck afterAck) {
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "boom";
    }

    @Override
    public String usage() {
        return "/upgrade boom";
    }

    @Override
    public String summary() {
        return "Test: fails after scheduling work.";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        afterAck.run(TASKS_RUN::incrementAndGet);
        if ("error".equals(args)) {
            throw new AssertionError("simulated error with internal details"); // an Error, not an Exception
        }
        throw new IllegalStateException("simulated failure with internal details");
    }
}
