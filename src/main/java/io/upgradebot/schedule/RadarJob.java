package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.radar.PostRadarAlerts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts the upgrade radar on {@code upgrade-bot.radar.cron} (quarterly by default; clustered: one replica per run).
 * What was posted once is not posted again (PostRadarAlerts).
 */
@ApplicationScoped
public class RadarJob {

    private final PostRadarAlerts alerts;

    public RadarJob(PostRadarAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(identity = "upgrade-radar", cron = "${upgrade-bot.radar.cron:0 0 9 1 1,4,7,10 ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        alerts.run();
    }
}
