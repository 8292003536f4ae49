package io.upgradebot.slack.http;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.now;
import static io.upgradebot.support.SlackSigner.post;
import static io.upgradebot.support.SlackSigner.postForm;
import static io.upgradebot.support.SlackSigner.postSigned;
import static io.upgradebot.support.SlackSigner.sign;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.slack.FailingSubcommand;
import io.upgradebot.slack.ProbeSubcommand;
import io.upgradebot.store.ProcessedRequests;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /slack/events as Slack calls it: signed form posts and JSON, and everything that must be refused. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class SlackEventsResourceTest {

    @Inject
    ProcessedRequests processed;

    @Inject
    UpgradeBotConfig config;

    @Inject
    AfterAckExecutor afterAck;

    @BeforeEach
    void reset() {
        Fakes.reset();
        ProbeSubcommand.INVOCATIONS.set(0);
    }

    static String trigger() {
        return "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void theTwoSubscribedEventsAreAckedAndLoggedForTheOperator() {
        // manifest.json subscribes to app_uninstalled and tokens_revoked: each must reach its handler, which tells
        // the operator in the log why every later Slack call will fail
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(BoltAppProducer.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            io.upgradebot.support.SlackSigner.postJson(io.upgradebot.support.SlackSigner.eventCallback(
                    "Ev0UNINSTALL" + trigger().substring(12),
                    "{\"type\":\"app_uninstalled\",\"event_ts\":\"1700000000.000100\"}")).statusCode(200);
            io.upgradebot.support.SlackSigner.postJson(io.upgradebot.support.SlackSigner.eventCallback(
                    "Ev0REVOKED" + trigger().substring(12),
                    "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"U0BOT\"]},\"event_ts\":\"1700000000.000200\"}"))
                    .statusCode(200);
        } finally {
            log.removeHandler(capture);
        }
        org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains("uninstalled")),
                logged.toString());
        org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains("revoked")),
                logged.toString());
    }

    @Test
    void helpListsEverySubcommandSortedWithUsageAndSummary() {
        postForm(command("help", "U0ALICE", "C0UPGRADES", trigger()))
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("response_type", equalTo("ephemeral"))
                .body("blocks[0].text.text", stringContainsInOrder(List.of(
                        "`/upgrade help` — Show this list of subcommands.",
                        "`/upgrade probe` — Test probe.",
                        "`/upgrade slow-post <channel>` — Test: post slowly after the ack.")));
    }

    @Test
    void emptyTextAnswersWithTheUsage() {
        postForm(command("", "U0ALICE", "C0UPGRADES", trigger()))
                .statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("blocks[0].text.text", containsString("`/upgrade help` — Show this list of subcommands."));
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void unknownSubcommandAnswersUsageAndTheClosestName() {
        postForm(command("prbe now", "U0ALICE", "C0UPGRADES", trigger()))
                .statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", stringContainsInOrder(List.of(
                        "I don't know `/upgrade prbe`.", "Did you mean `/upgrade probe`?", "`/upgrade help`")))
                .body("blocks[0].text.text", equalTo("I don't know `/upgrade prbe`. Did you mean `/upgrade probe`?"))
                .body("blocks[1].text.text", stringContainsInOrder(List.of(
                        "`/upgrade help` — Show this list of subcommands.", "`/upgrade probe` — Test probe.")));
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void subcommandGetsTheTextAfterItsName() {
        postForm(command("  PROBE   alpha  beta ", "U0ALICE", "C0UPGRADES", trigger()))
                .statusCode(200)
                .body("blocks[0].text.text", equalTo("probe 1 args=alpha  beta"));
    }

    @Test
    void failingSubcommandAnswersAShortApologyAndItsScheduledWorkNeverRuns() {
        FailingSubcommand.TASKS_RUN.set(0);
        String reply = postForm(command("boom", "U0ALICE", "C0UPGRADES", trigger()))
                .statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .extract().path("blocks[0].text.text");
        assertTrue(reply.matches("(?s):warning: Sorry, `/upgrade boom` failed\\..*reference `[0-9a-f]{8}`\\."), reply);
        assertFalse(reply.contains("simulated failure") || reply.contains("Exception"), reply);
        // a released task would be queued ahead of this one: once this one ran and the pool is idle, it would have run
        CompletableFuture<Void> later = new CompletableFuture<>();
        afterAck.run(() -> later.complete(null));
        later.join();
        Eventually.await(Duration.ofSeconds(5), "an idle AfterAck pool", () -> afterAck.inFlight() == 0);
        assertEquals(0, FailingSubcommand.TASKS_RUN.get());
    }

    @Test
    void aHandlerThrowingAnErrorGetsAPlain500AndItsWorkNeverRuns() {
        FailingSubcommand.TASKS_RUN.set(0);
        String triggerId = trigger();
        String body = postForm(command("boom error", "U0ALICE", "C0UPGRADES", triggerId))
                .statusCode(500).extract().asString();
        assertEquals("Internal error", body);
        assertFalse(processed.seen("slack:trigger:" + triggerId), "a failed request is forgotten, so a retry can work");
        CompletableFuture<Void> later = new CompletableFuture<>();
        afterAck.run(() -> later.complete(null));
        later.join();
        Eventually.await(Duration.ofSeconds(5), "an idle AfterAck pool", () -> afterAck.inFlight() == 0);
        assertEquals(0, FailingSubcommand.TASKS_RUN.get());
    }

    @Test
    void missingSignatureIs401AndNothingHappens() {
        String triggerId = trigger();
        postSigned(ContentType.URLENC, command("probe", "U0ALICE", "C0UPGRADES", triggerId), null, null, Map.of())
                .statusCode(401).body(not(containsString("Exception")));
        assertNothingHappened(triggerId);
    }

    @Test
    void signatureWithAnotherSecretIs401() {
        String triggerId = trigger();
        String body = command("probe", "U0ALICE", "C0UPGRADES", triggerId);
        String ts = now();
        postSigned(ContentType.URLENC, body, ts, sign("not-the-signing-secret", ts, body), Map.of()).statusCode(401);
        assertNothingHappened(triggerId);
    }

    @Test
    void timestampSixMinutesOldIs401EvenWhenSignedCorrectly() {
        String triggerId = trigger();
        String body = command("probe", "U0ALICE", "C0UPGRADES", triggerId);
        String sixMinutesAgo = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);
        postSigned(ContentType.URLENC, body, sixMinutesAgo, sign(Fakes.SIGNING_SECRET, sixMinutesAgo, body), Map.of())
                .statusCode(401);
        assertNothingHappened(triggerId);
    }

    @Test
    void tamperedBodyIs401() {
        String triggerId = trigger();
        String signedBody = command("help", "U0ALICE", "C0UPGRADES", triggerId);
        String sentBody = command("probe", "U0ALICE", "C0UPGRADES", triggerId);
        String ts = now();
        postSigned(ContentType.URLENC, sentBody, ts, sign(Fakes.SIGNING_SECRET, ts, signedBody), Map.of())
                .statusCode(401);
        assertNothingHappened(triggerId);
    }

    @Test
    void signedBodyThatIsNoSlackRequestIs400WithAShortMessage() {
        postForm("hello=world&answer=42")
                .statusCode(400)
                .body(equalTo("Not a Slack command, interaction or event"));
    }

    @Test
    void badJsonInPayloadIs400WithoutStackTrace() {
        String body = "payload=" + SlackSigner.enc("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":");
        String response = postForm(body).statusCode(400).extract().asString();
        assertEquals("Malformed Slack payload", response);
        assertFalse(response.contains("at io.") || response.contains("Exception"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String filler = "x".repeat(config.slack().maxBodyBytes());
        String body = command(filler, "U0ALICE", "C0UPGRADES", trigger());
        postForm(body).statusCode(413).body(equalTo("Request body too large"));
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void chunkedBodyOverTheLimitIs413WithoutALength() throws Exception {
        // no Content-Length: the limit is found while the body arrives
        byte[] body = command("x".repeat(config.slack().maxBodyBytes()), "U0ALICE", "C0UPGRADES", trigger())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = postChunked(body);
        assertEquals(413, response.statusCode());
        assertEquals("Request body too large", response.body());
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void chunkedBodyWithinTheLimitIsAnswered() throws Exception {
        byte[] body = command("help", "U0ALICE", "C0UPGRADES", trigger())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = postChunked(body);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/upgrade help"), response.body());
    }

    @Test
    void urlVerificationAnswersTheChallenge() {
        String challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
        post(ContentType.JSON, """
                {"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"%s","type":"url_verification"}""".formatted(challenge),
                Map.of())
                .statusCode(200)
                .body(equalTo(challenge));
    }

    @Test
    void otherMethodsAre405NamingPost() {
        given().get("/slack/events").then().statusCode(405).header("Allow", "POST");
        given().put("/slack/events").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void unsignedUrlVerificationIs401() {
        given().contentType(ContentType.JSON)
                .body("{\"token\":\"x\",\"challenge\":\"abc\",\"type\":\"url_verification\"}")
                .post("/slack/events").then().statusCode(401);
    }

    /** A signed form POST without Content-Length (chunked), as RestAssured cannot send one. */
    private static java.net.http.HttpResponse<String> postChunked(byte[] body) throws Exception {
        String ts = now();
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", ts)
                        .header("X-Slack-Signature",
                                sign(Fakes.SIGNING_SECRET, ts,
                                        new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers
                                .ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void assertNothingHappened(String triggerId) {
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get(), "the handler ran");
        assertFalse(processed.seen("slack:trigger:" + triggerId), "the request id was recorded");
    }
}
