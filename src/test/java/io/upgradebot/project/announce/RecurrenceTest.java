package io.upgradebot.project.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    @Test
    void weeklyStaysAtTheSameLocalTimeAcrossTheDstChange() {
        Recurrence r = Recurrence.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 30), BERLIN);
        assertEquals("0 30 9 ? * MON,THU", r.cron());
        assertEquals("Every Mon, Thu at 09:30 (Europe/Berlin)", r.describe());
        Instant thu = r.nextAfter(Instant.parse("2026-03-25T00:00:00Z")).orElseThrow();
        Instant mon = r.nextAfter(thu).orElseThrow();
        assertEquals(Instant.parse("2026-03-26T08:30:00Z"), thu, "CET: UTC+1");
        assertEquals(Instant.parse("2026-03-30T07:30:00Z"), mon, "CEST: UTC+2 after 29 March");
    }

    @Test
    void unixCronIsAcceptedAndSundayIsZero() {
        Recurrence.Parsed p = Recurrence.parse("30 9 * * 1-5", BERLIN, Duration.ofHours(1), NOW);
        assertTrue(p.ok(), p.error());
        assertEquals("0 30 9 ? * 2-6", p.recurrence().cron());
        assertEquals("0 0 8 ? * 1",
                Recurrence.parse("0 8 * * 0", BERLIN, Duration.ofHours(1), NOW).recurrence().cron());
        assertEquals("0 0 8 1 * ?",
                Recurrence.parse("0 8 1 * *", BERLIN, Duration.ofHours(1), NOW).recurrence().cron());
        assertEquals("0 0 9 ? * MON",
                Recurrence.parse("0 0 9 ? * MON", BERLIN, Duration.ofHours(1), NOW).recurrence().cron());
    }

    @Test
    void typosAndFloodsAreRefusedInWords() {
        Recurrence.Parsed flood = Recurrence.parse("* * * * *", BERLIN, Duration.ofHours(1), NOW);
        assertFalse(flood.ok());
        assertTrue(flood.error().contains("more often than every hour"), flood.error());
        assertFalse(Recurrence.parse("every monday", BERLIN, Duration.ofHours(1), NOW).ok());
        assertFalse(Recurrence.parse("0 0 25 ? * MON", BERLIN, Duration.ofHours(1), NOW).ok());
        assertFalse(Recurrence.parse("", BERLIN, Duration.ofHours(1), NOW).ok());
    }

    @Test
    void aLateRunBelongsToTheOccurrenceItStandsFor() {
        Recurrence weekly = Recurrence.of("0 0 10 ? * MON", BERLIN);
        // the bot was down from Sunday to Wednesday: the catch-up run on Wednesday is Monday's digest
        assertEquals(Optional.of(Instant.parse("2026-03-16T09:00:00Z")),
                weekly.latestAtOrBefore(Instant.parse("2026-03-18T15:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-03-16T09:00:00Z")),
                weekly.latestAtOrBefore(Instant.parse("2026-03-16T09:00:00Z")), "an on-time run is its own occurrence");
        assertEquals(Optional.of(Instant.parse("2026-03-30T08:00:00Z")),
                weekly.latestAtOrBefore(Instant.parse("2026-04-01T00:00:00Z")), "after DST");
    }
}
