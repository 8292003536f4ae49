package io.upgradebot.project.chart;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.Burndown;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.web.GitHubDeliveries;
import io.upgradebot.web.GitHubWebhookSignature;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The burndown's history: every issue state change the bot sees is recorded with its time, in the database (so it
 * survives a restart), and the project's burndown is read from it.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class ProjectChartsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ProjectCharts charts;
    @Inject
    GitHubDeliveries deliveries;

    @Test
    void aClosedAndReopenedIssueIsRecordedAndDrawnInTheBurndown() {
        GitHubFake.BoardState board = OwnerDoesFixtures.freshFakes();
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/codejail", "openedx/arch", "openedx/xblock",
                "openedx/arch"));
        long codejail = p.id("openedx/codejail");
        // the seeded rows carry no history, like a project from before it was recorded: nothing to draw yet
        assertTrue(charts.data(p.projectId()).orElseThrow().burndown().empty());

        deliverIssue("closed", "openedx/codejail", repo(codejail).issueNodeId, "jane");
        Eventually.await(WAIT, "closed", () -> repo(codejail).issueState == RepoIssueState.CLOSED);
        deliverIssue("reopened", "openedx/codejail", repo(codejail).issueNodeId, "jane");
        Eventually.await(WAIT, "reopened", () -> repo(codejail).issueState == RepoIssueState.OPEN);
        // the same state again (a redelivered or duplicate event) is no change
        deliverIssue("reopened", "openedx/codejail", repo(codejail).issueNodeId, "jane");
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);
        deliverIssue("closed", "openedx/codejail", repo(codejail).issueNodeId, "jane");
        Eventually.await(WAIT, "closed again", () -> repo(codejail).issueState == RepoIssueState.CLOSED);

        List<IssueStateChangeEntity> rows = QuarkusTransaction.requiringNew()
                .call(() -> IssueStateChangeEntity.ofProject(p.projectId()));
        assertEquals(List.of(RepoIssueState.CLOSED, RepoIssueState.OPEN, RepoIssueState.CLOSED),
                rows.stream().map(r -> r.state).toList());
        assertTrue(rows.stream().allMatch(r -> r.projectRepoId == codejail && r.changedAt != null));

        Burndown b = charts.data(p.projectId()).orElseThrow().burndown();
        assertEquals(0, b.actual().get(b.actual().size() - 1).open(), "its only recorded issue is closed");
        assertEquals(2, charts.all(p.projectId()).size());
        assertEquals(List.of(), charts.all(-1));
    }

    private static void deliverIssue(String action, String repo, String nodeId, String sender) {
        byte[] body = """
                {"action":"%s","issue":{"id":1,"node_id":"%s","number":1,"title":"Upgrade to Django 5.2",
                  "state":"%s","user":{"login":"upgrade-bot"}},
                 "repository":{"id":2,"node_id":"R_1","name":"%s","full_name":"%s","private":false},
                 "sender":{"login":"%s","type":"User"}}"""
                .formatted(action, nodeId, action.equals("closed") ? "closed" : "open",
                        repo.substring(repo.indexOf('/') + 1), repo, sender)
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, body)).body(body)
                .post("/github/webhook").then().statusCode(202);
    }
}
