package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.domain.OwnerDoesLevels;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The Owner Does levels in force: {@code upgrade-bot.service-levels}, or the six Open edX levels. */
public class ConfiguredOwnerDoesLevels {

    private static final Logger LOG = Logger.getLogger(ConfiguredOwnerDoesLevels.class);

    @Produces
    @Singleton
    OwnerDoesLevels serviceLevels(OwnerDoesConfig config) {
        String text = config.serviceLevels().orElse("").strip();
        if (text.isEmpty()) {
            return OwnerDoesLevels.defaults();
        }
        // A typo here would put wrong words on every board item: refuse to start, naming the entry.
        OwnerDoesLevels levels = OwnerDoesLevels.parse(text);
        LOG.infof("Owner Does levels from upgrade-bot.service-levels: %s", levels.labels());
        return levels;
    }
}
