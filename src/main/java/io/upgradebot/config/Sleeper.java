package io.upgradebot.config;

import java.time.Duration;

/**
 * Waits on the calling thread (a retry's backoff). Injected so tests can record the waits instead of spending them;
 * the default bean sleeps ({@link SystemClockProducer}).
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
