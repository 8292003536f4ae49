package io.upgradebot.schedule;

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
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.announce.FireKeys;
import io.upgradebot.project.announce.MomentComposer;
import io.upgradebot.project.announce.ScheduledDeliveries;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.KilledMidPost;
import io.upgradebot.support.ScheduleSeeds;
import io.upgradebot.support.SlackHistoryFake;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A replica killed while posting the announcements due this minute (PostgreSQL only: the replicas share one
 * database). It claims each of 20 due announcements and dies mid-post, after the post reached Slack for half of them
 * and before for the others. Two surviving replicas, their clocks past the sending lease, then run every firing at
 * once (as Quartz recovery and the sweep do): each announcement ends posted exactly once and recorded SENT.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
@Tag("postgres")
class KilledMidPostTest {

    static final int ANNOUNCEMENTS = 20;
    /** A few channels, several announcements each, so a history read meets other deliveries' posts and pages. */
    static final int CHANNELS = 4;

    @Inject
    MomentComposer composer;
    @Inject
    AnnouncementPoster poster;
    @Inject
    MessageTriggers triggers;
    @Inject
    ScheduleConfig config;

    @Test
    void everyAnnouncementIsPostedExactlyOnceAfterAKillBetweenClaimAndPost() throws Exception {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.minusSeconds(30);
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        UpgradeProjectEntity p = project("Killed " + run, "C0KILL" + run, null, LocalDate.now().plusDays(30),
                "U0AUTHOR");
        List<ScheduledMessageEntity> messages = new ArrayList<>();
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            messages.add(
                    message(p.id, "ANNOUNCEMENT", "Announcement " + i, channel(run, i), due, null, "UTC", "U0AUTHOR"));
        }
        String key = FireKeys.once(due).key();

        Clock killedAt = Clock.fixed(now, ZoneOffset.UTC);
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            ScheduledDeliveries dying = new ScheduledDeliveries(composer, new KilledMidPost(poster, i % 2 == 0),
                    triggers,
                    config, killedAt);
            long id = messages.get(i).id;
            assertThrows(KilledMidPost.Killed.class, () -> dying.deliver(id, key, due));
        }
        List<Long> ids = messages.stream().map(m -> m.id).toList();
        assertEquals(ANNOUNCEMENTS, count(ids, DeliveryState.SENDING),
                "the kill left every delivery claimed and unfinished");
        assertEquals(ANNOUNCEMENTS / 2, posted(run).values().stream().mapToLong(Long::longValue).sum());

        // the survivors' clock is past the lease: the dead replica's claims are theirs to take over
        Clock later = Clock.fixed(now.plus(config.sendingLease()).plusSeconds(1), ZoneOffset.UTC);
        List<ScheduledDeliveries> survivors = List.of(
                new ScheduledDeliveries(composer, poster, triggers, config, later),
                new ScheduledDeliveries(composer, poster, triggers, config, later));
        ExecutorService pool = Executors.newFixedThreadPool(survivors.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<ScheduledDeliveries.Outcome>>> runs = new ArrayList<>();
            for (int r = 0; r < survivors.size(); r++) {
                ScheduledDeliveries replica = survivors.get(r);
                List<ScheduledMessageEntity> order = new ArrayList<>(messages);
                Collections.shuffle(order, new Random(r));
                runs.add(pool.submit(() -> {
                    go.await();
                    List<ScheduledDeliveries.Outcome> outcomes = new ArrayList<>();
                    for (ScheduledMessageEntity m : order) {
                        outcomes.add(replica.deliver(m.id, key, due));
                    }
                    return outcomes;
                }));
            }
            go.countDown();
            for (Future<List<ScheduledDeliveries.Outcome>> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(ANNOUNCEMENTS, count(ids, DeliveryState.SENT), "every delivery recorded as sent");
        Map<String, Long> perText = posted(run);
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            assertEquals(1L, perText.getOrDefault("Announcement " + i, 0L), "announcement " + i + " posted " + perText);
        }
        assertEquals(0, postsTo("D0DMCHANNEL").size(), "no author is told of a failure");
        List<ScheduledDeliveryEntity> rows = QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.<ScheduledDeliveryEntity>list("scheduledMessageId in ?1", ids));
        for (ScheduledDeliveryEntity d : rows) {
            String ts = d.messageTs;
            assertTrue(ts != null && !ts.isBlank(), "a sent delivery knows its message: " + d.id);
        }
    }

    private static String channel(String run, int i) {
        return "C0K" + run + (i % CHANNELS);
    }

    /** How often each text was posted in this run's channels. */
    private static Map<String, Long> posted(String run) {
        return SlackHistoryFake.posted().stream()
                .filter(p -> p.channel() != null && p.channel().startsWith("C0K" + run))
                .collect(Collectors.groupingBy(SlackHistoryFake.Posted::text, Collectors.counting()));
    }

    private static long count(List<Long> ids, DeliveryState state) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.count("scheduledMessageId in ?1 and state = ?2", ids, state));
    }
}
