package io.upgradebot.project.announce;

import io.upgradebot.store.ScheduledMessageEntity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Names each firing of a scheduled message. The name, not the moment Quartz happens to run the job, decides
 * whether a post already went out: a late run (misfire after a restart), a recovered run (a replica died mid-job)
 * and a retry all map to the same name, and {@code scheduled_delivery} holds one row per (message, name).
 */
public final class FireKeys {
    private FireKeys() {
    }

    /** The firing a trigger run stands for, or empty when the message no longer has a schedule. */
    public static Optional<Firing> forRun(ScheduledMessageEntity m, Instant scheduledFireTime) {
        if (m.cron != null) {
            ZoneId zone = ZoneId.of(m.timeZone == null ? "UTC" : m.timeZone);
            return Recurrence.of(m.cron, zone).latestAtOrBefore(scheduledFireTime)
                    .map(at -> new Firing("cron:" + at, at));
        }
        if (m.runAt != null) {
            return Optional.of(once(m.runAt));
        }
        return Optional.empty();
    }

    public static Firing once(Instant runAt) {
        return new Firing("at:" + runAt, runAt);
    }

    /** An extra firing of a recurring message asked for by a person; {@code token} makes a double click one post. */
    public static Firing manual(String token, Instant now) {
        return new Firing("now:" + token, now);
    }

    public record Firing(String key, Instant dueAt) {
    }

    public static boolean isOnce(String key) {
        return key.startsWith("at:");
    }
}
