package io.upgradebot.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A named release and the date its branches are cut (the day code must be in to ship with it).
 *
 * @param name     "Ulmo"; also the roadmap issue's milestone
 * @param cutDate  the published code cut date; null while unpublished
 * @param expected the month the release is expected; derived from the cut date when published
 */
public record Release(String name, LocalDate cutDate, YearMonth expected) {

    public Release {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a release needs a name");
        }
        if (cutDate == null && expected == null) {
            throw new IllegalArgumentException("release " + name + " needs a cut date or an expected month");
        }
        if (expected == null) {
            expected = YearMonth.from(cutDate);
        }
    }

    public static Release cut(String name, LocalDate cutDate) {
        return new Release(name, cutDate, null);
    }

    public static Release expected(String name, YearMonth expected) {
        return new Release(name, null, expected);
    }

    public boolean isPublished() {
        return cutDate != null;
    }

    /** The date used to order releases: the cut date, or the first day of the expected month. */
    LocalDate sortDate() {
        return cutDate != null ? cutDate : expected.atDay(1);
    }

    /** "Ulmo on 2025-10-30" or "Willow (expected 2026-12, cut date not published yet)". */
    public String describe() {
        return cutDate != null
                ? name + " on " + cutDate
                : name + " (expected " + expected + ", cut date not published yet)";
    }
}
