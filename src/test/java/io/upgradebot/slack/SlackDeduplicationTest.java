package io.upgradebot.slack;

import static io.upgradebot.support.SlackSigner.blockActionPayload;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.eventCallback;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.post;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.upgradebot.slack.http.DeduplicateSlackRequests;
import io.upgradebot.slack.http.SocketModeConnection;
import io.upgradebot.store.ProcessedRequestEntity;
import io.upgradebot.store.ProcessedRequests;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack retries and replays inside the signature window change nothing twice, across restarts (ids in the DB). */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class SlackDeduplicationTest {

    @Inject
    ProcessedRequests processed;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    com.slack.api.bolt.App app;

    @Inject
    io.vertx.core.Vertx vertx;

    @Inject
    io.upgradebot.slack.http.AfterAckExecutor afterAck;

    @BeforeEach
    void reset() {
        // the previous test's work after its ack runs out before the counters start again
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(20), "earlier work after the ack",
                () -> afterAck.inFlight() == 0);
        Fakes.reset();
        ProbeSubcommand.INVOCATIONS.set(0);
        ProbeLaterSubcommand.ANSWERED.set(0);
        ProbeLaterSubcommand.WORKED.set(0);
    }

    static String trigger() {
        return "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void replayedSlashCommandRunsOnce() {
        String body = command("probe", "U0ALICE", "C0UPGRADES", trigger());
        postForm(body).statusCode(200);
        postForm(body).statusCode(200).body(emptyString());
        assertEquals(1, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void aTriggerIdLongerThanTheColumnStillMakesAReplayedCommandRunOnce() {
        // longer than the 200-character column: stored as prefix + hash, and still recognised on every replay
        String longTrigger = trigger() + "." + "7".repeat(300);
        String body = command("probe", "U0ALICE", "C0UPGRADES", longTrigger);
        for (int i = 0; i < 12; i++) {
            postForm(body).statusCode(200);
        }
        assertEquals(1, ProbeSubcommand.INVOCATIONS.get());
        assertTrue(processed.seen("slack:trigger:" + longTrigger));

        // the same through the claim taken after the ack (a handler answering from memory)
        String later = command("probe-later", "U0ALICE", "C0UPGRADES", trigger() + "." + "8".repeat(300));
        double before = repeatsAfterAck();
        for (int i = 0; i < 12; i++) {
            postForm(later).statusCode(200);
        }
        awaitRepeatsAfterAck(before + 11);
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(10), "the work after the ack",
                () -> ProbeLaterSubcommand.WORKED.get() >= 1);
        assertEquals(12, ProbeLaterSubcommand.ANSWERED.get());
        assertEquals(1, ProbeLaterSubcommand.WORKED.get());
    }

    @Test
    void anAbsurdlyLongTriggerIdIsRefusedWith400AndRunsNothing() {
        String absurd = trigger() + "." + "9".repeat(1100);
        postForm(command("probe", "U0ALICE", "C0UPGRADES", absurd)).statusCode(400);
        postForm(command("probe-later", "U0ALICE", "C0UPGRADES", absurd)).statusCode(400);
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
        assertEquals(0, ProbeLaterSubcommand.ANSWERED.get());
        assertFalse(processed.seen("slack:trigger:" + absurd));
    }

    @Test
    void slackRetryOfASeenCommandIsAckedAndIgnored() {
        String body = command("probe", "U0ALICE", "C0UPGRADES", trigger());
        postForm(body).statusCode(200);
        post(ContentType.URLENC, body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode(200).body(emptyString());
        post(ContentType.URLENC, body, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode(200);
        assertEquals(1, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void aCommandThatChangesNothingBeforeItsAckIsClaimedAfterTheAckAndItsWorkRunsOnce() {
        String triggerId = trigger();
        String body = command("probe-later", "U0ALICE", "C0UPGRADES", triggerId);
        postForm(body).statusCode(200);
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(10), "the work after the ack",
                () -> ProbeLaterSubcommand.WORKED.get() == 1);
        assertTrue(processed.seen("slack:trigger:" + triggerId), "claimed once its work started");

        double before = repeatsAfterAck();
        post(ContentType.URLENC, body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode(200);
        postForm(body).statusCode(200);
        awaitRepeatsAfterAck(before + 2);
        assertEquals(3, ProbeLaterSubcommand.ANSWERED.get(), "each repeat is answered (nothing changed by that)");
        assertEquals(1, ProbeLaterSubcommand.WORKED.get(), "but its work is not repeated");
    }

    @Test
    void commandsAnsweredFromMemoryAreAckedOnTheEventLoopAndOthersOnAWorker() {
        postForm(command("probe-later", "U0ALICE", "C0UPGRADES", trigger())).statusCode(200);
        assertTrue(ProbeLaterSubcommand.onEventLoop, "acksWithoutIo: answered on the event loop");
        postForm(command("probe", "U0ALICE", "C0UPGRADES", trigger())).statusCode(200);
        assertFalse(ProbeSubcommand.onEventLoop, "a handler that may wait runs on a worker thread");
    }

    @Test
    void concurrentRepeatsOfACommandClaimedAfterTheAckRunItsWorkOnce() throws Exception {
        String body = command("probe-later", "U0ALICE", "C0UPGRADES", trigger());
        double before = repeatsAfterAck();
        int copies = 6;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return postForm(body).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> f : sent) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        awaitRepeatsAfterAck(before + copies - 1);
        assertEquals(copies, ProbeLaterSubcommand.ANSWERED.get());
        assertEquals(1, ProbeLaterSubcommand.WORKED.get());
    }

    @Test
    void overSocketModeTheSameAppAnswersAndARedeliveredEnvelopeDoesItsWorkOnce() throws Exception {
        try (io.upgradebot.support.FakeSlackSocket socket = new io.upgradebot.support.FakeSlackSocket(vertx)) {
            Fakes.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(socket.connectionsOpenJson())));
            SocketModeConnection connection = new SocketModeConnection();
            try {
                connection.start(app, "xapp-1-A0UPGRADE-test");
                socket.send(
                        io.upgradebot.support.FakeSlackSocket.slashCommand("env-help", "help", "U0ALICE", trigger()));
                assertTrue(socket.ackOf("env-help").contains("/upgrade help"), "the usage comes back in the ack");

                // Slack redelivers an envelope it got no ack for: same request, new envelope id
                String triggerId = trigger();
                double before = repeatsAfterAck();
                socket.send(io.upgradebot.support.FakeSlackSocket.slashCommand("env-1", "probe-later", "U0ALICE",
                        triggerId));
                socket.ackOf("env-1");
                socket.send(io.upgradebot.support.FakeSlackSocket.slashCommand("env-2", "probe-later", "U0ALICE",
                        triggerId));
                socket.ackOf("env-2");
                awaitRepeatsAfterAck(before + 1);
                assertEquals(2, ProbeLaterSubcommand.ANSWERED.get());
                assertEquals(1, ProbeLaterSubcommand.WORKED.get(), "its work ran once");
            } finally {
                connection.stop();
            }
        }
    }

    @Test
    void helpIsAnsweredWithoutTouchingTheDatabase() {
        String triggerId = trigger();
        String body = command("help", "U0ALICE", "C0UPGRADES", triggerId);
        postForm(body).statusCode(200).body(org.hamcrest.Matchers.containsString("/upgrade new"));
        postForm(body).statusCode(200).body(org.hamcrest.Matchers.containsString("/upgrade new"));
        assertFalse(processed.seen("slack:trigger:" + triggerId), "an answer from memory needs no claim");
    }

    @Test
    void differentTriggersAreDifferentRequests() {
        postForm(command("probe", "U0ALICE", "C0UPGRADES", trigger())).statusCode(200);
        postForm(command("probe", "U0ALICE", "C0UPGRADES", trigger())).statusCode(200);
        assertEquals(2, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void replayedButtonClickRunsItsHandlerOnce() {
        double before = linkClicks();
        String body = interaction(
                blockActionPayload(ActionIds.OPEN_LINK.id("docs"), "7", "U0ALICE", "C0UPGRADES", trigger()));
        postForm(body).statusCode(200);
        post(ContentType.URLENC, body, Map.of("X-Slack-Retry-Num", "1")).statusCode(200);
        postForm(body).statusCode(200);
        assertEquals(before + 1, linkClicks(), "the link button's handler ran once");
    }

    @Test
    void eventsAreRecognisedByEventIdOnRetry() {
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String body = eventCallback(eventId, """
                {"type":"app_mention","user":"U0ALICE","text":"<@U0BOT> hello","ts":"1700000000.000300",
                 "channel":"C0UPGRADES","event_ts":"1700000000.000300"}""");
        post(ContentType.JSON, body, Map.of()).statusCode(200);
        assertTrue(processed.seen("slack:event:" + eventId));
        post(ContentType.JSON, body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"))
                .statusCode(200);
        assertEquals(1, ProcessedRequestEntity.count("requestKey", "slack:event:" + eventId));
    }

    private double linkClicks() {
        return metrics.counter(io.upgradebot.slack.interaction.AcknowledgeLinkButton.CLICKS_METRIC).count();
    }

    private double repeatsAfterAck() {
        return metrics.counter(DeduplicateSlackRequests.REPEATS_METRIC, "where", "after_ack").count();
    }

    /** Waits until that many repeats have been recognised after their acks (their work dropped). */
    private void awaitRepeatsAfterAck(double count) {
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(10),
                count + " repeats recognised after the ack",
                () -> repeatsAfterAck() >= count);
    }

    @Test
    void onlyOneOfManyConcurrentClaimsOfAKeyWins() throws Exception {
        String key = "slack:trigger:race-" + UUID.randomUUID();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return processed.markFirstSeen(key, "slack_command");
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : claims) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeDropsOldIdsAndKeepsRecentOnes() {
        String key = "slack:trigger:purge-" + UUID.randomUUID();
        assertTrue(processed.markFirstSeen(key, "slack_command"));
        processed.purgeOlderThan(Instant.now().minusSeconds(3600));
        assertTrue(processed.seen(key));
        processed.purgeOlderThan(Instant.now().plusSeconds(1));
        assertFalse(processed.seen(key));
        assertTrue(processed.markFirstSeen(key, "slack_command"), "a purged id is new again");
    }
}
