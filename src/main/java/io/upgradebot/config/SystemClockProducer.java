package io.upgradebot.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of the bot: dates, time zones, working hours, GitHub pacing, leases and token expiry all read it,
 * and the {@link Sleeper} retries wait with. Default beans so tests can replace them with controllable ones (and so a
 * second producer elsewhere wins instead of clashing).
 */
public class SystemClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @DefaultBean
    Sleeper sleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
