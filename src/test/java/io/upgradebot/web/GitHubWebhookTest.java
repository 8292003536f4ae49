package io.upgradebot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.upgradebot.support.OwnerDoesFixtures.history;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /github/webhook}: signed as GitHub signs (X-Hub-Signature-256), recognised once, answered at once;
 * a person's board edit of Owner Does becomes a choice made via GitHub (nothing written back), the bot's own edits
 * are ignored, and issue state follows GitHub.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class GitHubWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    GitHubDeliveries deliveries;
    @Inject
    OwnerDoesChoices choices;

    private GitHubFake.BoardState board;

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
    }

    @AfterEach
    void quiet() {
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
    }

    /**
     * Slack posts and edits naming {@code p} or one of its repositories (another test's project refreshed late is
     * not this project's message).
     */
    private static long messagesAbout(Seeded p) {
        List<String> words = new java.util.ArrayList<>(p.repoIds().keySet());
        words.add(p.slug());
        return OwnerDoesFixtures.messagesNaming(words);
    }

    @Test
    void githubsPublishedTestVectorIsAcceptedAndAnythingElseIsRefused() {
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String vector = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        // the secret is GitHub's example one ("It's a Secret to Everybody"): the signature passes, the body is no JSON
        deliver("ping", UUID.randomUUID().toString(), hello, vector).statusCode(400);
        deliver("ping", UUID.randomUUID().toString(), hello, vector.replace("757", "758")).statusCode(401);
        deliver("ping", UUID.randomUUID().toString(), hello, null).statusCode(401);
        deliver("ping", UUID.randomUUID().toString(), "Hello, World?".getBytes(StandardCharsets.UTF_8), vector)
                .statusCode(401);
        byte[] ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
        deliver("ping", UUID.randomUUID().toString(), ping, GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, ping))
                .statusCode(200).body(equalTo("pong"));
    }

    @Test
    void aLongDeliveryIdIsRecognisedWhenRedeliveredAndAnAbsurdOneIsRefused() {
        byte[] ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
        // longer than the column that holds delivery ids: stored as a hash, so a redelivery is still recognised
        String longId = UUID.randomUUID() + "-" + "d".repeat(400);
        deliver("ping", longId, ping).statusCode(200).body(equalTo("pong"));
        deliver("ping", longId, ping).statusCode(200).body(equalTo("already processed"));
        // ids sharing the long prefix that is kept in the clear are still told apart by the hash
        deliver("ping", longId + "x", ping).statusCode(200).body(equalTo("pong"));
        deliver("ping", UUID.randomUUID() + "-" + "d".repeat(2000), ping).statusCode(400)
                .body(equalTo("X-GitHub-Delivery too long"));
    }

    @Test
    void aPersonsBoardEditIsRecordedViaGitHubAndNotWrittenBack() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/edx-ora2", "openedx/arch"));
        long ora = p.id("openedx/edx-ora2");
        String delivery = UUID.randomUUID().toString();
        byte[] edit = boardEdit(repo(ora).boardItemId, repo(ora).issueNodeId, "TBD", "Owner reviews", "jane",
                Instant.now());

        deliver("projects_v2_item", delivery, edit).statusCode(202);
        Eventually.await(WAIT, "the choice is recorded", () -> "owner-reviews".equals(repo(ora).ownerDoes));
        List<OwnerDoesChoiceEntity> h = history(ora);
        assertEquals(1, h.size());
        assertEquals("GITHUB", h.get(0).via);
        assertEquals("jane", h.get(0).chosenBy);
        assertEquals("TBD", h.get(0).fromLevel);

        // the same delivery again (GitHub's "redeliver") changes nothing
        deliver("projects_v2_item", delivery, edit).statusCode(200).body(equalTo("already processed"));

        Eventually.await(WAIT, "the change in the status thread", () -> sent("chat.postMessage").stream()
                .anyMatch(m -> !m.path("thread_ts").asText().isEmpty()
                        && m.toString().contains("set on the board by `jane`")));
        quiet();
        assertEquals(1, history(ora).size());
        assertEquals(0L, ownerDoesWrites(ora), "nothing written back to GitHub");
        assertEquals(List.of(), GitHubFake.INSTANCE.comments("openedx/edx-ora2", 1));
    }

    @Test
    void theBotsOwnBoardEditsAndOtherFieldsAreIgnored() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/edx-proctoring", "openedx/arch"));
        long proctoring = p.id("openedx/edx-proctoring");
        String item = repo(proctoring).boardItemId;
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, repo(proctoring).issueNodeId, "TBD", "Owner reviews", GitHubFake.BOT_LOGIN,
                        Instant.now()))
                .statusCode(202);
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                json("""
                        {"action":"edited","projects_v2_item":{"id":1,"node_id":"%s","project_node_id":"%s","content_node_id":"%s",
                         "content_type":"Issue","updated_at":"%s"},
                         "changes":{"field_value":{"field_node_id":"PVTSSF_status","field_type":"single_select","field_name":"Status",
                          "project_number":51,"from":{"id":"a","name":"Todo"},"to":{"id":"b","name":"In Progress"}}},
                         "organization":{"login":"openedx"},"sender":{"login":"jane","type":"User"}}"""
                        .formatted(item, board.id, repo(proctoring).issueNodeId, Instant.now())))
                .statusCode(202);
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);
        assertEquals("TBD", repo(proctoring).ownerDoes);
        assertEquals(List.of(), history(proctoring));
    }

    @Test
    void anOwnerDoesEditOnAnotherBoardOfTheOrganisationChangesNothing() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/edx-val", "openedx/arch"));
        long val = p.id("openedx/edx-val");
        GitHubFake.BoardState other = GitHubFake.INSTANCE.addBoard("openedx", 77, "Someone else's roadmap",
                Map.of("Owner Does", List.of("TBD", "Owner reviews")));
        long messages = messagesAbout(p);
        long writes = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count());
        // the same issue, added to another board whose "Owner Does" field a person edits
        deliver("projects_v2_item", UUID.randomUUID().toString(), json(new String(boardEdit("PVTI_elsewhere",
                repo(val).issueNodeId, "TBD", "Owner reviews", "jane", Instant.now()), StandardCharsets.UTF_8)
                .replace(board.id, other.id))).statusCode(202);
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);
        quiet();
        assertEquals("TBD", repo(val).ownerDoes);
        assertEquals(List.of(), history(val));
        assertEquals(writes, QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count()), "no write");
        assertEquals(messages, messagesAbout(p), "no message");
    }

    @Test
    void anOlderPayloadWithoutTheNewValueIsReadBackFromTheBoard() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/edx-search", "openedx/arch"));
        long search = p.id("openedx/edx-search");
        String item = repo(search).boardItemId;
        String fieldId;
        synchronized (GitHubFake.INSTANCE) {
            fieldId = board.field("Owner Does").id;
        }
        Fakes.github.stubFor(post(urlPathEqualTo("/graphql")).withRequestBody(containing("fieldValueByName"))
                .atPriority(1).willReturn(
                        okJson("""
                                {"data":{"node":{"fieldValueByName":{"name":"Owner deploys and monitors","optionId":"opt4"}}}}""")));
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                json("""
                        {"action":"edited","projects_v2_item":{"id":1,"node_id":"%s","project_node_id":"%s","content_node_id":"%s",
                         "content_type":"Issue","creator":{"login":"upgrade-bot"},"updated_at":"%s"},
                         "changes":{"field_value":{"field_node_id":"%s","field_type":"single_select"}},
                         "organization":{"login":"openedx"},"sender":{"login":"jane","type":"User"}}"""
                        .formatted(item, board.id, repo(search).issueNodeId, Instant.now(), fieldId)))
                .statusCode(202);
        Eventually.await(WAIT, "recorded from the read-back value",
                () -> "owner-deploys-and-monitors".equals(repo(search).ownerDoes));
    }

    @Test
    void aBotWriteThatLandedOverAPersonsEditIsPutRight() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/edx-notes-api", "openedx/arch"));
        long notes = p.id("openedx/edx-notes-api");
        // a Slack choice; its board write lands
        choices.choose(new OwnerDoesChoices.Request(notes, "owner-does-everything", "U0ARCH1", "Ada Arch",
                OwnerDoesChoices.Via.SLACK, null));
        Eventually.await(WAIT, "the bot's write",
                () -> "Owner does everything".equals(boardValue(p, "openedx/edx-notes-api")));
        quiet();
        // a person had set another level on the board just before that write landed: their webhook arrives now
        Instant slackChoice = history(notes).get(0).chosenAt;
        deliver("projects_v2_item", UUID.randomUUID().toString(), boardEdit(repo(notes).boardItemId,
                repo(notes).issueNodeId, "TBD", "Owner offers advice", "jane", slackChoice.plusMillis(1)))
                .statusCode(202);
        Eventually.await(WAIT, "the person's level is recorded",
                () -> "owner-offers-advice".equals(repo(notes).ownerDoes));
        Eventually.await(WAIT, "and is on the board again",
                () -> "Owner offers advice".equals(boardValue(p, "openedx/edx-notes-api")));
        assertEquals(2, history(notes).size());
    }

    @Test
    void aBoardWriteRetriedPastANewerChoiceIsCorrected() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/xqueue-watcher", "openedx/arch"));
        long watcher = p.id("openedx/xqueue-watcher");
        choices.choose(
                new OwnerDoesChoices.Request(watcher, "owner-reviews", "U0ARCH1", "Ada", OwnerDoesChoices.Via.SLACK,
                        null));
        choices.choose(new OwnerDoesChoices.Request(watcher, "owner-reviews-and-merges", "U0ARCH2", "Bo",
                OwnerDoesChoices.Via.SLACK, null));
        Eventually.await(WAIT, "both writes",
                () -> "Owner reviews and merges".equals(boardValue(p, "openedx/xqueue-watcher")));
        quiet();
        // the first choice's write lands late (a retry after a lost answer): the board shows the old level again...
        List<OwnerDoesChoiceEntity> h = history(watcher);
        GitHubWriteEntity first = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity
                .findByKey("owner-does:board:r" + watcher + ":c" + h.get(0).id).orElseThrow());
        synchronized (GitHubFake.INSTANCE) {
            String optionId = board.field("Owner Does").options.stream().filter(o -> o.name().equals("Owner reviews"))
                    .findFirst().orElseThrow().id();
            board.values.get(repo(watcher).boardItemId).put(board.field("Owner Does").id, optionId);
        }
        // ...and the queue reports it done
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().beanManager().getEvent()
                .select(io.upgradebot.github.WriteOutcome.class).fire(new io.upgradebot.github.WriteOutcome(first.id,
                        first.idempotencyKey, io.upgradebot.github.WriteKind.SET_BOARD_FIELD, first.projectId,
                        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("option",
                                "Owner reviews"),
                        null, true, null)));
        Eventually.await(WAIT, "the current level is written again",
                () -> "Owner reviews and merges".equals(boardValue(p, "openedx/xqueue-watcher")));
    }

    @Test
    void issueStateFollowsGitHubAndOnlyPeopleCountAsActivity() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/codejail", "openedx/arch"));
        long codejail = p.id("openedx/codejail");
        deliver("issues", UUID.randomUUID().toString(),
                issueEvent("closed", "openedx/codejail", repo(codejail).issueNodeId,
                        GitHubFake.BOT_LOGIN))
                .statusCode(202);
        Eventually.await(WAIT, "closed", () -> repo(codejail).issueState == RepoIssueState.CLOSED);
        assertNull(repo(codejail).lastHumanActivityAt, "the bot closing it is not human activity");

        deliver("issues", UUID.randomUUID().toString(),
                issueEvent("reopened", "openedx/codejail", repo(codejail).issueNodeId,
                        "jane"))
                .statusCode(202);
        Eventually.await(WAIT, "reopened", () -> repo(codejail).issueState == RepoIssueState.OPEN);
        assertNotNull(repo(codejail).lastHumanActivityAt);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static ValidatableResponse deliver(String event, String delivery, byte[] body) {
        return deliver(event, delivery, body, GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, body));
    }

    private static ValidatableResponse deliver(String event, String delivery, byte[] body, String signature) {
        var req = given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-GitHub-Hook-ID", "292430182");
        if (signature != null) {
            req = req.header("X-Hub-Signature-256", signature);
        }
        return req.body(body).post("/github/webhook").then();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A projects_v2_item "edited" delivery as GitHub sends it for a single-select change. */
    private byte[] boardEdit(String itemId, String contentNodeId, String from, String to, String sender, Instant at) {
        return json("""
                {"action":"edited",
                 "projects_v2_item":{"id":87654321,"node_id":"%s","project_node_id":"%s","content_node_id":"%s",
                  "content_type":"Issue","creator":{"login":"upgrade-bot","id":9000001,"type":"User"},
                  "created_at":"2026-11-01T10:00:00Z","updated_at":"%s","archived_at":null},
                 "changes":{"field_value":{"field_node_id":"PVTSSF_ownerdoes","field_type":"single_select",
                  "field_name":"Owner Does","project_number":51,
                  "from":{"id":"f1","name":"%s","color":"GRAY","description":""},
                  "to":{"id":"t1","name":"%s","color":"GRAY","description":""}}},
                 "organization":{"login":"openedx","id":40179672,"node_id":"MDEyOk9yZ2FuaXphdGlvbjQwMTc5Njcy"},
                 "sender":{"login":"%s","id":1234567,"node_id":"MDQ6VXNlcjEyMzQ1Njc=","type":"User","site_admin":false},
                 "installation":{"id":1,"node_id":"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="}}"""
                .formatted(itemId, board.id, contentNodeId, at, from, to, sender));
    }

    private static byte[] issueEvent(String action, String repo, String nodeId, String sender) {
        return json("""
                {"action":"%s","issue":{"id":1,"node_id":"%s","number":1,"title":"Upgrade to Django 5.2",
                  "state":"%s","state_reason":%s,"user":{"login":"upgrade-bot"}},
                 "repository":{"id":2,"node_id":"R_1","name":"%s","full_name":"%s","private":false},
                 "sender":{"login":"%s","type":"User"}}"""
                .formatted(action, nodeId, action.equals("closed") ? "closed" : "open",
                        action.equals("closed") ? "\"completed\"" : "null", repo.substring(repo.indexOf('/') + 1), repo,
                        sender));
    }

    private String boardValue(Seeded p, String repo) {
        synchronized (GitHubFake.INSTANCE) {
            return board.value(repo(p.id(repo)).boardItemId, "Owner Does");
        }
    }

    private static long ownerDoesWrites(long projectRepoId) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count("idempotencyKey like ?1",
                "owner-does:%r" + projectRepoId + ":%"));
    }

}
