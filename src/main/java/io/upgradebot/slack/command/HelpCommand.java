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
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        return ctx.ack(EphemeralReply.text(UsageMessage.help(entries())));
    }

    /** Every subcommand as the usage message lists it. */
    public List<UsageMessage.Entry> entries() {
        return subcommands.stream()
                .sorted(Comparator.comparing(UpgradeSubcommand::name))
                .map(s -> new UsageMessage.Entry(s.usage(), s.summary()))
                .toList();
    }
}
