package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.domain.Burndown.Change;
import io.upgradebot.domain.Burndown.Point;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurndownTest {

    private static final LocalDate DUE = LocalDate.parse("2026-12-31");

    @Test
    void threeIssuesOpenedThenTwoClosedOverThreeDays() {
        List<Change> changes = List.of(
                new Change(1, Instant.parse("2026-12-01T09:00:00Z"), true),
                new Change(2, Instant.parse("2026-12-01T09:00:01Z"), true),
                new Change(3, Instant.parse("2026-12-01T09:00:02Z"), true),
                new Change(2, Instant.parse("2026-12-02T15:00:00Z"), false),
                new Change(3, Instant.parse("2026-12-03T15:00:00Z"), false),
                // closed then reopened the same day: open at the end of it
                new Change(1, Instant.parse("2026-12-03T16:00:00Z"), false),
                new Change(1, Instant.parse("2026-12-03T17:00:00Z"), true));
        Burndown b = Burndown.of(changes, DUE, LocalDate.parse("2026-12-04"), ZoneOffset.UTC);
        assertEquals(List.of(new Point(LocalDate.parse("2026-12-01"), 3), new Point(LocalDate.parse("2026-12-02"), 2),
                new Point(LocalDate.parse("2026-12-03"), 1), new Point(LocalDate.parse("2026-12-04"), 1)), b.actual());
        assertEquals(List.of(new Point(LocalDate.parse("2026-12-01"), 3), new Point(DUE, 0)), b.ideal());
        assertEquals(31, b.span());
    }

    @Test
    void aRepeatedStateCountsOnce() {
        List<Change> changes = List.of(new Change(1, Instant.parse("2026-12-01T09:00:00Z"), true),
                new Change(1, Instant.parse("2026-12-01T10:00:00Z"), true));
        Burndown b = Burndown.of(changes, DUE, LocalDate.parse("2026-12-01"), ZoneOffset.UTC);
        assertEquals(List.of(new Point(LocalDate.parse("2026-12-01"), 1)), b.actual());
    }

    @Test
    void noHistoryIsAnEmptyBurndownAndAPastDateDrawsNoIdealLine() {
        assertTrue(Burndown.of(List.of(), DUE, LocalDate.parse("2026-12-01"), ZoneOffset.UTC).empty());
        Burndown late = Burndown.of(List.of(new Change(1, Instant.parse("2026-12-01T09:00:00Z"), true)),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-02"), ZoneOffset.UTC);
        assertEquals(2, late.actual().size());
        assertEquals(List.of(), late.ideal());
    }

    @Test
    void aChangeAheadOfTodayIsDrawnOnToday() {
        Burndown b = Burndown.of(List.of(new Change(1, Instant.parse("2026-12-05T09:00:00Z"), true)), DUE,
                LocalDate.parse("2026-12-01"), ZoneOffset.UTC);
        assertEquals(List.of(new Point(LocalDate.parse("2026-12-01"), 1)), b.actual());
    }
}
