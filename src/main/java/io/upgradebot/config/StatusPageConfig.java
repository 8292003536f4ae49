package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The read-only status page ({@code GET /projects/{slug}}): {@code upgrade-bot.status-page.*} properties,
 * {@code UPGRADE_BOT_STATUS_PAGE_*} env vars. Without a secret the page is off (every request gets 404) and no
 * link is put in Slack; links also need {@code upgrade-bot.public-url}.
 */
@ConfigMapping(prefix = "upgrade-bot.status-page")
public interface StatusPageConfig {

    /** Key of the HMAC-SHA256 that signs status page links; at least 32 characters. Unset: the page is off. */
    Optional<String> secret();

    /** How long a link the bot hands out keeps working. */
    @WithDefault("7d")
    Duration linkLifetime();
}
