package io.upgradebot.schedule;

import io.upgradebot.domain.MessageState;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.store.ScheduledMessageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Scheduled messages on Quartz's persistent job store: one job per message, its own trigger (one-shot or cron in
 * the message's time zone), plus one-shot triggers for retries and "send now". With the JDBC-CMT store these calls
 * join the caller's transaction. Misfires (the bot was down when a trigger was due) fire once on start-up: one-shots
 * fire now, cron triggers fire once now and then keep their schedule.
 */
@ApplicationScoped
public class QuartzMessageTriggers implements MessageTriggers {

    public static final String GROUP = "upgrade-bot.messages";
    static final String MESSAGE_ID = "messageId";
    static final String FIRE_KEY = "fireKey";
    static final String DUE_AT = "dueAt";
    // job data holds strings only: the JDBC store keeps it as properties (quarkus-quartz sets useProperties)

    private final Scheduler scheduler;
    private final Clock clock;

    public QuartzMessageTriggers(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public static JobKey jobKey(long messageId) {
        return JobKey.jobKey("message-" + messageId, GROUP);
    }

    public static TriggerKey mainTrigger(long messageId) {
        return TriggerKey.triggerKey("message-" + messageId, GROUP);
    }

    /**
     * The job of a message. Not durable: Quartz removes it with its last trigger. Requests recovery: if the replica
     * running it dies, another runs it again, and the delivery table keeps that from posting twice.
     */
    public static JobDetail job(long messageId) {
        return JobBuilder.newJob(ScheduledMessageJob.class).withIdentity(jobKey(messageId))
                .usingJobData(MESSAGE_ID, String.valueOf(messageId)).requestRecovery(true).storeDurably(false).build();
    }

    /** The message's own trigger, or null when it has no schedule. */
    public static Trigger trigger(ScheduledMessageEntity m) {
        TriggerBuilder<Trigger> b = TriggerBuilder.newTrigger().withIdentity(mainTrigger(m.id)).forJob(jobKey(m.id));
        if (m.cron != null) {
            TimeZone tz = TimeZone.getTimeZone(ZoneId.of(m.timeZone == null ? "UTC" : m.timeZone));
            return b.withSchedule(CronScheduleBuilder.cronSchedule(m.cron).inTimeZone(tz)
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        }
        if (m.runAt != null) {
            return b.startAt(Date.from(m.runAt))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
        }
        return null;
    }

    /** A one-shot trigger for one named firing (a retry, or "send now"). */
    public static Trigger firing(long messageId, String kind, String fireKey, Instant dueAt, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey("message-" + messageId + "-" + kind + "-" + fireKey, GROUP))
                .forJob(jobKey(messageId))
                .usingJobData(FIRE_KEY, fireKey)
                .usingJobData(DUE_AT, String.valueOf(dueAt.toEpochMilli()))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    @Override
    public void schedule(ScheduledMessageEntity m) {
        Trigger t = m.state == MessageState.ACTIVE ? trigger(m) : null;
        try {
            if (t == null) {
                scheduler.unscheduleJob(mainTrigger(m.id));
                return;
            }
            scheduler.scheduleJob(job(m.id), Set.of(t), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule message " + m.id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void unschedule(long messageId) {
        // Trigger by trigger: a one-shot that completes meanwhile (Quartz removes it as it finishes) is simply gone,
        // where deleteJob would fail on it. The job goes with its last trigger (it is not durable).
        SchedulerException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                for (Trigger t : scheduler.getTriggersOfJob(jobKey(messageId))) {
                    scheduler.unscheduleJob(t.getKey());
                }
                if (scheduler.checkExists(jobKey(messageId))) {
                    scheduler.deleteJob(jobKey(messageId));
                }
                return;
            } catch (SchedulerException e) {
                last = e;
            }
        }
        throw new IllegalStateException("could not unschedule message " + messageId + ": " + last.getMessage(), last);
    }

    @Override
    public void fireNow(long messageId, String fireKey, Instant dueAt) {
        place(messageId, firing(messageId, "now", fireKey, dueAt, clock.instant()));
    }

    @Override
    public void retryAt(long messageId, String fireKey, Instant dueAt, Instant at) {
        place(messageId, firing(messageId, "retry", fireKey, dueAt, at));
    }

    private void place(long messageId, Trigger t) {
        try {
            scheduler.scheduleJob(job(messageId), Set.of(t), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "could not schedule a firing of message " + messageId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> nextFireTime(long messageId) {
        try {
            Trigger t = scheduler.getTrigger(mainTrigger(messageId));
            return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }
}
