package io.upgradebot.github;

import io.upgradebot.config.UpgradeBotConfig;
import java.time.Duration;

/**
 * The write queue's pacing and retry settings (from {@code upgrade-bot.github.*}). A value, so the pacing rules can
 * be tested without Quarkus and a test can run the queue under tighter budgets than the shared test profile.
 */
public record WritePolicy(Duration writeInterval, int contentWritesPerMinute, int contentWritesPerHour,
        Duration minuteWindow, Duration hourWindow, Duration secondaryLimitDefaultWait, int maxAttempts, Duration lease,
        Duration pollInterval, Duration retryBackoff, Duration maxBackoff) {

    public static WritePolicy from(UpgradeBotConfig.GitHubWrites c) {
        return new WritePolicy(c.writeInterval(), c.contentWritesPerMinute(), c.contentWritesPerHour(),
                c.minuteWindow(),
                c.hourWindow(), c.secondaryLimitDefaultWait(), c.maxAttempts(), c.lease(), c.pollInterval(),
                c.retryBackoff(), c.maxBackoff());
    }

    public WritePolicy withBudgets(int perMinute, int perHour, Duration minute, Duration hour) {
        return new WritePolicy(writeInterval, perMinute, perHour, minute, hour, secondaryLimitDefaultWait, maxAttempts,
                lease, pollInterval, retryBackoff, maxBackoff);
    }

    public WritePolicy withWriteInterval(Duration interval) {
        return new WritePolicy(interval, contentWritesPerMinute, contentWritesPerHour, minuteWindow, hourWindow,
                secondaryLimitDefaultWait, maxAttempts, lease, pollInterval, retryBackoff, maxBackoff);
    }

    public WritePolicy withRetries(int attempts, Duration backoff, Duration secondaryWait) {
        return new WritePolicy(writeInterval, contentWritesPerMinute, contentWritesPerHour, minuteWindow, hourWindow,
                secondaryWait, attempts, lease, pollInterval, backoff, maxBackoff);
    }

    public WritePolicy withLease(Duration newLease) {
        return new WritePolicy(writeInterval, contentWritesPerMinute, contentWritesPerHour, minuteWindow, hourWindow,
                secondaryLimitDefaultWait, maxAttempts, newLease, pollInterval, retryBackoff, maxBackoff);
    }
}
