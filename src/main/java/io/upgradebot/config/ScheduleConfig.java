package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Scheduled announcements and the runbook's built-in moments: {@code upgrade-bot.schedule.*} properties,
 * {@code UPGRADE_BOT_SCHEDULE_*} env vars.
 */
@ConfigMapping(prefix = "upgrade-bot.schedule")
public interface ScheduleConfig {

    /** Time zone for built-in moments when the project creator's Slack time zone is unknown. */
    @WithDefault("UTC")
    String timeZone();

    /** Local time of day at which dated moments (ask, deadline reminders, escalations) are posted. */
    @WithDefault("10:00")
    LocalTime momentTime();

    /** Completion-date reminders: days before the date. */
    @WithDefault("30,14,7,1")
    List<Integer> deadlineReminderDays();

    /** "Deploy the Upgrade": repositories at risk are escalated to the orchestration team this many days before. */
    @WithDefault("14,7")
    List<Integer> atRiskDays();

    /** Weekly digest in the status message's thread (Quartz cron, in the project's time zone). */
    @WithDefault("0 0 10 ? * MON")
    String digestCron();

    /** Reminder to owners still at TBD, weekly until none is left (Quartz cron, project time zone). */
    @WithDefault("0 0 10 ? * WED")
    String tbdReminderCron();

    /** The service-level request ("ask") is scheduled this long after the project is created. */
    @WithDefault("7d")
    Duration askAfter();

    /** Attempts at posting one firing before it is marked failed and its author told. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry of a failed post; doubled per attempt, capped at {@link #retryBackoffMax()}. */
    @WithDefault("30s")
    Duration retryBackoff();

    @WithDefault("30m")
    Duration retryBackoffMax();

    /** Recurring announcements may not fire more often than this (a cron typo must not flood a channel). */
    @WithDefault("1h")
    Duration minRecurringInterval();

    /**
     * A post whose attempt started longer ago than this and never finished was interrupted (the replica died
     * mid-post). The next run takes it over and posts it unless the channel's history already has it.
     */
    @WithDefault("10m")
    Duration sendingLease();

    /** How often the built-in moments of active projects are created or moved to a changed completion date. */
    @WithDefault("5m")
    String momentsSyncEvery();

    /**
     * A log line from a scheduled job this often ("Heartbeat fired: …"), proving the Quartz cluster fires each job
     * on one replica; {@code off} (the default) disables it.
     */
    @WithDefault("off")
    String heartbeatEvery();
}
