package io.upgradebot.project.status;

import static io.upgradebot.support.OwnerDoesFixtures.sent;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.github.WriteQueueLoop;
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
 * The status message keeps being edited when the clock moves back (a corrected clock, a VM resumed): the edit made
 * under the clock as it was does not hold the next one back for as long as the clock jumped (the channel's posting
 * pace does the same: ChannelPacerTest).
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class StatusMessageClockTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    StatusMessages statusMessages;
    @Inject
    SettableClock clock;
    @Inject
    WriteQueueLoop worker;

    @AfterEach
    void systemClock() {
        clock.useSystemClock();
        worker.resume();
    }

    @Test
    void anEditAfterTheClockMovedAWeekBackGoesOutWithinTheInterval() {
        Seeded p = OwnerDoesFixtures.seed(OwnerDoesFixtures.freshFakes(), Map.of("openedx/clock-q", "openedx/arch"));
        statusMessages.refreshNow(p.projectId()); // posted now
        // the GitHub write queue keeps its own times (pace, leases): it sits the jump out, only the message is tested
        worker.pause();
        clock.use(Clock.offset(Clock.systemUTC(), Duration.ofDays(-7)));

        statusMessages.refresh(p.projectId());
        Eventually.await(WAIT, "the status message edited", () -> sent("chat.update").stream()
                .anyMatch(m -> m.toString().contains(p.slug())));
    }
}
