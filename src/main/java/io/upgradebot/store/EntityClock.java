package io.upgradebot.store;

import io.quarkus.arc.Arc;
import java.time.Clock;
import java.time.Instant;

/**
 * The bot's one {@link Clock} bean, for the timestamps JPA callbacks set ({@code @PrePersist} / {@code @PreUpdate}
 * take no arguments, so the caller cannot pass the time in): a test clock then moves them too.
 */
final class EntityClock {
    private EntityClock() {
    }

    static Instant now() {
        return Arc.container().instance(Clock.class).get().instant();
    }
}
