package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.announce.RunbookMoments;
import io.upgradebot.project.announce.ScheduledDeliveries;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps every active project's runbook moments scheduled (new projects, changed completion dates, closed projects)
 * and picks up firings a crash left half done. Clustered: one replica runs each round.
 */
@ApplicationScoped
public class RunbookMomentsJob {

    private final RunbookMoments moments;
    private final ScheduledDeliveries deliveries;

    public RunbookMomentsJob(RunbookMoments moments, ScheduledDeliveries deliveries) {
        this.moments = moments;
        this.deliveries = deliveries;
    }

    @Scheduled(identity = "runbook-moments", every = "${upgrade-bot.schedule.moments-sync-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        moments.syncAll();
        deliveries.sweep();
    }
}
