package io.upgradebot.slack.api;

import io.upgradebot.config.Sleeper;
import io.upgradebot.project.ChannelPostSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Spaces posts to one channel at least {@code interval} apart (Slack allows about one message per second per
 * channel, and answers bursts with 429). Callers claim the channel's next free slot, then wait for it, so concurrent
 * posters queue up instead of all waking at once. A 429 pushes the channel's next slot back by its Retry-After.
 *
 * <p>The slots live in the database ({@link ChannelPostSlots}), so replicas share one pace per channel. Should the
 * database not answer, the pacer keeps the pace of this process alone rather than not posting. Time is read from the
 * injected clock and waited with the injected sleeper.
 */
class ChannelPacer {

    private static final Logger LOG = Logger.getLogger(ChannelPacer.class);
    private static final int PRUNE_ABOVE = 10_000;
    /** How far ahead a shared slot is claimed: more than a database round trip, little next to a post. */
    private static final Duration MAX_LEAD = Duration.ofMillis(200);

    /**
     * The pacer's own waits are real even where the bot's {@link Sleeper} returns at once (tests): the spacing of
     * posts is what Slack sees.
     */
    static final Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    private final ChannelPostSlots shared;
    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration lead;
    private final Map<String, Instant> localNext = new HashMap<>();

    ChannelPacer(ChannelPostSlots shared, Duration interval, Clock clock, Sleeper sleeper) {
        this.shared = shared;
        this.interval = interval.isNegative() ? Duration.ZERO : interval;
        this.clock = clock;
        this.sleeper = sleeper;
        Duration fifth = this.interval.dividedBy(5);
        this.lead = fifth.compareTo(MAX_LEAD) > 0 ? MAX_LEAD : fifth;
    }

    /** Blocks until this caller's turn to post to {@code channel}; answers the slot it waited for. */
    Instant awaitTurn(String channel) throws InterruptedException {
        Instant slot = reserve(channel);
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.negated().compareTo(lead) > 0) {
            // the claim took longer than the lead (a busy database): posting now could come too close to the next
            // slot's holder, so this slot is given up and a fresh one taken
            slot = reserve(channel);
            wait = Duration.between(clock.instant(), slot);
        }
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
        return slot;
    }

    /** Claims the caller's slot (and books the one after it). */
    Instant reserve(String channel) {
        if (interval.isZero()) {
            return clock.instant();
        }
        if (shared != null) {
            try {
                // a slot a little ahead, so the claim's own round trip does not make the post late for it
                return shared.claim(channel, clock.instant().plus(lead), interval);
            } catch (RuntimeException e) {
                LOG.warnf("shared Slack pacing unavailable (%s); pacing %s within this process", e.getMessage(),
                        channel);
            }
        }
        return reserveLocally(channel);
    }

    private synchronized Instant reserveLocally(String channel) {
        Instant now = clock.instant();
        if (localNext.size() > PRUNE_ABOVE) {
            localNext.values().removeIf(next -> next.isBefore(now));
        }
        Instant next = localNext.get(channel);
        Instant slot = next == null || next.isBefore(now) || ChannelPostSlots.isStale(next, now, interval)
                ? now
                : next;
        localNext.put(channel, slot.plus(interval));
        return slot;
    }

    void pushBack(String channel, Duration wait) {
        Instant now = clock.instant();
        Instant until = now.plus(wait);
        synchronized (this) {
            // a stale slot gives way to the hold, as in the shared slots
            localNext.merge(channel, until,
                    (a, b) -> a.isAfter(b) && !ChannelPostSlots.isStale(a, now, interval) ? a : b);
        }
        if (shared != null) {
            try {
                shared.holdUntil(channel, until, interval);
            } catch (RuntimeException e) {
                LOG.warnf("shared Slack pacing unavailable (%s); %s held back in this process only", e.getMessage(),
                        channel);
            }
        }
    }
}
