package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.nudge.StaleIssueNudges;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the stale-issue check on {@code upgrade-bot.nudges.cron} (clustered: one replica per run). The cron is read in
 * UTC, as the README promises: left to Quartz, it would follow the JVM's default zone, which differs per machine.
 */
@ApplicationScoped
public class StaleIssueNudgeJob {

    private final StaleIssueNudges nudges;

    public StaleIssueNudgeJob(StaleIssueNudges nudges) {
        this.nudges = nudges;
    }

    @Scheduled(identity = "stale-issue-nudges", cron = "${upgrade-bot.nudges.cron:0 0 * ? * *}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        nudges.run();
    }
}
