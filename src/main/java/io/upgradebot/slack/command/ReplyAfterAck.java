package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.EphemeralReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * For subcommands that read the database to answer (status, list, tbd): ack at once with an empty body and send
 * the ephemeral answer through the command's response_url after the ack. The ack-latency benchmark showed a
 * database read inside the ack tripling its CPU cost; a burst of commands then queued behind each other.
 */
@ApplicationScoped
public class ReplyAfterAck {

    private static final Logger LOG = Logger.getLogger(ReplyAfterAck.class);

    /** What the deferred work answers: mrkdwn fallback text, and blocks (empty: the text as sections). */
    public record Reply(String text, List<LayoutBlock> blocks) {
        public static Reply text(String mrkdwn) {
            return new Reply(mrkdwn, List.of());
        }
    }

    private final AfterAck afterAck;
    private final SlackGateway slack;

    public ReplyAfterAck(AfterAck afterAck, SlackGateway slack) {
        this.afterAck = afterAck;
        this.slack = slack;
    }

    /** Acks now; runs {@code work} in its own transaction after the ack and sends its reply to the response_url. */
    public Response defer(SlashCommandRequest req, SlashCommandContext ctx, Supplier<Reply> work) {
        String responseUrl = req.getPayload().getResponseUrl();
        afterAck.run(() -> {
            Reply reply;
            try {
                reply = work.get();
            } catch (RuntimeException e) {
                String ref = UUID.randomUUID().toString().substring(0, 8);
                // the sub-command only: the rest of the text is the user's request body, which stays out of logs
                LOG.errorf(e, "answering /upgrade %s failed (ref %s)", subCommand(req.getPayload().getText()), ref);
                reply = Reply.text(":warning: Sorry, that did not work (reference `" + ref + "`). Please try again.");
            }
            List<LayoutBlock> blocks = reply.blocks().isEmpty()
                    ? EphemeralReply.sections(reply.text())
                    : reply.blocks();
            slack.respond(responseUrl, reply.text(), blocks, false);
        });
        return ctx.ack();
    }

    private static String subCommand(String text) {
        String word = text == null || text.isBlank() ? "" : text.strip().split("\\s+", 2)[0];
        return word.length() > 20 ? word.substring(0, 20) + "…" : word;
    }
}
