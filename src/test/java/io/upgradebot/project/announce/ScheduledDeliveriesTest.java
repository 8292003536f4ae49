package io.upgradebot.project.announce;

import static io.upgradebot.support.ScheduleSeeds.message;
import static io.upgradebot.support.ScheduleSeeds.postsTo;
import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.MessageState;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.announce.ScheduledDeliveries.Outcome;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.KilledMidPost;
import io.upgradebot.support.ScheduleSeeds;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackHistoryFake;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once, at the delivery service the Quartz job calls (called directly here, no trigger involved): repeated
 * and concurrent runs of one firing, 429s, transient and permanent Slack errors, late runs of recurring messages, an
 * post interrupted by a kill (found in Slack's history, or posted), a cancellation racing its firing. The Slack side is the real gateway against the WireMock fake.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class ScheduledDeliveriesTest {

    @Inject
    ScheduledDeliveries deliveries;
    @Inject
    MessageTriggers triggers;
    @Inject
    org.quartz.Scheduler quartz;
    @Inject
    MomentComposer composer;
    @Inject
    AnnouncementPoster poster;
    @Inject
    ScheduleConfig config;

    UpgradeProjectEntity project;
    final List<Long> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        project = project("Delivery " + System.nanoTime(), "C0DELIVER", null, LocalDate.now().plusDays(60), "U0AUTHOR");
    }

    @AfterEach
    void dropTriggers() {
        // retries scheduled by these tests must not fire into later ones
        messages.forEach(triggers::unschedule);
    }

    private ScheduledMessageEntity announcement(String channel, Instant runAt, String cron) {
        ScheduledMessageEntity m = message(project.id, "ANNOUNCEMENT",
                "Heads up: the *Django 5.2* upgrade starts Monday.",
                channel, runAt, cron, "Europe/Berlin", "U0AUTHOR");
        messages.add(m.id);
        return m;
    }

    @Test
    void aFiringPostsOnceHoweverOftenItRuns() {
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        ScheduledMessageEntity m = announcement("C0ONCE", due, null);
        String key = FireKeys.once(due).key();

        assertEquals(Outcome.SENT, deliveries.deliver(m.id, key, due));
        assertEquals(Outcome.ALREADY_DONE, deliveries.deliver(m.id, key, due));
        assertEquals(Outcome.ALREADY_DONE, deliveries.fired(m.id, due), "a late duplicate run of the one-shot");

        assertEquals(1, postsTo("C0ONCE").size());
        assertTrue(postsTo("C0ONCE").get(0).get("blocks").contains("Django 5.2"));
        ScheduledDeliveryEntity d = delivery(m.id, key);
        assertEquals(DeliveryState.SENT, d.state);
        assertEquals("1767225600.000100", d.messageTs);
        assertEquals(MessageState.DONE, state(m.id));
    }

    @Test
    void concurrentRunsOfOneFiringPostOnce() throws Exception {
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScheduledMessageEntity m = announcement("C0RACE", due, null);
        String key = FireKeys.once(due).key();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(pool.submit((Callable<Outcome>) () -> {
                go.await();
                return deliveries.deliver(m.id, key, due);
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : runs) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.SENT).count(), outcomes.toString());
        assertEquals(1, postsTo("C0RACE").size());
    }

    @Test
    void slackRateLimitsAreWaitedOutAndTheMessageGoesOutOnce() {
        ScheduleSeeds.slackRateLimits("C0BUSY", "busy", 2);
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScheduledMessageEntity m = announcement("C0BUSY", due, null);

        assertEquals(Outcome.SENT, deliveries.deliver(m.id, FireKeys.once(due).key(), due));

        assertEquals(3, postsTo("C0BUSY").size(), "two 429 answers, then the post");
        assertEquals(1, delivery(m.id, FireKeys.once(due).key()).attempts,
                "the gateway waited; no second delivery attempt");
    }

    @Test
    void rateLimitsBeyondTheGatewaysRetriesKeepItPendingForARetryNeverLost() throws Exception {
        ScheduleSeeds.slackAlwaysRateLimits("C0FLAKY");
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScheduledMessageEntity m = announcement("C0FLAKY", due, null);
        String key = FireKeys.once(due).key();

        assertEquals(Outcome.RETRY_SCHEDULED, deliveries.deliver(m.id, key, due));
        ScheduledDeliveryEntity pending = delivery(m.id, key);
        assertEquals(DeliveryState.PENDING, pending.state);
        assertEquals(1, pending.attempts);
        assertTrue(pending.lastError.contains("ratelimited"), pending.lastError);
        assertEquals(MessageState.ACTIVE, state(m.id));
        org.quartz.Trigger retry = quartz.getTrigger(org.quartz.TriggerKey.triggerKey(
                "message-" + m.id + "-retry-" + key, io.upgradebot.schedule.QuartzMessageTriggers.GROUP));
        assertTrue(retry != null && retry.getNextFireTime().toInstant().isAfter(Instant.now().plusSeconds(20)),
                "a retry is scheduled about retry-backoff (30 s) later");
        int tries = postsTo("C0FLAKY").size();
        assertTrue(tries > 1, "the gateway honoured Retry-After several times before giving up: " + tries);

        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        // what the retry trigger does when it fires
        assertEquals(Outcome.SENT, deliveries.deliver(m.id, key, due));
        assertEquals(1, postsTo("C0FLAKY").size());
        assertEquals(2, delivery(m.id, key).attempts);
    }

    @Test
    void aChannelThatIsGoneFailsForGoodAndTheAuthorIsTold() {
        ScheduleSeeds.slackRefuses("C0GONE", "channel_not_found");
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScheduledMessageEntity m = announcement("C0GONE", due, null);

        assertEquals(Outcome.FAILED, deliveries.deliver(m.id, FireKeys.once(due).key(), due));

        assertEquals(DeliveryState.FAILED, delivery(m.id, FireKeys.once(due).key()).state);
        List<java.util.Map<String, String>> dms = postsTo("D0DMCHANNEL");
        assertEquals(1, dms.size());
        assertTrue(dms.get(0).get("blocks").contains("channel_not_found"));
    }

    @Test
    void aLateRunOfARecurringMessageIsTheOccurrenceItMissed() {
        // every Monday 10:00 Berlin; the bot was down over Monday 2026-03-16 and came back on Wednesday
        ScheduledMessageEntity m = announcement("C0WEEKLY", null, "0 0 10 ? * MON");
        Instant monday = Instant.parse("2026-03-16T09:00:00Z");

        assertEquals(Outcome.SENT, deliveries.fired(m.id, Instant.parse("2026-03-18T15:00:00Z")));
        assertEquals(Outcome.ALREADY_DONE, deliveries.fired(m.id, Instant.parse("2026-03-18T15:00:05Z")),
                "a second catch-up (another replica, a recovery) is the same firing");
        assertEquals(Outcome.ALREADY_DONE, deliveries.fired(m.id, monday));
        assertEquals(Outcome.SENT, deliveries.fired(m.id, Instant.parse("2026-03-23T09:00:00Z")), "next Monday");

        assertEquals(2, postsTo("C0WEEKLY").size());
        assertEquals(DeliveryState.SENT, delivery(m.id, "cron:" + monday).state);
        assertEquals(MessageState.ACTIVE, state(m.id));
    }

    @Test
    void aPostThatReachedSlackBeforeTheCrashIsNotPostedAgainOnRecovery() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.minusSeconds(5);
        ScheduledMessageEntity m = announcement("C0CRASHPOSTED", due, null);
        String key = FireKeys.once(due).key();

        killedWhilePosting(m.id, key, due, now, true);
        assertEquals(DeliveryState.SENDING, delivery(m.id, key).state,
                "the kill left the delivery claimed, not finished");
        assertEquals(1, postsTo("C0CRASHPOSTED").size(), "the post reached Slack before the kill");
        // within the lease nobody takes it over: the replica may only be slow
        assertEquals(Outcome.IN_PROGRESS,
                replica(Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC)).deliver(m.id, key, due));

        Outcome recovered = replica(Clock.fixed(now.plus(config.sendingLease()).plusSeconds(1), ZoneOffset.UTC))
                .deliver(m.id, key, due);

        assertEquals(Outcome.ALREADY_DONE, recovered);
        assertEquals(1, postsTo("C0CRASHPOSTED").size(), "found in the channel's history, not posted again");
        ScheduledDeliveryEntity d = delivery(m.id, key);
        assertEquals(DeliveryState.SENT, d.state);
        String historyTs = SlackHistoryFake.posted().stream().filter(p -> "C0CRASHPOSTED".equals(p.channel()))
                .findFirst().orElseThrow().ts();
        assertEquals(historyTs, d.messageTs, "the ts of the post found in the history");
        assertEquals(0, postsTo("D0DMCHANNEL").size(), "nothing to tell the author");
        assertTrue(
                SlackCalls.of("conversations.history").stream().anyMatch(c -> "C0CRASHPOSTED".equals(c.get("channel"))
                        && "1".equals(c.get("include_all_metadata")) && c.get("oldest") != null));
    }

    @Test
    void aPostThatNeverReachedSlackIsPostedOnceOnRecovery() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.minusSeconds(5);
        ScheduledMessageEntity m = announcement("C0CRASHLOST", due, null);
        ScheduledMessageEntity other = announcement("C0CRASHLOST", due, null);
        String key = FireKeys.once(due).key();
        // another delivery's post is in the same channel's history: it must not be taken for this one
        assertEquals(Outcome.SENT, deliveries.deliver(other.id, key, due));

        killedWhilePosting(m.id, key, due, now, false);
        assertEquals(1, postsTo("C0CRASHLOST").size());

        ScheduledDeliveries survivor = replica(
                Clock.fixed(now.plus(config.sendingLease()).plusSeconds(1), ZoneOffset.UTC));
        assertEquals(Outcome.SENT, survivor.deliver(m.id, key, due));
        assertEquals(Outcome.ALREADY_DONE, survivor.deliver(m.id, key, due));

        assertEquals(2, postsTo("C0CRASHLOST").size(), "posted once more: this delivery's post");
        assertEquals(DeliveryState.SENT, delivery(m.id, key).state);
        List<String> keys = SlackHistoryFake.posted().stream().filter(p -> "C0CRASHLOST".equals(p.channel()))
                .map(p -> p.metadata().at("/event_payload/key").asText()).toList();
        assertEquals(List.of(delivery(other.id, key).deliveryKey, delivery(m.id, key).deliveryKey), keys,
                "every post carries its own delivery's key: " + keys);
        assertEquals("upgrade_bot_delivery", SlackHistoryFake.posted().get(SlackHistoryFake.posted().size() - 1)
                .metadata().at("/event_type").asText());
    }

    /** A replica claims the firing and is killed while posting it (after its post reached Slack, or before). */
    private void killedWhilePosting(long messageId, String key, Instant due, Instant now, boolean reachesSlack) {
        ScheduledDeliveries doomed = new ScheduledDeliveries(composer, new KilledMidPost(poster, reachesSlack),
                triggers,
                config, Clock.fixed(now, ZoneOffset.UTC));
        assertThrows(KilledMidPost.Killed.class, () -> doomed.deliver(messageId, key, due));
    }

    private ScheduledDeliveries replica(Clock clock) {
        return new ScheduledDeliveries(composer, poster, triggers, config, clock);
    }

    @Test
    void theSweepFinishesWhatACrashLeftBehind() {
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(java.time.Duration.ofHours(2));
        ScheduledMessageEntity lost = announcement("C0LOST", due, null);
        ScheduledMessageEntity stuck = announcement("C0STUCK", due, null);
        String key = FireKeys.once(due).key();
        QuarkusTransaction.requiringNew().run(() -> {
            // claimed, then the replica died before posting (and its retry trigger is gone with it)
            persist(lost.id, key, due, DeliveryState.PENDING, due.plusSeconds(1));
            // died while posting
            persist(stuck.id, key, due, DeliveryState.SENDING, due.plusSeconds(1));
        });

        deliveries.sweep();

        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(15), "the lost firing posted",
                () -> delivery(lost.id, key).state == DeliveryState.SENT);
        assertEquals(1, postsTo("C0LOST").size());
        // it died before recording where it posted: nothing can have reached Slack, so it is posted now
        assertEquals(DeliveryState.SENT, delivery(stuck.id, key).state);
        assertEquals(1, postsTo("C0STUCK").size());
    }

    private static void persist(long messageId, String key, Instant due, DeliveryState state, Instant attemptedAt) {
        ScheduledDeliveryEntity d = new ScheduledDeliveryEntity();
        d.scheduledMessageId = messageId;
        d.fireKey = key;
        d.dueAt = due;
        d.state = state;
        d.attempts = 1;
        d.attemptedAt = attemptedAt;
        d.createdAt = due;
        d.persist();
    }

    @Test
    void aCancelledMessageDoesNotFire() {
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScheduledMessageEntity m = announcement("C0CANCEL", due, null);
        QuarkusTransaction.requiringNew()
                .run(() -> ScheduledMessageEntity.update("state = ?1 where id = ?2", MessageState.CANCELLED, m.id));

        assertEquals(Outcome.NOT_ACTIVE, deliveries.deliver(m.id, FireKeys.once(due).key(), due));
        assertEquals(0, postsTo("C0CANCEL").size());
    }

    static ScheduledDeliveryEntity delivery(long messageId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledDeliveryEntity
                .<ScheduledDeliveryEntity>find("scheduledMessageId = ?1 and fireKey = ?2", messageId, key)
                .firstResult());
    }

    static MessageState state(long messageId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ScheduledMessageEntity.<ScheduledMessageEntity>findById(messageId).state);
    }
}
