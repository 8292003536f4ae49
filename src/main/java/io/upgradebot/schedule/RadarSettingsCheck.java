package io.upgradebot.schedule;

import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.RadarConfig;
import io.upgradebot.project.radar.RadarProductList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.quartz.CronExpression;

/**
 * Refuses to start with radar settings that would only fail later (a malformed product list, a cron typo, a horizon
 * that is not ahead), naming each bad setting and the expected form.
 */
@ApplicationScoped
public class RadarSettingsCheck {

    void onStart(@Observes StartupEvent event, RadarConfig radar) {
        List<String> problems = problems(radar);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid upgrade radar settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(RadarConfig radar) {
        List<String> problems = new ArrayList<>();
        String products = RadarProductList.problem(radar);
        if (products != null) {
            problems.add(products);
        }
        String cron = radar.cron().strip();
        if (!"off".equalsIgnoreCase(cron) && !CronExpression.isValidExpression(cron)) {
            problems.add("upgrade-bot.radar.cron (UPGRADE_BOT_RADAR_CRON) '" + cron
                    + "' is not a Quartz cron expression (e.g. 0 0 9 1 1,4,7,10 ? for quarterly) nor off");
        }
        if (radar.horizon().isNegative() || radar.horizon().isZero()) {
            problems.add("upgrade-bot.radar.horizon (UPGRADE_BOT_RADAR_HORIZON) must be ahead, e.g. P12M or P6M");
        }
        return problems;
    }
}
