package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * An optional scheduled log line (off by default): proof that the Quartz cluster fires a job, and fires it on one
 * replica only. Each line names the firing's scheduled time and the Quartz instance that ran it, so across the
 * replicas' logs every scheduled time appears once. CI runs two replicas with it on; operators can alert on its
 * absence.
 */
@ApplicationScoped
public class HeartbeatJob {

    private static final Logger LOG = Logger.getLogger(HeartbeatJob.class);

    private final Scheduler quartz;

    public HeartbeatJob(Scheduler quartz) {
        this.quartz = quartz;
    }

    @Scheduled(identity = "heartbeat", every = "${upgrade-bot.schedule.heartbeat-every:off}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        LOG.infof("Heartbeat fired: scheduled-fire-time=%d instance=%s",
                execution.getScheduledFireTime().toEpochMilli(),
                instanceId());
    }

    private String instanceId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
