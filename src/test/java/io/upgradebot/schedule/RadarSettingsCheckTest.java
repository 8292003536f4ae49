package io.upgradebot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.config.RadarConfig;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A radar setting that cannot work stops the start with a message naming it. Plain JUnit. */
class RadarSettingsCheckTest {

    static RadarConfig config(String products, String cron, Period horizon) {
        return new RadarConfig() {
            public Optional<String> products() {
                return Optional.ofNullable(products);
            }

            public String cron() {
                return cron;
            }

            public Optional<String> channel() {
                return Optional.empty();
            }

            public Period horizon() {
                return horizon;
            }
        };
    }

    @Test
    void theDefaultsAndTheIssuesExampleAreFine() {
        assertEquals(List.of(), RadarSettingsCheck.problems(config(null, "0 0 9 1 1,4,7,10 ?", Period.ofMonths(12))));
        assertEquals(List.of(), RadarSettingsCheck.problems(config(
                "django=4.2, python=3.11, nodejs=20, react=18, ubuntu=22.04, mysql=8.0", "off", Period.ofMonths(6))));
    }

    @Test
    void eachBadSettingIsNamedWithWhatWasExpected() {
        List<String> problems = RadarSettingsCheck.problems(config("django:4.2", "quarterly", Period.ZERO));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("upgrade-bot.radar.products (UPGRADE_BOT_RADAR_PRODUCTS): "
                + "'django:4.2' has no '='") && problems.get(0).contains("e.g. django=4.2, python=3.11"),
                problems.get(0));
        assertTrue(problems.get(1).contains("UPGRADE_BOT_RADAR_CRON") && problems.get(1).contains("'quarterly'"),
                problems.get(1));
        assertTrue(problems.get(2).contains("UPGRADE_BOT_RADAR_HORIZON"), problems.get(2));
    }
}
