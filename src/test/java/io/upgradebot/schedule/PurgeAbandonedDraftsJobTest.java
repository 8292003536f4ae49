package io.upgradebot.schedule;

import static io.upgradebot.support.ScheduleSeeds.message;
import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.MessageState;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A draft whose author closed the announcement modal goes after a day; one still being composed stays. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class PurgeAbandonedDraftsJobTest {

    @Inject
    PurgeAbandonedDraftsJob job;

    @Test
    void draftsOlderThanADayAreDeletedAndEverythingElseStays() {
        UpgradeProjectEntity p = project("Drafts " + System.nanoTime(), "C0DRAFTS", null, LocalDate.now().plusDays(30),
                "U0AUTHOR");
        Instant now = Instant.now();
        long abandoned = draft(p, now.minus(Duration.ofDays(2)), MessageState.DRAFT);
        long composing = draft(p, now.minus(Duration.ofHours(1)), MessageState.DRAFT);
        long oldButConfirmed = draft(p, now.minus(Duration.ofDays(2)), MessageState.ACTIVE);

        job.run();

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(ScheduledMessageEntity.findById(abandoned), "a draft older than a day is gone");
            assertEquals(MessageState.DRAFT, ScheduledMessageEntity.<ScheduledMessageEntity>findById(composing).state);
            assertEquals(MessageState.ACTIVE,
                    ScheduledMessageEntity.<ScheduledMessageEntity>findById(oldButConfirmed).state);
        });
    }

    private static long draft(UpgradeProjectEntity p, Instant createdAt, MessageState state) {
        ScheduledMessageEntity m = message(p.id, "ANNOUNCEMENT", "Heads up", "C0DRAFTS",
                createdAt.plusSeconds(3600 * 72),
                null, "Europe/Berlin", "U0AUTHOR");
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledMessageEntity e = ScheduledMessageEntity.findById(m.id);
            e.state = state;
            e.createdAt = createdAt;
        });
        return m.id;
    }
}
