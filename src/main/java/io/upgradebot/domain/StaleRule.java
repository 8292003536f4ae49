package io.upgradebot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * When an open repository issue is stale: nobody has done anything on it for {@code staleAfterDays} days. The issue's
 * creation starts the clock (the bot creates the issues, and an issue nobody has touched since is the very case
 * the runbook wants chased); any later human activity restarts it.
 */
public record StaleRule(int staleAfterDays) {

    public StaleRule {
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("stale-after-days must be at least 1");
        }
    }

    /** The moment activity last happened: the latest of creation and every human activity known (any may be null). */
    public static Instant lastActivity(Instant createdAt, Instant... humanActivity) {
        return Stream.concat(Stream.ofNullable(createdAt), Stream.of(humanActivity).filter(Objects::nonNull))
                .max(Instant::compareTo).orElse(null);
    }

    public boolean isStale(boolean open, Instant lastActivity, Instant now) {
        return open && lastActivity != null && !lastActivity.isAfter(now.minus(Duration.ofDays(staleAfterDays)));
    }

    /** Whole days since the last activity (for the message: "no activity for 23 days"). */
    public static long idleDays(Instant lastActivity, Instant now) {
        return Duration.between(lastActivity, now).toDays();
    }
}
