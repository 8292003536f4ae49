package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.UsageMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;

/** {@code /upgrade help} (and {@code /upgrade} alone): lists every subcommand bean, sorted by name, to the asker only. */
@ApplicationScoped
public class HelpCommand implements UpgradeSubcommand {

    private final Instance<UpgradeSubcommand> subcommands;

    // The set of subcommand beans is fixed once the app runs, so the list and the rendered answer are built once:
    // rendering and serialising the help on every request was most of an ack's CPU (bench/ack-latency).
    private volatile List<UsageMessage.Entry> entries;
    private volatile String renderedHelp;
    private volatile EphemeralReply.Prerendered prerendered;

    public HelpCommand(Instance<UpgradeSubcommand> subcommands) {
        this.subcommands = subcommands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "/upgrade help";
    }

    @Override
    public String summary() {
        return "Show this list of subcommands.";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // answers from memory
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String body = renderedHelp;
        if (body == null) {
            body = EphemeralReply.json(prerendered());
            renderedHelp = body;
        }
        // a fresh Response each time: Bolt and the HTTP adapter may add headers to the one they are given
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).body(body)
                .build();
    }

    /** The help's blocks, rendered once, for answers that end with the usage (an unknown subcommand). */
    public EphemeralReply.Prerendered prerendered() {
        EphemeralReply.Prerendered known = prerendered;
        if (known == null) {
            known = EphemeralReply.Prerendered.of(UsageMessage.help(entries()));
            prerendered = known;
        }
        return known;
    }

    /** Every subcommand as the usage message lists it. */
    public List<UsageMessage.Entry> entries() {
        List<UsageMessage.Entry> known = entries;
        if (known == null) {
            known = subcommands.stream()
                    .sorted(Comparator.comparing(UpgradeSubcommand::name))
                    .map(s -> new UsageMessage.Entry(s.usage(), s.summary()))
                    .toList();
            entries = known;
        }
        return known;
    }
}
