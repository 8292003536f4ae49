package io.upgradebot.project;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.domain.ServiceLevels;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The Owner Does levels in force: {@code upgrade-bot.service-levels}, or the six Open edX levels. */
public class ConfiguredServiceLevels {

    private static final Logger LOG = Logger.getLogger(ConfiguredServiceLevels.class);

    @Produces
    @Singleton
    ServiceLevels serviceLevels(OwnerDoesConfig config) {
        String text = config.serviceLevels().orElse("").strip();
        if (text.isEmpty()) {
            return ServiceLevels.defaults();
        }
        // A typo here would put wrong words on every board item: refuse to start, naming the entry.
        ServiceLevels levels = ServiceLevels.parse(text);
        LOG.infof("Owner Does levels from upgrade-bot.service-levels: %s", levels.labels());
        return levels;
    }
}
