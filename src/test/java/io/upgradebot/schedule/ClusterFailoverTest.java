package io.upgradebot.schedule;

import static io.upgradebot.support.ScheduleSeeds.message;
import static io.upgradebot.support.ScheduleSeeds.posts;
import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;

/**
 * The clustering proof (PostgreSQL only: H2 cannot be shared by replicas). Two Quartz instances, each with its own
 * instance id and connections, clustered on one PostgreSQL, run the application's real job class and delivery
 * service against the counting Slack fake. Dozens of messages come due over a few seconds; one replica is stopped
 * half-way. Every message is posted exactly once, and the other replica finishes the work.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
@Tag("postgres")
class ClusterFailoverTest {

    static final int MESSAGES = 40;
    static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ClusterFailoverTest.class);

    @Test
    void everyScheduledPostGoesOutOnceAndTheSurvivorTakesOver() throws Exception {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        UpgradeProjectEntity p = project("Cluster " + System.nanoTime(), "C0CLUSTER", null,
                LocalDate.now().plusDays(90), "U0ORCH");
        Map<String, AtomicInteger> ranOn = new ConcurrentHashMap<>();
        Scheduler a = QuartzNode.create("cluster-proof", "replica-a", true, 1000);
        Scheduler b = QuartzNode.create("cluster-proof", "replica-b", true, 1000);
        a.clear();
        a.getListenerManager().addJobListener(counting("replica-a", ranOn));
        b.getListenerManager().addJobListener(counting("replica-b", ranOn));

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        List<ScheduledMessageEntity> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            // one channel each, so Slack's one-post-per-second-per-channel pacing does not stretch the test
            ScheduledMessageEntity m = message(p.id, "ANNOUNCEMENT", "Cluster post " + i, "C0CL" + i,
                    start.plusMillis(250L * i), null, "UTC", "U0ORCH");
            messages.add(m);
            a.scheduleJob(QuartzMessageTriggers.job(m.id), Set.of(QuartzMessageTriggers.trigger(m)), true);
        }
        List<Long> ids = messages.stream().map(m -> m.id).toList();
        a.start();
        b.start();

        Eventually.await(Duration.ofSeconds(30), "a third of the messages posted", () -> sent(ids) >= MESSAGES / 3);
        a.shutdown(false); // replica A stops mid-way; its work must not be lost
        Instant stopped = Instant.now();
        int beforeStop = ranOn.getOrDefault("replica-b", new AtomicInteger()).get();
        long sentAtStop = sent(ids);
        Eventually.await(Duration.ofSeconds(45), "every message posted", () -> sent(ids) == MESSAGES);
        LOG.infof(
                "cluster proof: %d messages, %d sent when replica A stopped, runs per replica %s, all sent %d ms after the stop",
                MESSAGES, sentAtStop, ranOn, Duration.between(stopped, Instant.now()).toMillis());
        b.clear();
        b.shutdown(true);

        Map<String, Long> perChannel = posts().stream().map(f -> f.get("channel"))
                .filter(c -> c != null && c.startsWith("C0CL"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(MESSAGES, perChannel.size(), "every message reached Slack: " + perChannel);
        perChannel.forEach((channel, count) -> assertEquals(1L, count, channel + " was posted " + count + " times"));
        assertTrue(ranOn.getOrDefault("replica-a", new AtomicInteger()).get() > 0,
                "replica A did part of the work: " + ranOn);
        assertTrue(ranOn.get("replica-b").get() > beforeStop, "replica B went on after A stopped: " + ranOn);
        assertEquals(MESSAGES,
                QuarkusTransaction.requiringNew()
                        .call(() -> ScheduledDeliveryEntity.count("scheduledMessageId in ?1", ids)),
                "one delivery row per message");
    }

    static long sent(List<Long> ids) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.count("scheduledMessageId in ?1 and state = ?2", ids,
                        DeliveryState.SENT));
    }

    static JobListener counting(String replica, Map<String, AtomicInteger> ranOn) {
        return new JobListener() {
            @Override
            public String getName() {
                return "count-" + replica;
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                ranOn.computeIfAbsent(replica, k -> new AtomicInteger()).incrementAndGet();
            }
        };
    }
}
