package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private final WorkingHours nineToFive = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(17, 0));
    private final ZoneId berlin = ZoneId.of("Europe/Berlin");
    private final ZoneId la = ZoneId.of("America/Los_Angeles");

    @Test
    void theSameInstantIsWorkTimeInOneZoneAndNightInAnother() {
        Instant tuesday10utc = Instant.parse("2026-03-10T10:00:00Z");
        assertTrue(nineToFive.contains(tuesday10utc, berlin), "11:00 in Berlin");
        assertFalse(nineToFive.contains(tuesday10utc, la), "03:00 in Los Angeles");
    }

    @Test
    void weekendsAreOffEvenInsideTheHours() {
        assertFalse(nineToFive.contains(Instant.parse("2026-03-14T10:00:00Z"), berlin), "Saturday 11:00");
        // Friday 23:30 in Los Angeles is already Saturday in UTC: the person's own calendar decides
        assertTrue(nineToFive.contains(Instant.parse("2026-03-13T23:30:00Z"), la), "Friday 16:30 in LA");
    }

    @Test
    void theWindowFollowsLocalClocksAcrossDst() {
        // Berlin moves to summer time on 2026-03-29: 09:00 local is 08:00Z before and 07:00Z after
        assertTrue(nineToFive.contains(Instant.parse("2026-03-27T08:00:00Z"), berlin), "Fri 09:00 CET");
        assertFalse(nineToFive.contains(Instant.parse("2026-03-27T07:30:00Z"), berlin), "Fri 08:30 CET");
        assertTrue(nineToFive.contains(Instant.parse("2026-03-30T07:00:00Z"), berlin), "Mon 09:00 CEST");
        assertFalse(nineToFive.contains(Instant.parse("2026-03-30T15:00:00Z"), berlin), "Mon 17:00 CEST is the end");
    }

    @Test
    void hoursMustMakeSense() {
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingHours(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0)));
    }
}
