package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.nudge.StaleIssueNudges;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the stale-issue check on {@code upgrade-bot.nudges.cron} (clustered: one replica per run). */
@ApplicationScoped
public class StaleIssueNudgeJob {

    private final StaleIssueNudges nudges;

    public StaleIssueNudgeJob(StaleIssueNudges nudges) {
        this.nudges = nudges;
    }

    @Scheduled(identity = "stale-issue-nudges", cron = "${upgrade-bot.nudges.cron:0 0 * ? * *}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        nudges.run();
    }
}
