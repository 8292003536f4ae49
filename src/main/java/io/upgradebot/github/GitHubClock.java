package io.upgradebot.github;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time the GitHub side runs on (pacing, leases, backoff, token expiry). The system clock in production; tests
 * swap in a fixed or stepping clock to drive the write queue without sleeping. Typed to itself so it never competes
 * with another {@link Clock} bean.
 */
@Singleton
@Typed(GitHubClock.class)
public class GitHubClock extends Clock {
    private final AtomicReference<Clock> delegate = new AtomicReference<>(Clock.systemUTC());

    /** Runs on {@code clock} until {@link #useSystemClock()}. */
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
