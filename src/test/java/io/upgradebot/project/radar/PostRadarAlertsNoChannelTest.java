package io.upgradebot.project.radar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.config.RadarConfig;
import io.upgradebot.project.RadarPoster;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a channel there is no post, and nothing is read or claimed for one. Plain JUnit. */
class PostRadarAlertsNoChannelTest {

    static RadarConfig config(Optional<String> channel) {
        return new RadarConfig() {
            public Optional<String> products() {
                return Optional.of("django=4.2");
            }

            public String cron() {
                return "0 0 9 1 1,4,7,10 ?";
            }

            public Optional<String> channel() {
                return channel;
            }

            public Period horizon() {
                return Period.ofMonths(12);
            }
        };
    }

    @Test
    void noChannelMeansNoPostAndNoLookup() {
        RadarPoster poster = new RadarPoster() {
            public String post(String channel, List<RadarRow> rows, Period horizon, String deliveryKey) {
                throw new AssertionError("posted without a channel");
            }

            public Optional<String> findPosted(String channel, String deliveryKey, Instant since) {
                throw new AssertionError("looked without a channel");
            }
        };
        // a null radar reader: reading the radar (endoflife.date) would fail the test
        PostRadarAlerts alerts = new PostRadarAlerts(null, poster, config(Optional.of("  ")), null,
                Clock.systemUTC());
        PostRadarAlerts.Outcome first = alerts.run();
        assertFalse(first.channelConfigured());
        assertTrue(first.posted().isEmpty());
        assertFalse(alerts.run().channelConfigured(), "and again, quietly");
    }
}
