package io.upgradebot.project.reconcile;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.OwnerDoesFixtures.history;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import io.upgradebot.web.GitHubDeliveries;
import io.upgradebot.web.GitHubWebhookSignature;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation pass with no webhook delivered: what people did on GitHub (closed issues, board edits, removed
 * items, deleted or transferred issues) is found in one pass of ⌈N/100⌉+1 requests, healed the way the webhooks heal
 * it, and told once.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class ReconcileProjectsTest {

    @Inject
    ReconcileProjects reconcile;
    @Inject
    StatusMessages statusMessages;
    @Inject
    AfterAckExecutor afterAck;
    @Inject
    GitHubDeliveries deliveries;
    @Inject
    OwnerDoesChoices choices;

    private GitHubFake.BoardState board;
    private final GitHubFake github = GitHubFake.INSTANCE;

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
    }

    @AfterEach
    void quiet() {
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(15), "deliveries handled",
                () -> deliveries.inFlight() == 0);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
    }

    private Seeded seed(int n, String prefix) {
        Map<String, String> repos = new LinkedHashMap<>();
        IntStream.range(0, n).forEach(i -> repos.put("openedx/" + prefix + "-" + i, "openedx/arch"));
        return OwnerDoesFixtures.seed(board, repos);
    }

    private static List<String> repos(Seeded p) {
        return List.copyOf(p.repoIds().keySet());
    }

    @Test
    void closingThreeOfFiveIssuesOnGitHubIsFoundByOnePassAsTheWebhooksWouldHaveShownIt() {
        Seeded missed = seed(5, "missed-" + UUID.randomUUID().toString().substring(0, 6));
        List<String> names = repos(missed);
        for (String r : names.subList(0, 3)) {
            github.closeAsPerson(r, 1, "alice", "completed");
        }
        github.resetRequests();

        ReconcileReport report = reconcile.reconcile(missed.projectId()).orElseThrow();

        assertEquals(3, report.closed().size(), report.toString());
        assertEquals(List.of(), report.reopened());
        assertTrue(report.requests() <= 2, "⌈5/100⌉+1 requests at most: " + report.requests());
        assertEquals(github.requests(), report.requests(), "the report counts what GitHub was asked");
        for (int i = 0; i < 5; i++) {
            assertEquals(i < 3 ? RepoIssueState.CLOSED : RepoIssueState.OPEN,
                    repo(missed.id(names.get(i))).issueState, names.get(i));
        }

        // the same closings delivered as webhooks to another project end in the same status
        Seeded delivered = seed(5, "hooked-" + UUID.randomUUID().toString().substring(0, 6));
        for (String r : repos(delivered).subList(0, 3)) {
            github.closeAsPerson(r, 1, "alice", "completed");
            deliverClosed(r, repo(delivered.id(r)).issueNodeId, "alice");
        }
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(15), "the webhooks reflected",
                () -> deliveries.inFlight() == 0 && closedCount(delivered) == 3);
        assertEquals(closedCount(delivered), closedCount(missed));
        assertEquals(3, statusMessages.snapshot(missed.projectId()).orElseThrow().issuesClosed());
        assertEquals(statusMessages.snapshot(delivered.projectId()).orElseThrow().issuesClosed(),
                statusMessages.snapshot(missed.projectId()).orElseThrow().issuesClosed());

        // found once: the next pass has nothing to heal
        ReconcileReport again = reconcile.reconcile(missed.projectId()).orElseThrow();
        assertFalse(again.changedAnything(), again.toString());

        // a person reopens one: found too
        github.reopenAsPerson(names.get(0), 1, "bob");
        ReconcileReport reopened = reconcile.reconcile(missed.projectId()).orElseThrow();
        assertEquals(List.of(names.get(0) + "#1"), reopened.reopened());
        assertEquals(RepoIssueState.OPEN, repo(missed.id(names.get(0))).issueState);
    }

    @Test
    void anOwnerDoesValueAPersonSetOnTheBoardIsRecordedAsTheirChoiceViaGitHub() {
        Seeded p = seed(2, "board-" + UUID.randomUUID().toString().substring(0, 6));
        String r = repos(p).get(0);
        github.setBoardValueAsPerson(board, repo(p.id(r)).boardItemId, "Owner Does", "Owner reviews", "jane");

        ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();

        assertEquals(1, report.choices().size(), report.toString());
        assertEquals("owner-reviews", repo(p.id(r)).ownerDoes);
        List<OwnerDoesChoiceEntity> h = history(p.id(r));
        assertEquals(1, h.size());
        assertEquals("GITHUB", h.get(0).via);
        assertEquals("jane", h.get(0).chosenBy);
        assertEquals("TBD", repo(p.id(repos(p).get(1))).ownerDoes, "the other repository is untouched");
        quiet();
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count(
                "idempotencyKey like ?1", "owner-does:board:r" + p.id(r) + ":%")), "nothing written back");

        // the next pass finds the board and the record in step
        assertFalse(reconcile.reconcile(p.projectId()).orElseThrow().changedAnything());
        assertEquals(1, history(p.id(r)).size());
    }

    @Test
    void aBoardItemAPersonRemovedIsToldOnceAndNotAddedBack() {
        Seeded p = seed(3, "removed-" + UUID.randomUUID().toString().substring(0, 6));
        String r = repos(p).get(1);
        String item = repo(p.id(r)).boardItemId;
        github.removeBoardItem(board, item);

        ReconcileReport first = reconcile.reconcile(p.projectId()).orElseThrow();

        assertEquals(1, first.reported().size(), first.toString());
        assertEquals(ReconcileReport.Kind.ITEM_REMOVED, first.reported().get(0).kind());
        assertEquals(r, first.reported().get(0).repo());
        List<JsonNode> told = postsMentioning(r, "removed from the board");
        assertEquals(1, told.size(), told.toString());

        ReconcileReport second = reconcile.reconcile(p.projectId()).orElseThrow();
        assertEquals(List.of(), second.reported());
        assertEquals(1, second.alreadyKnown());
        quiet();
        assertEquals(1, postsMentioning(r, "removed from the board").size(), "told once, not every pass");
        synchronized (github) {
            assertFalse(board.items.containsValue(repo(p.id(r)).issueNodeId), "not added back");
        }
        assertTrue(github.applied().stream().noneMatch(a -> a.path().contains("addProjectV2ItemById")));
    }

    @Test
    void aDeletedIssueAndATransferredOneAreTold() {
        Seeded p = seed(3, "gone-" + UUID.randomUUID().toString().substring(0, 6));
        List<String> names = repos(p);
        github.deleteIssue(names.get(0), 1);
        String elsewhere = "openedx/moved-" + UUID.randomUUID().toString().substring(0, 6);
        github.transferIssue(names.get(1), 1, elsewhere);

        ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();

        Map<ReconcileReport.Kind, ReconcileReport.Finding> byKind = new LinkedHashMap<>();
        report.reported().forEach(f -> byKind.put(f.kind(), f));
        assertEquals(2, report.reported().size(), report.toString());
        assertEquals(names.get(0), byKind.get(ReconcileReport.Kind.ISSUE_DELETED).repo());
        assertEquals(names.get(1), byKind.get(ReconcileReport.Kind.ISSUE_TRANSFERRED).repo());
        assertEquals(elsewhere, byKind.get(ReconcileReport.Kind.ISSUE_TRANSFERRED).detail());
        assertEquals(1, postsMentioning(names.get(0), "no longer exists").size());
        assertEquals(1, postsMentioning(names.get(1), "was transferred to").size());
        assertEquals(List.of(), reconcile.reconcile(p.projectId()).orElseThrow().reported(), "told once");
    }

    @Test
    void onePassOver150RepositoriesCostsAtMostThreeRequests() {
        Seeded p = seed(150, "many-" + UUID.randomUUID().toString().substring(0, 6));
        github.closeAsPerson(repos(p).get(149), 1, "alice", "not_planned");
        github.resetRequests();

        ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();

        int limit = (150 + 99) / 100 + 1;
        assertTrue(github.requests() <= limit, "GitHub was asked " + github.requests() + " times, limit " + limit);
        assertEquals(github.requests(), report.requests());
        assertEquals(150, report.repositories());
        assertEquals(List.of(repos(p).get(149) + "#1"), report.closed(), "the last batch was read too");
    }

    @Test
    void theFakeRefusesMoreThanOneHundredIdsInOneNodesCallAsGitHubDoes() {
        String ids = String.join(",", IntStream.range(0, 101).mapToObj(i -> "\"I_x" + i + "\"").toList());
        String body = "{\"query\":\"query($ids:[ID!]!){ nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":[" + ids
                + "]}}";
        JsonNode answer = given().baseUri(Fakes.github.baseUrl()).contentType("application/json").body(body)
                .post("/graphql").then().statusCode(200).extract().as(JsonNode.class);
        assertTrue(answer.path("data").isNull(), answer.toString());
        assertTrue(answer.path("errors").get(0).path("message").asText().contains("100"), answer.toString());

        // and answers an unknown id as GitHub does: null, with a NOT_FOUND error naming its place
        String one = "{\"query\":\"query($ids:[ID!]!){ nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":"
                + "[\"I_nothing\"]}}";
        JsonNode missing = given().baseUri(Fakes.github.baseUrl()).contentType("application/json").body(one)
                .post("/graphql").then().statusCode(200).extract().as(JsonNode.class);
        assertTrue(missing.path("data").path("nodes").get(0).isNull(), missing.toString());
        assertEquals("NOT_FOUND", missing.path("errors").get(0).path("type").asText());
        assertEquals(0, missing.path("errors").get(0).path("path").get(1).asInt());
    }

    @Test
    void anOwnerDoesValueTheBotWroteEarlierIsPutBackToTheCurrentChoiceOnce() {
        Seeded p = seed(1, "stale-" + UUID.randomUUID().toString().substring(0, 6));
        String r = repos(p).get(0);
        long id = p.id(r);
        choices.choose(new OwnerDoesChoices.Request(id, "owner-reviews", "U0ARCH1", "Ada Arch",
                OwnerDoesChoices.Via.SLACK, null));
        quiet();
        String item = repo(id).boardItemId;
        assertEquals("Owner reviews", boardValue(item));
        // the bot's own older value lands again (a lost write retried late): set by the bot, no person involved
        github.setBoardValueAsPerson(board, item, "Owner Does", "TBD", GitHubFake.BOT_LOGIN);

        ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();

        assertEquals(List.of(r), report.boardRewritten(), report.toString());
        assertEquals(List.of(), report.choices(), "the bot's own value is no person's choice");
        quiet();
        assertEquals("Owner reviews", boardValue(item));
        assertEquals("owner-reviews", repo(id).ownerDoes);
        assertEquals(1, history(id).size());
        assertFalse(reconcile.reconcile(p.projectId()).orElseThrow().changedAnything());
    }

    @Test
    void atGitHubsRateLimitThePassStopsChangesNothingAndSaysWhen() {
        Seeded p = seed(2, "limited-" + UUID.randomUUID().toString().substring(0, 6));
        github.closeAsPerson(repos(p).get(0), 1, "alice", "completed");
        github.inject(GitHubFake.Fault.secondaryLimit("POST", "/graphql.*", Map.of("Retry-After", "120")));
        github.resetRequests();

        ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();

        assertTrue(report.stopped() != null && report.stopped().contains("rate limit"), report.toString());
        assertTrue(report.retryAt() != null, "GitHub's retry-after is kept");
        assertEquals(1, github.requests(), "stopped at the first refusal");
        assertEquals(RepoIssueState.OPEN, repo(p.id(repos(p).get(0))).issueState);

        ReconcileReport later = reconcile.reconcile(p.projectId()).orElseThrow();
        assertEquals(1, later.closed().size(), later.toString());
    }

    private String boardValue(String itemId) {
        synchronized (github) {
            return board.value(itemId, "Owner Does");
        }
    }

    // --- /upgrade sync -----------------------------------------------------------------------------------------

    @Test
    void syncRunsThePassNowForOrchestratorsOnly() {
        Seeded p = seed(2, "sync-" + UUID.randomUUID().toString().substring(0, 6));
        github.closeAsPerson(repos(p).get(0), 1, "alice", "completed");

        String refused = command("sync " + p.slug(), "U0SOMEONE");
        assertTrue(refused.contains("Only orchestrators"), refused);
        assertEquals(RepoIssueState.OPEN, repo(p.id(repos(p).get(0))).issueState, "nothing done when refused");

        String done = command("sync " + p.slug(), OwnerDoesFixtures.ORCHESTRATOR);
        assertTrue(done.contains("Closed on GitHub (1)") && done.contains(repos(p).get(0) + "#1"), done);
        assertEquals(RepoIssueState.CLOSED, repo(p.id(repos(p).get(0))).issueState);
    }

    @Test
    void syncOfAnUnknownProjectSaysSo() {
        String name = "no-such-project-" + UUID.randomUUID().toString().substring(0, 6);
        String answer = command("sync " + name, OwnerDoesFixtures.ORCHESTRATOR);
        assertTrue(answer.contains("There is no project `" + name + "`"), answer);
    }

    @Test
    void theHourlyPassComparesActiveProjectsOnly() {
        Seeded active = seed(1, "active-" + UUID.randomUUID().toString().substring(0, 6));
        Seeded closedProject = seed(1, "done-" + UUID.randomUUID().toString().substring(0, 6));
        QuarkusTransaction.requiringNew().run(() -> UpgradeProjectEntity.update("state = ?1 where id = ?2",
                io.upgradebot.domain.ProjectState.CLOSED, closedProject.projectId()));
        github.closeAsPerson(repos(active).get(0), 1, "alice", "completed");
        github.closeAsPerson(repos(closedProject).get(0), 1, "alice", "completed");

        List<ReconcileReport> reports = reconcile.reconcileActive();

        assertTrue(reports.stream().anyMatch(r -> r.projectId() == active.projectId() && r.closed().size() == 1));
        assertTrue(reports.stream().noneMatch(r -> r.projectId() == closedProject.projectId()));
        assertEquals(RepoIssueState.OPEN, repo(closedProject.id(repos(closedProject).get(0))).issueState);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String command(String text, String user) {
        String trigger = "1335." + UUID.randomUUID();
        SlackSigner.postForm(SlackSigner.command(text, user, OwnerDoesFixtures.CHANNEL, trigger)).statusCode(200);
        return SlackCalls.responseTo(trigger);
    }

    private static long closedCount(Seeded p) {
        return p.repoIds().values().stream().filter(id -> repo(id).issueState == RepoIssueState.CLOSED).count();
    }

    private static List<JsonNode> postsMentioning(String repo, String words) {
        return sent("chat.postMessage").stream()
                .filter(m -> m.toString().contains(repo + "#") && m.toString().contains(words)).toList();
    }

    private static void deliverClosed(String repo, String nodeId, String sender) {
        byte[] body = """
                {"action":"closed","issue":{"id":1,"node_id":"%s","number":1,"title":"Upgrade to Django 5.2",
                  "state":"closed","state_reason":"completed","user":{"login":"upgrade-bot"}},
                 "repository":{"id":2,"node_id":"R_1","name":"%s","full_name":"%s","private":false},
                 "sender":{"login":"%s","type":"User"}}"""
                .formatted(nodeId, repo.substring(repo.indexOf('/') + 1), repo, sender)
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, body))
                .body(body).post("/github/webhook").then().statusCode(202);
    }
}
