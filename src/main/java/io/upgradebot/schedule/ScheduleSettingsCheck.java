package io.upgradebot.schedule;

import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.WorkingHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Refuses to start with schedule settings that would only fail later, one project at a time, in a log nobody reads
 * (a digest cron typo, an unknown time zone, working hours that end before they start). Names each bad setting.
 */
@ApplicationScoped
public class ScheduleSettingsCheck {

    void onStart(@Observes StartupEvent event, ScheduleConfig schedule, NudgeConfig nudges) {
        List<String> problems = problems(schedule, nudges);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid schedule settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ScheduleConfig schedule, NudgeConfig nudges) {
        List<String> problems = new ArrayList<>();
        cron("upgrade-bot.schedule.digest-cron (UPGRADE_BOT_SCHEDULE_DIGEST_CRON)", schedule.digestCron(), problems);
        cron("upgrade-bot.schedule.tbd-reminder-cron (UPGRADE_BOT_SCHEDULE_TBD_REMINDER_CRON)",
                schedule.tbdReminderCron(), problems);
        try {
            ZoneId.of(schedule.timeZone());
        } catch (DateTimeException e) {
            problems.add("upgrade-bot.schedule.time-zone (UPGRADE_BOT_SCHEDULE_TIME_ZONE) '" + schedule.timeZone()
                    + "' is not a time zone (e.g. Europe/Berlin, UTC)");
        }
        if (schedule.deadlineReminderDays().stream().anyMatch(d -> d < 0)
                || schedule.atRiskDays().stream().anyMatch(d -> d < 0)) {
            problems.add(
                    "upgrade-bot.schedule.deadline-reminder-days and at-risk-days count days before the date: no negatives");
        }
        if (schedule.maxAttempts() < 1) {
            problems.add("upgrade-bot.schedule.max-attempts must be at least 1");
        }
        try {
            new WorkingHours(Set.copyOf(nudges.workDays()), nudges.workStart(), nudges.workEnd());
        } catch (IllegalArgumentException e) {
            problems.add("upgrade-bot.nudges.work-start / work-end: " + e.getMessage());
        }
        if (nudges.staleAfterDays() < 1) {
            problems.add("upgrade-bot.nudges.stale-after-days must be at least 1");
        }
        return problems;
    }

    private static void cron(String name, String value, List<String> problems) {
        if (!CronExpression.isValidExpression(value)) {
            problems.add(name + " '" + value + "' is not a Quartz cron expression (e.g. 0 0 10 ? * MON)");
        }
    }
}
