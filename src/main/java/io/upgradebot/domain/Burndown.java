package io.upgradebot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open repository issues per day, from the first recorded change to today, and the straight line a project on
 * track would follow: from the issues open on its first day down to none on the completion date.
 *
 * @param actual issues open at the end of each day, one point per day, oldest first; empty without history
 * @param ideal  two points (first day and its open count, completion date and 0); empty without history or when
 *               the completion date is not after the first day
 */
public record Burndown(List<Point> actual, List<Point> ideal) {

    public record Point(LocalDate day, int open) {
    }

    /** One recorded state change of one repository issue. */
    public record Change(long repoId, Instant at, boolean open) {
    }

    public Burndown {
        actual = List.copyOf(actual);
        ideal = List.copyOf(ideal);
    }

    public boolean empty() {
        return actual.isEmpty();
    }

    /**
     * @param changes        in any order; the last change of a repository on a day wins
     * @param completionDate the project's date; null draws no ideal line
     * @param today          the last day drawn (a change after it, from a clock ahead, is drawn on it)
     */
    public static Burndown of(List<Change> changes, LocalDate completionDate, LocalDate today, ZoneId zone) {
        if (changes.isEmpty()) {
            return new Burndown(List.of(), List.of());
        }
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::at).thenComparingLong(Change::repoId));
        LocalDate first = min(day(sorted.get(0).at(), zone), today);
        Map<Long, Boolean> open = new HashMap<>();
        int openCount = 0;
        List<Point> actual = new ArrayList<>();
        int i = 0;
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            while (i < sorted.size() && (!day(sorted.get(i).at(), zone).isAfter(d) || d.equals(today))) {
                Change c = sorted.get(i++);
                Boolean was = open.put(c.repoId(), c.open());
                openCount += (c.open() ? 1 : 0) - (Boolean.TRUE.equals(was) ? 1 : 0);
            }
            actual.add(new Point(d, openCount));
        }
        List<Point> ideal = completionDate == null || !completionDate.isAfter(first)
                ? List.of()
                : List.of(new Point(first, actual.get(0).open()), new Point(completionDate, 0));
        return new Burndown(actual, ideal);
    }

    /** Days drawn on the time axis: from the first day to the later of today and the completion date. */
    public long span() {
        if (empty()) {
            return 0;
        }
        LocalDate end = ideal.isEmpty() ? actual.get(actual.size() - 1).day() : ideal.get(1).day();
        return ChronoUnit.DAYS.between(actual.get(0).day(), max(end, actual.get(actual.size() - 1).day())) + 1;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
