package io.upgradebot.project.status;

import static io.upgradebot.support.OwnerDoesFixtures.sent;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SettableClock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status message keeps being edited when the clock moves back (a corrected clock, a VM resumed): an edit made
 * under the clock as it was does not hold the next one back for as long as the clock jumped, neither in the
 * message's own throttle nor in the channel's posting pace.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class StatusMessageClockTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    StatusMessages statusMessages;
    @Inject
    SettableClock clock;

    @AfterEach
    void systemClock() {
        clock.useSystemClock();
    }

    @Test
    void anEditAfterTheClockMovedAWeekBackGoesOutWithinTheInterval() {
        Seeded p = OwnerDoesFixtures.seed(OwnerDoesFixtures.freshFakes(), Map.of("openedx/clock-q", "openedx/arch"));
        clock.use(Clock.offset(Clock.systemUTC(), Duration.ofDays(7)));
        statusMessages.refreshNow(p.projectId()); // posted, "a week from now"
        clock.useSystemClock();

        statusMessages.refresh(p.projectId());
        Eventually.await(WAIT, "the status message edited", () -> sent("chat.update").stream()
                .anyMatch(m -> m.toString().contains(p.slug())));
        Eventually.await(WAIT, "no edit left waiting", () -> statusMessages.inFlight() == 0);
    }
}
