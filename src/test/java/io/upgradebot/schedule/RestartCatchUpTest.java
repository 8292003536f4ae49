package io.upgradebot.schedule;

import static io.upgradebot.support.ScheduleSeeds.message;
import static io.upgradebot.support.ScheduleSeeds.postsTo;
import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.QuartzNode;
import io.upgradebot.support.ScheduleSeeds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;

/**
 * "A restart fires what was due while it was down (once) and nothing twice", with the application's real job class
 * and delivery service on Quartz's JDBC store (H2 here, PostgreSQL under -Ppostgres): triggers stored by one
 * scheduler that stops before they are due, a new scheduler instance started on the same tables, then another.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class RestartCatchUpTest {

    @Test
    void whatWasDueWhileDownPostsOnceOnStartAndNeverAgain() throws Exception {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        UpgradeProjectEntity p = project("Restart " + System.nanoTime(), "C0RESTART", null,
                LocalDate.now().plusDays(90), "U0ORCH");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a one-shot due ten minutes ago, and a daily message whose last three occurrences passed while down
        ScheduledMessageEntity once = message(p.id, "ANNOUNCEMENT", "Due while we were down", "C0MISSEDONCE",
                now.minus(Duration.ofMinutes(10)), null, "UTC", "U0ORCH");
        ScheduledMessageEntity daily = message(p.id, "ANNOUNCEMENT", "Every day at 10:00", "C0MISSEDDAILY", null,
                "0 0 10 * * ?", "UTC", "U0ORCH");

        Scheduler before = QuartzNode.create("restart-proof", "before-restart", false, 1000);
        before.clear();
        before.scheduleJob(QuartzMessageTriggers.job(once.id), Set.of(QuartzMessageTriggers.trigger(once)), true);
        Trigger dailyTrigger = QuartzMessageTriggers.trigger(daily).getTriggerBuilder()
                .startAt(Date.from(now.minus(Duration.ofDays(3)))).build();
        before.scheduleJob(QuartzMessageTriggers.job(daily.id), Set.of(dailyTrigger), true);
        before.shutdown(true); // never started: the bot was down when these came due
        assertEquals(0, postsTo("C0MISSEDONCE").size() + postsTo("C0MISSEDDAILY").size());

        Scheduler after = QuartzNode.create("restart-proof", "after-restart", false, 1000);
        after.start();
        Eventually.await(Duration.ofSeconds(30), "both missed messages posted",
                () -> sent(once.id) == 1 && sent(daily.id) == 1);
        after.shutdown(true);

        assertEquals(1, postsTo("C0MISSEDONCE").size());
        assertEquals(1, postsTo("C0MISSEDDAILY").size(), "three missed occurrences, one catch-up post");
        Instant lastTen = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        String expectedKey = "cron:" + (lastTen.isAfter(now) ? lastTen.minus(Duration.ofDays(1)) : lastTen);
        assertEquals(expectedKey, QuarkusTransaction.requiringNew().call(() -> ScheduledDeliveryEntity
                .<ScheduledDeliveryEntity>find("scheduledMessageId", daily.id).firstResult().fireKey),
                "the catch-up is the latest occurrence it stands for");

        // a second restart: a probe due now shows the scheduler has run its misfire pass; nothing is posted twice
        ScheduledMessageEntity probe = message(p.id, "ANNOUNCEMENT", "Probe", "C0PROBE", now, null, "UTC", "U0ORCH");
        Scheduler again = QuartzNode.create("restart-proof", "second-restart", false, 1000);
        again.scheduleJob(QuartzMessageTriggers.job(probe.id), Set.of(QuartzMessageTriggers.trigger(probe)), true);
        again.start();
        Eventually.await(Duration.ofSeconds(30), "probe posted", () -> sent(probe.id) == 1);
        again.clear();
        again.shutdown(true);

        assertEquals(1, postsTo("C0MISSEDONCE").size());
        assertEquals(1, postsTo("C0MISSEDDAILY").size());
        assertEquals(1, postsTo("C0PROBE").size());
    }

    static long sent(long messageId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.count("scheduledMessageId = ?1 and state = ?2", messageId,
                        DeliveryState.SENT));
    }
}
