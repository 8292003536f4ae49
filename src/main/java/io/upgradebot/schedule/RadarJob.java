package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.radar.PostRadarAlerts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts the upgrade radar on {@code upgrade-bot.radar.cron} (quarterly by default; clustered: one replica per run).
 * What was posted once is not posted again (PostRadarAlerts); what failed is retried every
 * {@code upgrade-bot.schedule.moments-sync-every}. The cron is read in UTC, as the README promises, not in the JVM's
 * default zone.
 */
@ApplicationScoped
public class RadarJob {

    private final PostRadarAlerts alerts;

    public RadarJob(PostRadarAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(identity = "upgrade-radar", cron = "${upgrade-bot.radar.cron:0 0 9 1 1,4,7,10 ?}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        alerts.run();
    }

    /** A radar post that failed or was cut off is retried on the runbook moments' rhythm, not a quarter later. */
    @Scheduled(identity = "upgrade-radar-retry", every = "${upgrade-bot.schedule.moments-sync-every:5m}", delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        alerts.retryUnfinished();
    }
}
