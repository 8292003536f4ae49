package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Optional;

/**
 * The upgrade radar (runbook "Identify the Need Early"): {@code upgrade-bot.radar.*} properties,
 * {@code UPGRADE_BOT_RADAR_*} env vars.
 */
@ConfigMapping(prefix = "upgrade-bot.radar")
public interface RadarConfig {

    /**
     * The dependencies in use and their versions, {@code product=version} pairs (endoflife.date product names), e.g.
     * {@code django=4.2, python=3.11, nodejs=20}. Checked at startup (project/radar/RadarProductList).
     */
    Optional<String> products();

    /** When the radar post is made (Quartz cron, UTC): quarterly, like the runbook's review of the data. */
    @WithDefault("0 0 9 1 1,4,7,10 ?")
    String cron();

    /** Channel id of the radar post; unset: no post (the table is still shown by {@code /upgrade radar}). */
    Optional<String> channel();

    /** A product whose end of support (or suggested completion date) falls within this is posted about. */
    @WithDefault("P12M")
    Period horizon();
}
