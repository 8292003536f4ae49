package io.upgradebot.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of an issue's events were made by people. The bot's own writes (its comments, body edits, board moves) and
 * those of other automation accounts must neither count as activity nor keep an issue from being stale.
 */
public final class HumanActivity {

    /** Something that happened on an issue: a comment, a state change, an edit, a board move. */
    public record Event(String actorLogin, boolean actorIsBot, Instant at) {
    }

    private final Set<String> nonHumanLogins;

    /** {@code botLogin} is the account the bot writes as; {@code ignoredLogins} other automation accounts. */
    public HumanActivity(String botLogin, Collection<String> ignoredLogins) {
        this.nonHumanLogins = java.util.stream.Stream.concat(
                java.util.stream.Stream.ofNullable(botLogin), ignoredLogins.stream())
                .map(HumanActivity::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isHuman(Event e) {
        // GraphQL reports app accounts as type Bot with the bare slug ("upgrade-bot"), REST as "upgrade-bot[bot]";
        // a ghost (deleted account) has no login and is not evidence that anybody is working on the issue.
        return e.actorLogin() != null && !e.actorIsBot() && !nonHumanLogins.contains(normalize(e.actorLogin()));
    }

    /** The latest human event, if any. */
    public Optional<Instant> latest(Collection<Event> events) {
        return events.stream().filter(this::isHuman).map(Event::at).max(Instant::compareTo);
    }

    static String normalize(String login) {
        String l = login.toLowerCase(Locale.ROOT).trim();
        return l.endsWith("[bot]") ? l.substring(0, l.length() - "[bot]".length()) : l;
    }
}
