package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Stale-issue nudges: {@code upgrade-bot.nudges.*} properties, {@code UPGRADE_BOT_NUDGES_*} env vars. */
@ConfigMapping(prefix = "upgrade-bot.nudges")
public interface NudgeConfig {

    enum Delivery {
        THREAD, DM
    }

    @WithDefault("true")
    boolean enabled();

    /**
     * When the stale check runs (Quartz cron, UTC). Hourly by default so every recipient is reached inside their own
     * working hours; nobody gets more than one nudge message a day and no issue is repeated within the cool-down.
     */
    @WithDefault("0 0 * ? * *")
    String cron();

    /** An open repository issue with no human activity for this many days is stale (a project may override it). */
    @WithDefault("14")
    int staleAfterDays();

    /** Nobody is nudged about the same issue twice within this. */
    @WithDefault("7d")
    Duration coolDown();

    /** THREAD: one reply per team in the project's status thread (or channel); DM: one direct message per person. */
    @WithDefault("THREAD")
    Delivery delivery();

    @WithDefault("09:00")
    LocalTime workStart();

    @WithDefault("17:00")
    LocalTime workEnd();

    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    List<DayOfWeek> workDays();

    /** Other automation accounts whose comments are not human activity (the bot's own login always is excluded). */
    Optional<List<String>> ignoredLogins();
}
