package io.upgradebot.slack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.Sleeper;
import io.upgradebot.project.ChannelPostSlots;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Slack's pace shared through the database: two pacers (two replicas) posting to one channel never get slots closer
 * than the interval, a 429 one of them met holds the other back too, and other channels are not slowed. Time is a
 * test clock that the pacers' sleeper moves forward, so nothing waits real seconds.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class ChannelPacerTest {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    @Inject
    ChannelPostSlots slots;

    /** A clock only the test (and the pacers' sleeper) moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void twoPacersSharingTheDatabaseNeverGiveTwoPostsOfAChannelSlotsCloserThanTheInterval() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Duration> waited = Collections.synchronizedList(new ArrayList<>());
        Sleeper sleeper = d -> {
            waited.add(d);
            clock.advance(d);
        };
        List<ChannelPacer> replicas = List.of(new ChannelPacer(slots, INTERVAL, clock, sleeper),
                new ChannelPacer(slots, INTERVAL, clock, sleeper));
        String channel = "C0PACE" + System.nanoTime();

        // two posters on each replica, all at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Instant> slotsTaken = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> posters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                ChannelPacer pacer = replicas.get(t % 2);
                posters.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 10; i++) {
                        slotsTaken.add(pacer.awaitTurn(channel));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : posters) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Instant> sorted = new ArrayList<>(slotsTaken);
        Collections.sort(sorted);
        assertEquals(40, sorted.size());
        for (int i = 1; i < sorted.size(); i++) {
            Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
            assertTrue(gap.compareTo(INTERVAL) >= 0,
                    "slots " + (i - 1) + " and " + i + " are " + gap + " apart: " + sorted);
        }
        assertTrue(!waited.isEmpty(), "posters waited for their turn (through the sleeper)");

        // one after the other, alternating replicas: each post happens (by the clock) an interval after the last
        Instant last = null;
        for (int i = 0; i < 6; i++) {
            replicas.get(i % 2).awaitTurn(channel);
            Instant postedAt = clock.instant();
            if (last != null) {
                assertTrue(Duration.between(last, postedAt).compareTo(INTERVAL) >= 0, "post " + i + " at " + postedAt
                        + ", the previous one at " + last);
            }
            last = postedAt;
        }
    }

    @Test
    void aRateLimitMetByOneReplicaHoldsTheChannelBackForTheOtherAndOtherChannelsGoOn() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Sleeper sleeper = clock::advance;
        ChannelPacer a = new ChannelPacer(slots, INTERVAL, clock, sleeper);
        ChannelPacer b = new ChannelPacer(slots, INTERVAL, clock, sleeper);
        String channel = "C0HELD" + System.nanoTime();
        String other = "C0FREE" + System.nanoTime();

        a.awaitTurn(channel);
        Instant limitedAt = clock.instant();
        a.pushBack(channel, Duration.ofSeconds(30)); // Slack answered 429 with Retry-After: 30

        Instant next = b.awaitTurn(channel);
        assertTrue(!next.isBefore(limitedAt.plusSeconds(30)), "the other replica waits out the Retry-After: " + next);
        assertTrue(next.isBefore(limitedAt.plusSeconds(31)), "and posts when it is over: " + next);
        assertEquals(next, clock.instant());

        Instant now = clock.instant();
        Instant free = b.awaitTurn(other);
        assertTrue(Duration.between(now, free).compareTo(INTERVAL.dividedBy(5)) <= 0,
                "another channel is not held back (a claim is only a fifth of the interval ahead): " + free);
        assertEquals(free, clock.instant());
    }

    @Test
    void aSlotBookedUnderAClockThatHasSinceMovedBackIsNotWaitedFor() throws Exception {
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String channel = "C0JUMP" + System.nanoTime();
        // one replica's clock ran a week ahead when it posted (or the clock was corrected a week back since)
        TestClock ahead = new TestClock(today.plus(Duration.ofDays(7)));
        new ChannelPacer(slots, INTERVAL, ahead, ahead::advance).awaitTurn(channel);

        TestClock clock = new TestClock(today);
        List<Duration> waited = Collections.synchronizedList(new ArrayList<>());
        ChannelPacer pacer = new ChannelPacer(slots, INTERVAL, clock, d -> {
            waited.add(d);
            clock.advance(d);
        });
        Instant first = pacer.awaitTurn(channel);
        Instant second = pacer.awaitTurn(channel);
        assertTrue(Duration.between(today, first).compareTo(INTERVAL) < 0, "not a week of silence: " + first);
        assertEquals(INTERVAL, Duration.between(first, second), "and the pace goes on from there");
        assertTrue(waited.stream().allMatch(d -> d.compareTo(INTERVAL.multipliedBy(2)) < 0), waited.toString());

        // a Retry-After, or a queue of posts, stays honoured: only a slot beyond the horizon is stale
        pacer.pushBack(channel, Duration.ofMinutes(10));
        Instant held = pacer.awaitTurn(channel);
        assertTrue(!held.isBefore(second.plus(Duration.ofMinutes(10))), "a long Retry-After is still waited: " + held);

        // a Retry-After met while the channel's slot is still the stale one replaces it
        String limited = "C0JUMPHELD" + System.nanoTime();
        new ChannelPacer(slots, INTERVAL, ahead, ahead::advance).awaitTurn(limited);
        Instant limitedAt = clock.instant();
        pacer.pushBack(limited, Duration.ofSeconds(30));
        Instant afterHold = pacer.awaitTurn(limited);
        assertTrue(!afterHold.isBefore(limitedAt.plusSeconds(30)) && afterHold.isBefore(limitedAt.plusSeconds(31)),
                "the Retry-After is waited out, not the week: " + afterHold);

        // what makes a slot stale is beyond anything the gateway books: its longest Retry-After, a long queue
        assertTrue(BoltSlackGateway.MAX_RETRY_AFTER.compareTo(ChannelPostSlots.staleAfter(INTERVAL)) < 0);
        assertEquals(Duration.ofHours(1), ChannelPostSlots.staleAfter(INTERVAL));
        assertEquals(Duration.ofMinutes(2000), ChannelPostSlots.staleAfter(Duration.ofMinutes(2)),
                "a slow pace keeps a queue of a thousand posts");

        // the same within one process when the database is unavailable
        ChannelPacer alone = new ChannelPacer(null, INTERVAL, ahead, ahead::advance);
        alone.awaitTurn(channel);
        alone.awaitTurn(channel);
        ahead.now.set(today);
        Instant afterJump = alone.awaitTurn(channel);
        assertEquals(today, afterJump, "the in-process pace forgets slots of the clock before the jump");
        String aloneHeld = "C0JUMPALONE" + System.nanoTime();
        ahead.now.set(today.plus(Duration.ofDays(7)));
        alone.awaitTurn(aloneHeld);
        ahead.now.set(today);
        alone.pushBack(aloneHeld, Duration.ofSeconds(30));
        assertEquals(today.plusSeconds(30), alone.awaitTurn(aloneHeld), "and keeps a Retry-After met after it");
    }
}
