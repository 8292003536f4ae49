package io.upgradebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.command.UpgradeSubcommand;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.EphemeralReply;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Test-only {@code /upgrade slow-post <channel>}: acks at once and, after the ack, posts to a channel whose fake
 * chat.postMessage answers slowly. Records whether the HTTP response had ended when the task started.
 */
@ApplicationScoped
public class SlowPostSubcommand implements UpgradeSubcommand {

    public static volatile CompletableFuture<Boolean> responseEndedWhenTaskStarted = new CompletableFuture<>();
    public static volatile CompletableFuture<String> posted = new CompletableFuture<>();

    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final CurrentVertxRequest currentRequest;

    public SlowPostSubcommand(AfterAck afterAck, SlackGateway slack, CurrentVertxRequest currentRequest) {
        this.afterAck = afterAck;
        this.slack = slack;
        this.currentRequest = currentRequest;
    }

    public static void reset() {
        responseEndedWhenTaskStarted = new CompletableFuture<>();
        posted = new CompletableFuture<>();
    }

    @Override
    public String name() {
        return "slow-post";
    }

    @Override
    public String usage() {
        return "/upgrade slow-post <channel>";
    }

    @Override
    public String summary() {
        return "Test: post slowly after the ack.";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        RoutingContext routing = currentRequest.getCurrent();
        CompletableFuture<Boolean> ended = responseEndedWhenTaskStarted;
        CompletableFuture<String> done = posted;
        afterAck.run(() -> {
            ended.complete(routing.response().ended());
            try {
                done.complete(slack.postMessage(args, null, "after the ack", List.of()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return ctx.ack(EphemeralReply.text("Working on it…"));
    }
}
