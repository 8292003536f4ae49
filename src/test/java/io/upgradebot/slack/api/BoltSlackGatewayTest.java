package io.upgradebot.slack.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.project.ChannelPostSlots;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.view.LoadingModal;
import io.upgradebot.store.SlackChannelPacingEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.RecordingSleeper;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API port against a fake Slack that answers like the real one: 429 + Retry-After, 5xx, ok:false. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class BoltSlackGatewayTest {

    /**
     * The messages the retry tests edit (form-encoded), with ts values no fake post answers: other tests' late status
     * edits do not play their parts.
     */
    static final String RATE_LIMITED_TS = "ts=1700000000.000200";
    static final String FAILING_TS = "ts=1700000000.000901";

    static final String OK_POST = """
            {"ok":true,"channel":"%s","ts":"1700000000.000777",
             "message":{"type":"message","text":"hi","ts":"1700000000.000777","bot_id":"B0BOT"}}""";

    @Inject
    SlackGateway slack;

    @Inject
    UpgradeBotConfig config;

    @Inject
    RecordingSleeper sleeper;

    @Inject
    ChannelPostSlots slots;

    @Inject
    Clock clock;

    @BeforeEach
    void reset() {
        Fakes.reset();
        sleeper.clear();
    }

    @Test
    void rateLimitedPostWaitsRetryAfterThenPostsOnce() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("429")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("allowed"));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("429")
                .whenScenarioStateIs("allowed")
                .willReturn(okJson(OK_POST.formatted("C0RATE"))));

        long started = System.nanoTime();
        assertEquals("1700000000.000777", slack.postMessage("C0RATE", null, "hi", List.of()));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        List<LoggedRequest> posts = posts("C0RATE");
        assertEquals(2, posts.size(), "one refused attempt and one post");
        assertTrue(tookMillis >= 1000, "waited " + tookMillis + " ms, Retry-After said 1 s");
        assertTrue(posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime() >= 950);
    }

    @Test
    void slacksOtherSpellingOfRateLimitedIsRetriedToo() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(RATE_LIMITED_TS))
                .inScenario("rate_limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":false,\"error\":\"rate_limited\"}"))
                .willSetStateTo("allowed"));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(RATE_LIMITED_TS))
                .inScenario("rate_limited")
                .whenScenarioStateIs("allowed")
                .willReturn(okJson(
                        "{\"ok\":true,\"channel\":\"C0UPGRADES\",\"ts\":\"1700000000.000200\",\"text\":\"x\"}")));

        slack.updateMessage("C0UPGRADES", "1700000000.000200", "x", List.of());

        Fakes.slack.verify(2,
                postRequestedFor(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(RATE_LIMITED_TS)));
    }

    @Test
    void serverErrorsAreRetried() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(FAILING_TS))
                .inScenario("5xx")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
                .willSetStateTo("second"));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(FAILING_TS))
                .inScenario("5xx")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500).withBody("oops"))
                .willSetStateTo("healthy"));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(FAILING_TS))
                .inScenario("5xx")
                .whenScenarioStateIs("healthy")
                .willReturn(okJson(
                        "{\"ok\":true,\"channel\":\"C0UPGRADES\",\"ts\":\"1700000000.000901\",\"text\":\"x\"}")));

        slack.updateMessage("C0UPGRADES", "1700000000.000901", "x", List.of());

        Fakes.slack.verify(3,
                postRequestedFor(urlPathEqualTo("/api/chat.update")).withRequestBody(containing(FAILING_TS)));
        assertTrue(sleeper.waits().containsAll(List.of(BoltSlackGateway.backoff(0), BoltSlackGateway.backoff(1))),
                "each retry waited its backoff through the injected sleeper: " + sleeper.waits());
    }

    @Test
    void postsToOneChannelAreSpacedByTheConfiguredInterval() throws Exception {
        Fakes.slack
                .stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(OK_POST.formatted("C0PACE"))));
        slack.postMessage("C0WARMUP", null, "warm the connection", List.of());
        int messages = 4;
        ExecutorService pool = Executors.newFixedThreadPool(messages);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                int n = i;
                sent.add(pool.submit(() -> slack.postMessage("C0PACE", null, "message " + n, List.of())));
            }
            for (Future<String> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long interval = config.slack().channelPostInterval().toMillis();
        // WireMock logs arrival times: the HTTP hop and a busy CI machine add jitter to each, never to the pacing (posts
        // not paced at all would arrive a few milliseconds apart)
        long jitter = interval / 2;
        List<Long> times = posts("C0PACE").stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(messages, times.size());
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= interval - jitter,
                    "posts " + i + " and " + (i + 1) + " only " + gap + " ms apart; interval "
                            + interval + " ms");
        }
        long span = times.get(times.size() - 1) - times.get(0);
        assertTrue(span >= (messages - 1) * interval - jitter, "4 posts within " + span + " ms");
    }

    @Test
    void otherChannelsAreNotHeldUpByPacing() throws Exception {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(OK_POST.formatted("C0X"))));
        String held = "C0HELD" + System.nanoTime();
        // Slack asked to wait ten minutes before the next post to one channel (a 429's Retry-After, shared by replicas)
        Instant until = clock.instant().plus(Duration.ofMinutes(10));
        slots.holdUntil(held, until, config.slack().channelPostInterval());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> waiting = pool.submit(() -> slack.postMessage(held, null, "held back", List.of()));
            // its post has taken the slot after the hold, and waits for it
            Eventually.await(Duration.ofSeconds(10), "the held post's slot booked",
                    () -> nextPostAt(held).isAfter(until));
            // the other channels' posts go out meanwhile, each on its own slot, none waiting for the held channel
            Future<?> others = pool.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    slack.postMessage("C0OTHER" + i, null, "one each", List.of());
                }
                return null;
            });
            others.get(2, TimeUnit.MINUTES);
            for (int i = 0; i < 3; i++) {
                assertEquals(1, posts("C0OTHER" + i).size());
            }
            assertEquals(List.of(), posts(held), "while the held channel still waits");
            assertTrue(!waiting.isDone());
        } finally {
            pool.shutdownNow(); // the held post gives up waiting
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
        assertEquals(List.of(), posts(held), "and does not post when it gives up");
    }

    private static Instant nextPostAt(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SlackChannelPacingEntity row = SlackChannelPacingEntity
                    .findById(channel);
            return row == null ? Instant.MIN : row.nextPostAt;
        });
    }

    @Test
    void slackErrorIsThrownWithItsCodeAndNotRetried() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        SlackGateway.SlackException e = assertThrows(SlackGateway.SlackException.class,
                () -> slack.postMessage("C0GONE", null, "hello?", List.of()));

        assertEquals("channel_not_found", e.error());
        assertEquals(1, posts("C0GONE").size());
    }

    @Test
    void usersAreReadFromUsersInfo() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(
                okJson("""
                        {"ok":true,"user":{"id":"U0ALICE","team_id":"T0001","name":"alice","deleted":false,"real_name":"Alice Liddell",
                         "tz":"Europe/Berlin","tz_label":"Central European Time","tz_offset":3600,
                         "profile":{"real_name":"Alice Liddell","display_name":"alice","email":"alice@example.com"},
                         "is_admin":false,"is_bot":false,"updated":1700000000}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=U0NOBODY"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));

        SlackGateway.SlackUser alice = slack.user("U0ALICE").orElseThrow();
        assertEquals(
                new SlackGateway.SlackUser("U0ALICE", "alice", "Alice Liddell", "alice@example.com", "Europe/Berlin",
                        false),
                alice);
        assertTrue(slack.user("U0NOBODY").isEmpty());
    }

    @Test
    void modalIsOpenedThenFilled() {
        String viewId = slack.openView("13345224609.modal",
                LoadingModal.of(CallbackIds.ANNOUNCE_COMPOSE, "Upgrade project"));
        slack.updateView(viewId, LoadingModal.of(CallbackIds.ANNOUNCE_COMPOSE, "Filled"));

        assertEquals("V0MODAL", viewId);
        Fakes.slack.verify(postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withRequestBody(containing("trigger_id=13345224609.modal")));
        Fakes.slack.verify(
                postRequestedFor(urlPathEqualTo("/api/views.update")).withRequestBody(containing("view_id=V0MODAL")));
    }

    @Test
    void responseUrlGetsAnEphemeralJsonMessage() {
        String responseUrl = Fakes.slack.baseUrl() + "/commands/T0001/1234/13345224609.respond";
        slack.respond(responseUrl, "Done: 3 issues opened", List.of(), false);

        Fakes.slack.verify(postRequestedFor(urlPathEqualTo("/commands/T0001/1234/13345224609.respond"))
                .withRequestBody(equalToJson("""
                        {"text":"Done: 3 issues opened","response_type":"ephemeral","replace_original":false}""")));
    }

    private static List<LoggedRequest> posts(String channel) {
        return Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=" + channel)))
                .stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }
}
