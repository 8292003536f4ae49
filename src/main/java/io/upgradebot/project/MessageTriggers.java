package io.upgradebot.project;

import io.upgradebot.store.ScheduledMessageEntity;
import java.time.Instant;
import java.util.Optional;

/**
 * The timer behind scheduled messages (port owned by project/, implemented in schedule/ on Quartz's persistent,
 * clustered job store). Calls made inside a transaction join it: a message row and its trigger change together.
 * Every firing ends up in {@link ScheduledDeliveries#deliver}, which makes it post at most once.
 */
public interface MessageTriggers {

    /** Places (or replaces) the message's own trigger: once at {@code runAt}, or by {@code cron} in its time zone. */
    void schedule(ScheduledMessageEntity message);

    /** Removes the message's triggers, pending retries included. */
    void unschedule(long messageId);

    /** Fires the message as soon as possible, for the firing {@code fireKey} ("send now", a late catch-up). */
    void fireNow(long messageId, String fireKey, Instant dueAt);

    /** Tries the firing {@code fireKey} again at {@code at} (after a transient failure). */
    void retryAt(long messageId, String fireKey, Instant dueAt, Instant at);

    /** When the message's own trigger fires next, if it is scheduled. */
    Optional<Instant> nextFireTime(long messageId);
}
