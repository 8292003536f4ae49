package io.upgradebot.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a person may be nudged: on a working day, between start and end, in their own time zone. Evaluated in local
 * time so DST changes move the window with the person's clock, not with UTC.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public WorkingHours {
        days = Set.copyOf(days);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end: " + start + "-" + end);
        }
    }

    public boolean contains(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime t = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }
}
