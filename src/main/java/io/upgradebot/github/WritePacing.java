package io.upgradebot.github;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pacing rules, as plain functions of time: GitHub's content-creation budget (80 per minute, 500 per hour by
 * default, counted by the bot itself), the gap between writes, and how long to back off after a failure.
 */
public final class WritePacing {
    private WritePacing() {
    }

    /**
     * When the next content-creating write may go out, or empty when one may go out now. {@code sentAt} are the
     * content writes already sent (any order); a window holds at most its budget.
     */
    public static Optional<Instant> contentBudgetFreeAt(List<Instant> sentAt, Instant now, WritePolicy policy) {
        Optional<Instant> minute = windowFreeAt(sentAt, now, policy.minuteWindow(), policy.contentWritesPerMinute());
        Optional<Instant> hour = windowFreeAt(sentAt, now, policy.hourWindow(), policy.contentWritesPerHour());
        if (minute.isEmpty()) {
            return hour;
        }
        if (hour.isEmpty()) {
            return minute;
        }
        return Optional.of(later(minute.get(), hour.get()));
    }

    private static Optional<Instant> windowFreeAt(List<Instant> sentAt, Instant now, Duration window, int budget) {
        Instant start = now.minus(window);
        List<Instant> inWindow = sentAt.stream().filter(t -> t.isAfter(start)).sorted().toList();
        if (inWindow.size() < budget) {
            return Optional.empty();
        }
        // the window frees a slot when the oldest write that keeps it full slides out
        Instant oldestBlocking = inWindow.get(inWindow.size() - budget);
        return Optional.of(oldestBlocking.plus(window));
    }

    /**
     * Until when to stop writing after a rate-limit answer: the time GitHub gave; without one (GitHub: "wait at least
     * one minute"), the default wait doubled per consecutive limit ({@code previousLimits}), capped.
     */
    public static Instant throttledUntil(Optional<Instant> retryAt, int previousLimits, Instant now,
            WritePolicy policy) {
        if (retryAt.isPresent()) {
            // a reset already past (clock skew) must not turn into a tight loop of requests
            return later(retryAt.get(), now.plus(policy.writeInterval()));
        }
        return now.plus(exponential(policy.secondaryLimitDefaultWait(), previousLimits, policy.maxBackoff()));
    }

    /** Wait before attempt {@code attemptsSoFar + 1} after a transient failure (5xx, timeout). */
    public static Instant retryAt(int attemptsSoFar, Instant now, WritePolicy policy) {
        return now.plus(exponential(policy.retryBackoff(), Math.max(0, attemptsSoFar - 1), policy.maxBackoff()));
    }

    static Duration exponential(Duration base, int doublings, Duration cap) {
        Duration wait = base;
        for (int i = 0; i < doublings && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
