package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WritePacingTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final WritePolicy GITHUB = new WritePolicy(Duration.ofSeconds(1), 80, 500, Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofSeconds(60), 8, Duration.ofMinutes(2), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofMinutes(30));

    @Test
    void eightyContentWritesInAMinuteFillTheMinuteBudgetUntilTheOldestSlidesOut() {
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 79; i++) {
            sent.add(T0.plusMillis(500L * i));
        }
        Instant now = T0.plusSeconds(50);
        assertEquals(Optional.empty(), WritePacing.contentBudgetFreeAt(sent, now, GITHUB), "79 of 80 used: one more");
        sent.add(now);
        assertEquals(Optional.of(T0.plusSeconds(60)), WritePacing.contentBudgetFreeAt(sent, now, GITHUB));
        // at T0+60s the first write leaves the window
        assertEquals(Optional.empty(), WritePacing.contentBudgetFreeAt(sent, T0.plusSeconds(60), GITHUB));
    }

    @Test
    void theHourBudgetHoldsEvenWhenEveryMinuteHasRoom() {
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(T0.plusSeconds(6L * i)); // 10 a minute, 500 in 50 minutes
        }
        Instant now = T0.plusSeconds(3000);
        assertEquals(Optional.of(T0.plusSeconds(3600)), WritePacing.contentBudgetFreeAt(sent, now, GITHUB));
        assertEquals(Optional.empty(), WritePacing.contentBudgetFreeAt(sent, T0.plusSeconds(3600), GITHUB));
    }

    @Test
    void aTimeScaledMinuteWindowScalesTheBudget() {
        WritePolicy bench = GITHUB.withBudgets(80, 500, Duration.ofSeconds(6), Duration.ofSeconds(360));
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            sent.add(T0.plusMillis(50L * i));
        }
        assertEquals(Optional.of(T0.plusSeconds(6)), WritePacing.contentBudgetFreeAt(sent, T0.plusSeconds(4), bench));
    }

    @Test
    void aLimitWithRetryAfterWaitsExactlyAsToldButNeverIntoThePast() {
        assertEquals(T0.plusSeconds(30),
                WritePacing.throttledUntil(Optional.of(T0.plusSeconds(30)), 0, T0, GITHUB));
        assertEquals(T0.plusSeconds(1), WritePacing.throttledUntil(Optional.of(T0.minusSeconds(5)), 3, T0, GITHUB),
                "a reset already past still waits one write interval");
    }

    @Test
    void aLimitWithoutATimeWaitsAtLeastTheDefaultAndDoublesOnRepeatsUpToTheCap() {
        assertEquals(T0.plusSeconds(60), WritePacing.throttledUntil(Optional.empty(), 0, T0, GITHUB));
        assertEquals(T0.plusSeconds(120), WritePacing.throttledUntil(Optional.empty(), 1, T0, GITHUB));
        assertEquals(T0.plusSeconds(480), WritePacing.throttledUntil(Optional.empty(), 3, T0, GITHUB));
        assertEquals(T0.plus(Duration.ofMinutes(30)), WritePacing.throttledUntil(Optional.empty(), 40, T0, GITHUB));
    }

    @Test
    void transientFailuresBackOffExponentially() {
        assertEquals(T0.plusSeconds(2), WritePacing.retryAt(1, T0, GITHUB));
        assertEquals(T0.plusSeconds(4), WritePacing.retryAt(2, T0, GITHUB));
        assertEquals(T0.plusSeconds(64), WritePacing.retryAt(6, T0, GITHUB));
        assertTrue(!WritePacing.retryAt(100, T0, GITHUB).isAfter(T0.plus(Duration.ofMinutes(30))));
    }
}
