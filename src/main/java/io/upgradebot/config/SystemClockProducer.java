package io.upgradebot.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock services read dates, time zones and working hours from. A default bean so tests can replace it with
 * a controllable one (and so a second producer elsewhere wins instead of clashing).
 */
public class SystemClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
