package io.upgradebot.project;

import io.upgradebot.project.announce.Recurrence;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a scheduled message fires, as a person chose it. */
public sealed interface When {

    /** At once (a one-shot at the moment of confirming). */
    record Now() implements When {
    }

    /** Once at an instant; {@code zone} is the author's, for showing it back. */
    record At(Instant instant, ZoneId zone) implements When {
    }

    /** Weekly or by cron. */
    record Repeating(Recurrence recurrence) implements When {
    }

    /** A number of days before the project's completion date, at a local time (deadline reminders, escalations). */
    record DaysBefore(int days, LocalTime time, ZoneId zone) implements When {
    }
}
