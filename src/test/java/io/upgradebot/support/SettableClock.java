package io.upgradebot.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's {@link Clock} in tests (it replaces the default bean): system time, unless a test runs the bot on a clock
 * of its own with {@link #use} and puts system time back with {@link #useSystemClock()} when it is done.
 */
@Singleton
public class SettableClock extends Clock {
    private final AtomicReference<Clock> delegate = new AtomicReference<>(Clock.systemUTC());

    public void use(Clock clock) {
        delegate.set(clock);
    }

    public void useSystemClock() {
        delegate.set(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return delegate.get().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
