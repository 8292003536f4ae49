package io.upgradebot.schedule;

import io.upgradebot.project.announce.ScheduledDeliveries;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/**
 * A scheduled message's trigger fired: hand the firing to {@link ScheduledDeliveries}, which decides which firing
 * this is and posts it at most once. Quartz creates it through CDI (quarkus-quartz's job factory).
 */
@Dependent
public class ScheduledMessageJob implements Job {

    private final ScheduledDeliveries deliveries;

    public ScheduledMessageJob(ScheduledDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        long messageId = Long.parseLong(data.getString(QuartzMessageTriggers.MESSAGE_ID));
        String fireKey = data.containsKey(QuartzMessageTriggers.FIRE_KEY)
                ? data.getString(QuartzMessageTriggers.FIRE_KEY)
                : null;
        if (fireKey != null) {
            deliveries.deliver(messageId, fireKey,
                    Instant.ofEpochMilli(Long.parseLong(data.getString(QuartzMessageTriggers.DUE_AT))));
            return;
        }
        deliveries.fired(messageId, scheduledFireTime(context, data));
    }

    /** A recovered run (its replica died) stands for the run it replaces, not for the moment of recovery. */
    static Instant scheduledFireTime(JobExecutionContext context, JobDataMap data) {
        String original = context.isRecovering()
                ? data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)
                : null;
        return original != null
                ? Instant.ofEpochMilli(Long.parseLong(original))
                : context.getScheduledFireTime().toInstant();
    }
}
