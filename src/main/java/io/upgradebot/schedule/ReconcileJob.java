package io.upgradebot.schedule;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.upgradebot.config.SyncConfig;
import io.upgradebot.project.reconcile.ReconcileProjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Compares every active project with GitHub on {@code upgrade-bot.sync.every} (clustered Quartz: one replica per
 * firing; a firing still running when the next is due is skipped).
 */
@ApplicationScoped
public class ReconcileJob {

    private static final Logger LOG = Logger.getLogger(ReconcileJob.class);

    private final ReconcileProjects reconcile;
    private final SyncConfig config;

    public ReconcileJob(ReconcileProjects reconcile, SyncConfig config) {
        this.reconcile = reconcile;
        this.config = config;
    }

    void onStart(@Observes StartupEvent ev) {
        // operators see at startup whether missed webhooks are looked for, and how often
        LOG.infof("projects are compared with GitHub every %s (upgrade-bot.sync.every)", config.every());
    }

    @Scheduled(identity = "reconcile-projects", every = "${upgrade-bot.sync.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        reconcile.reconcileActive();
    }
}
