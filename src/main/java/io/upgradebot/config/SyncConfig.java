package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reconciliation pass: {@code upgrade-bot.sync.*} properties, {@code UPGRADE_BOT_SYNC_*} env vars. */
@ConfigMapping(prefix = "upgrade-bot.sync")
public interface SyncConfig {

    /**
     * How often every active project is compared with GitHub (a Quarkus duration such as {@code 1h} or
     * {@code 30m}; {@code off} disables it). Webhooks carry changes at once; this finds the ones GitHub never
     * delivered (it does not retry a failed delivery). One replica runs each firing.
     */
    @WithDefault("1h")
    String every();
}
