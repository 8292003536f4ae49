package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.UsageMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade <subcommand> [args]}: hands the text after the first word to the subcommand bean of that name.
 * No text means help; an unknown word gets the usage and a "did you mean". A subcommand that throws gets a short
 * ephemeral apology with a reference to find in the log (never a stack trace), and what it scheduled is dropped.
 */
@ApplicationScoped
public class UpgradeCommandRouter implements SlashCommandHandler {

    public static final String COMMAND = "/upgrade";

    private static final Logger LOG = Logger.getLogger(UpgradeCommandRouter.class);
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final Map<String, UpgradeSubcommand> byName = new TreeMap<>();
    private final HelpCommand help;

    public UpgradeCommandRouter(Instance<UpgradeSubcommand> subcommands, HelpCommand help) {
        this.help = help;
        for (UpgradeSubcommand s : subcommands) {
            String name = s.name().toLowerCase(Locale.ROOT);
            UpgradeSubcommand clash = byName.put(name, s);
            if (clash != null) {
                throw new IllegalStateException("Two /upgrade subcommands are named '" + name + "': "
                        + clash.getClass().getName() + " and " + s.getClass().getName());
            }
        }
    }

    /**
     * Whether this request is answered from memory alone (see {@link UpgradeSubcommand#acksWithoutIo()}): help, the
     * usage for an unknown word, and subcommands that say so.
     */
    public boolean acksWithoutIo(Request<?> req) {
        if (!(req instanceof SlashCommandRequest command) || !COMMAND.equals(command.getPayload().getCommand())) {
            return false;
        }
        UpgradeSubcommand subcommand = byName.get(word(command));
        return subcommand == null || subcommand.acksWithoutIo(); // unknown: only the usage is answered
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        String text = text(req);
        String word = word(req);
        String args = text.isEmpty() ? "" : text.substring(firstWord(text).length()).strip();
        UpgradeSubcommand subcommand = byName.get(word);
        if (subcommand == null) {
            String suggestion = ClosestSubcommand.to(word, byName.keySet()).orElse(null);
            return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(EphemeralReply.json(UsageMessage.unknown(word, suggestion), help.prerendered())).build();
        }
        try {
            return subcommand.handle(args, req, ctx);
        } catch (Exception e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "/upgrade %s failed (ref %s, user %s)", word, ref, req.getPayload().getUserId());
            AfterAckExecutor.discardCurrent();
            return ctx.ack(EphemeralReply.text(":warning: Sorry, `/upgrade " + word
                    + "` failed. The operator can find the details in the bot's log under reference `" + ref + "`."));
        }
    }

    private static String text(SlashCommandRequest req) {
        return req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
    }

    private String word(SlashCommandRequest req) {
        String text = text(req);
        return text.isEmpty() ? help.name() : firstWord(text).toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String stripped) {
        java.util.regex.Matcher space = WHITESPACE.matcher(stripped);
        return space.find() ? stripped.substring(0, space.start()) : stripped;
    }
}
