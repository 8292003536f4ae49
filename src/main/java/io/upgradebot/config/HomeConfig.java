package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The bot's App Home tab: {@code upgrade-bot.home.*} properties, {@code UPGRADE_BOT_HOME_*} env vars. */
@ConfigMapping(prefix = "upgrade-bot.home")
public interface HomeConfig {

    /**
     * Least time between two {@code views.publish} for one person. Slack rate-limits views.publish (Tier 4, and per
     * user); changes inside the window are coalesced into one re-publish at its end.
     */
    @WithDefault("5s")
    Duration publishInterval();
}
