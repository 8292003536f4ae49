package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * One {@code /upgrade} subcommand, one class each (a CDI bean; the router finds every bean of this type and lists
 * them in {@code /upgrade help}).
 *
 * <p>{@link #handle} runs on the Slack request thread before the ack and must return within a few hundred
 * milliseconds: it may validate, answer ephemerally through {@code ctx.ack(...)}, and open a modal
 * ({@code views.open} through the SlackGateway: the trigger_id dies at 3 s). Anything slow (GitHub, other Slack
 * calls) goes to {@link io.upgradebot.slack.http.AfterAck#run}, which starts it only once the ack has been sent.
 */
public interface UpgradeSubcommand {

    /** The word after /upgrade, lower case ("new", "status"). */
    String name();

    /** Usage line, e.g. {@code /upgrade status <project>}. */
    String usage();

    /** One line for the help message. */
    String summary();

    /**
     * True when {@link #handle} answers from the request and memory alone: no database, no Slack or GitHub call,
     * nothing that waits, only an answer and work handed to AfterAck. Such a command is acked on the HTTP event loop
     * (no hand-over to a worker thread), and its de-duplication claim (a database write) is made after the ack, ahead
     * of the work it scheduled, so a repeated request still does nothing twice. Answer false (the default) when the
     * handler reads or writes anything, or opens a modal, before the ack: it runs on a worker thread and its request
     * is claimed before it runs. Saying true wrongly would block the event loop: keep the handler to memory.
     */
    default boolean acksWithoutIo() {
        return false;
    }

    /** {@code args} is the text after the subcommand word, trimmed. Returns {@code ctx.ack(...)}. */
    Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) throws Exception;
}
