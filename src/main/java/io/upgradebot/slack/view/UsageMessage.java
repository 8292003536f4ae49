package io.upgradebot.slack.view;

import java.util.List;

/** The {@code /upgrade help} text: every subcommand with its usage and one line on what it does. */
public final class UsageMessage {

    /** One subcommand as the help lists it. */
    public record Entry(String usage, String summary) {
    }

    private UsageMessage() {
    }

    public static String help(List<Entry> entries) {
        StringBuilder b = new StringBuilder("*`/upgrade` runs dependency upgrade projects.* Subcommands:\n");
        for (Entry e : entries) {
            b.append("• `").append(e.usage()).append("` — ").append(e.summary()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** For an unknown subcommand: says so and suggests the closest one when there is one (the usage follows it). */
    public static String unknown(String typed, String suggestion) {
        StringBuilder b = new StringBuilder("I don't know `/upgrade ").append(quotable(typed)).append("`.");
        if (suggestion != null) {
            b.append(" Did you mean `/upgrade ").append(suggestion).append("`?");
        }
        return b.toString();
    }

    /** Keeps what a user typed from turning into mentions or formatting in our reply. */
    static String quotable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return Mrkdwn.escape(cut).replace("`", "'");
    }
}
