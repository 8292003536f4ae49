package io.upgradebot.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces posts to one channel at least {@code interval} apart (Slack allows about one message per second per
 * channel, and answers bursts with 429). Callers reserve the next free slot, then wait for it, so concurrent posters
 * queue up instead of all waking at once. A 429 pushes the channel's next slot back by its Retry-After.
 *
 * <p>Per process: replicas do not share slots, and a 429 they cause is retried like any other.
 */
class ChannelPacer {

    private static final int PRUNE_ABOVE = 10_000;

    private final long intervalNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();

    ChannelPacer(Duration interval) {
        this.intervalNanos = Math.max(0, interval.toNanos());
    }

    /** Blocks until this caller's turn to post to {@code channel}. */
    void awaitTurn(String channel) throws InterruptedException {
        long waitNanos = reserve(channel) - System.nanoTime();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** Answers the nanoTime of the caller's slot and books the one after it. */
    synchronized long reserve(String channel) {
        long now = System.nanoTime();
        if (nextSlot.size() > PRUNE_ABOVE) {
            nextSlot.values().removeIf(next -> next - now < 0);
        }
        Long next = nextSlot.get(channel);
        long slot = next == null || next - now < 0 ? now : next;
        nextSlot.put(channel, slot + intervalNanos);
        return slot;
    }

    synchronized void pushBack(String channel, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        Long next = nextSlot.get(channel);
        if (next == null || next - until < 0) {
            nextSlot.put(channel, until);
        }
    }
}
