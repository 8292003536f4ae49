package io.upgradebot.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Named releases in date order, for the runbook's "Schedule the Completion Date" step.
 *
 * <p>Config format ({@link #parse}): comma- or newline-separated {@code Name=YYYY-MM-DD} entries (the code cut
 * date), or {@code Name=?YYYY-MM} for a release whose cut date is not published yet but is expected in that
 * month, e.g. {@code Redwood=2024-05-09,Sumac=2024-10-24,Willow=?2026-12}. Order does not matter.
 */
public record ReleaseCalendar(List<Release> releases) {

    public ReleaseCalendar {
        List<Release> sorted = new ArrayList<>(releases);
        sorted.sort(Comparator.comparing(Release::sortDate));
        releases = List.copyOf(sorted);
        for (int i = 0; i < releases.size(); i++) {
            for (int j = i + 1; j < releases.size(); j++) {
                if (releases.get(i).name().equalsIgnoreCase(releases.get(j).name())) {
                    throw new IllegalArgumentException("release " + releases.get(i).name() + " is listed twice");
                }
            }
        }
    }

    /** The Open edX calendar (domain-facts.md): Redwood … Verawood published, Willow expected December 2026. */
    public static ReleaseCalendar defaults() {
        return new ReleaseCalendar(List.of(
                Release.cut("Redwood", LocalDate.of(2024, 5, 9)),
                Release.cut("Sumac", LocalDate.of(2024, 10, 24)),
                Release.cut("Teak", LocalDate.of(2025, 6, 6)),
                Release.cut("Ulmo", LocalDate.of(2025, 10, 30)),
                Release.cut("Verawood", LocalDate.of(2026, 4, 23)),
                Release.expected("Willow", YearMonth.of(2026, 12))));
    }

    /**
     * Parses the config format described on the class.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static ReleaseCalendar parse(String text) {
        List<Release> releases = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split("[,\\n;]")) {
            String e = entry.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "release calendar entry '" + e + "' is not Name=YYYY-MM-DD or Name=?YYYY-MM");
            }
            String name = e.substring(0, eq).strip();
            String value = e.substring(eq + 1).strip();
            try {
                releases.add(value.startsWith("?")
                        ? Release.expected(name, YearMonth.parse(value.substring(1).strip()))
                        : Release.cut(name, LocalDate.parse(value)));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("release calendar entry '" + e + "': '" + value
                        + "' is not YYYY-MM-DD (cut date) or ?YYYY-MM (expected month)");
            }
        }
        return new ReleaseCalendar(releases);
    }

    public Optional<Release> byName(String name) {
        return releases.stream().filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    /** Releases whose published cut date is today or later, in date order. */
    public List<Release> publishedCutsFrom(LocalDate today) {
        return releases.stream().filter(r -> r.isPublished() && !r.cutDate().isBefore(today)).toList();
    }

    /** The config form of this calendar; {@code parse(format())} gives it back. */
    public String format() {
        List<String> parts = new ArrayList<>();
        for (Release r : releases) {
            parts.add(r.name() + "=" + (r.isPublished() ? r.cutDate().toString() : "?" + r.expected()));
        }
        return String.join(",", parts);
    }
}
