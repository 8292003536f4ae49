package io.upgradebot.project.creation;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.project.creation.UpgradeNewTest.DONE;
import static io.upgradebot.project.creation.UpgradeNewTest.ORCH;
import static io.upgradebot.project.creation.UpgradeNewTest.ROADMAP;
import static io.upgradebot.project.creation.UpgradeNewTest.awaitState;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RoadmapIssueBody;
import io.upgradebot.github.CrashMidWrite;
import io.upgradebot.github.WriteQueueLoop;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.GitHubFake.Fault;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fan-out under pressure: a search of 150 repositories (pagination, the 100 sub-issue cap, progress edits),
 * a double submit, a crash mid fan-out, and GitHub's secondary rate limits. Every case ends with each issue
 * created exactly once.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class UpgradeNewAtScaleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WriteQueueLoop worker;

    @Inject
    UpgradeBotConfig config;

    GitHubFake github;

    @BeforeEach
    void freshFakes() {
        Fakes.reset();
        github = GitHubFake.install();
        github.addMaintenanceBoard();
    }

    @AfterEach
    void workerBackToNormal() {
        worker.useConfiguredPolicy();
        worker.resume();
        OwnerDoesFixtures.settle(); // the last status edit and summary land in this test, not the next
        SlackCalls.assertAllWithinBlockKitLimits();
    }

    @Test
    void aSearchOf150RepositoriesCreates150IssuesLinksTheFirst100AndListsAllInTheRoadmapIssue() {
        stubSearch("org:openedx topic:django", 150);
        // ~1000 writes (issues, links, board items and fields): no pause between them in this test
        worker.usePolicy(worker.policy().withWriteInterval(Duration.ZERO));
        NewProjectForm form = new NewProjectForm().name("Django 6.0 wide");
        form.repos = "org:openedx topic:django";
        long started = System.nanoTime();
        postForm(interaction(form.payload())).statusCode(200);

        awaitState("django-6-0-wide", ProjectState.ACTIVE);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Fakes.github.verify(2, getRequestedFor(urlPathEqualTo("/search/repositories")));
        for (int i = 0; i < 150; i++) {
            assertEquals(1, github.issues(repo(i)).size(), "one issue in " + repo(i));
        }
        assertEquals(100, github.subIssueIds(ROADMAP, 1).size(), "GitHub's cap: 100 sub-issues per parent");
        String children = BodySections.read(github.issue(ROADMAP, 1).path("body").asText(), RoadmapIssueBody.CHILDREN)
                .orElseThrow();
        for (int i = 0; i < 150; i++) {
            assertTrue(children.contains(repo(i) + "#1"), "the roadmap issue names " + repo(i));
        }
        assertTrue(children.contains("at most 100 sub-issues"), "and says why some are not linked");
        assertEquals(150, github.board("openedx", 51).items.size());

        long projectId = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findBySlug("django-6-0-wide")
                .orElseThrow().id);
        // this project's edits (another test's project may edit its own message meanwhile)
        List<Map<String, String>> edits = SlackCalls.of("chat.update").stream()
                .filter(e -> e.toString().contains("Django 6.0 wide")).toList();
        assertTrue(edits.stream().filter(e -> e.get("text").contains("creating repository issues")).count() >= 2,
                "the progress message is edited in place while the issues are created");
        // what the throttle promises: at most one edit per progress interval however long the fan-out takes on this
        // machine, plus the message posted when the project is created and the edit that shows it finished
        long allowed = elapsedMillis / config.projects().progressInterval().toMillis() + 3;
        assertTrue(edits.size() <= allowed, "but not once per write: " + edits.size() + " edits in " + elapsedMillis
                + " ms, at most " + allowed);
        assertTrue(edits.stream().anyMatch(e -> e.get("blocks").contains("Creating repository issues:")
                && e.get("blocks").contains("/ 150")), "with the count");
        Eventually.await(DONE, "a final summary", () -> SlackCalls.of("chat.postMessage").stream().anyMatch(
                m -> m.get("thread_ts") != null
                        && m.get("text").contains("150 of 150 repository issues created, 0 failures")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> queueFailures(projectId)) == 0, "nothing failed");
    }

    @Test
    void submittingTwiceCreatesOneProjectAndOneIssuePerRepository() {
        NewProjectForm form = new NewProjectForm().name("Python 3.12 twice");
        form.repos = "openedx/twice-a\nopenedx/twice-b";
        String payload = form.payload();
        // Slack's own retry of the same request, then the same form submitted again (another trigger)
        SlackSigner.post(ContentType.URLENC, interaction(payload), Map.of()).statusCode(200);
        SlackSigner.post(ContentType.URLENC, interaction(payload), Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).statusCode(200);
        awaitState("python-3-12-twice", ProjectState.ACTIVE);
        postForm(interaction(form.payload())).statusCode(200)
                .body(org.hamcrest.Matchers.containsString("already"));

        assertEquals(1, github.issues(ROADMAP).size(), "one roadmap issue");
        assertEquals(1, github.issues("openedx/twice-a").size());
        assertEquals(1, github.issues("openedx/twice-b").size());
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.count("slug like 'python-3-12-twice%'")));
    }

    @Test
    void aCrashMidFanOutResumesOnTheSameDatabaseWithoutDuplicates() {
        worker.pause();
        worker.usePolicy(worker.policy().withLease(Duration.ofMillis(300)));
        NewProjectForm form = new NewProjectForm().name("React 19 crash");
        form.product = "react";
        form.repos = IntStream.range(0, 6).mapToObj(i -> "openedx/crash-" + i).collect(Collectors.joining("\n"));
        postForm(interaction(form.payload())).statusCode(200);
        awaitState("react-19-crash", ProjectState.CREATING);

        Eventually.await(DONE, "two repository issues", () -> {
            worker.runOnce();
            return IntStream.range(0, 6).filter(i -> !github.issues("openedx/crash-" + i).isEmpty()).count() >= 2;
        });
        // the process dies right after GitHub created the third issue, before recording it
        String[] lost = new String[1];
        Eventually.await(DONE, "a write reaching GitHub unrecorded", () -> {
            Optional<String> key = CrashMidWrite.reachGitHubThenDie(worker.newRunner());
            key.ifPresent(k -> lost[0] = k);
            return key.isPresent();
        });
        assertTrue(lost[0].contains(":repo-issue:"), "died while creating a repository issue: " + lost[0]);

        // restart: a worker on the same database takes over once the dead one's lease is over
        worker.resume();
        awaitState("react-19-crash", ProjectState.ACTIVE);
        for (int i = 0; i < 6; i++) {
            assertEquals(1, github.issues("openedx/crash-" + i).size(), "exactly one issue in crash-" + i);
        }
        assertEquals(1, github.issues(ROADMAP).size());
        assertEquals(6, github.subIssueIds(ROADMAP, 1).size());
        // created by REST, or by GraphQL createIssue where GitHub links and adds in the same request
        long posts = github.applied().stream().filter(a -> a.method().equals("POST") && (a.path().endsWith("/issues")
                || a.path().equals("/graphql createIssue"))).count();
        assertEquals(7, posts, "the issue that reached GitHub before the crash was found by its marker, not re-sent");
        Eventually.await(DONE, "the summary", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> m.get("thread_ts") != null && m.get("text").contains("6 of 6")));
    }

    @Test
    void secondaryRateLimitsSlowTheFanOutDownShowItAndLoseNothing() {
        // the request that creates an issue, on either path (REST, or GraphQL createIssue with its link and board)
        String issues = "/repos/openedx/limited-[^/]+/issues|/graphql createIssue openedx/limited-.+";
        github.inject(Fault.secondaryLimit("POST", issues, Map.of("Retry-After", "1")),
                Fault.secondaryLimit("POST", issues, Map.of("Retry-After", "1")),
                Fault.secondaryLimit("POST", issues, Map.of()));
        NewProjectForm form = new NewProjectForm().name("Ubuntu 24.04 limited");
        form.product = "ubuntu";
        form.repos = IntStream.range(0, 4).mapToObj(i -> "openedx/limited-" + i).collect(Collectors.joining(","));
        postForm(interaction(form.payload())).statusCode(200);

        awaitState("ubuntu-24-04-limited", ProjectState.ACTIVE);
        assertEquals(0, github.faultsLeft());
        for (int i = 0; i < 4; i++) {
            assertEquals(1, github.issues("openedx/limited-" + i).size(), "exactly one issue in limited-" + i);
        }
        assertTrue(
                SlackCalls.of("chat.update").stream()
                        .anyMatch(e -> e.get("blocks").contains("GitHub asked us to slow down")),
                "the progress message said GitHub asked to slow down");
    }

    @Test
    void aWriteGitHubRefusesIsReportedWithWhyAndCanBeRetriedOnceFixed() {
        Fakes.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/actions/.*"))
                .willReturn(okJson("{\"ok\":true}")));
        github.inject(Fault.reject("POST", "/repos/openedx/refused-b/issues|/graphql createIssue openedx/refused-b",
                403, Map.of(),
                "{\"message\":\"Resource not accessible by integration\"}"));
        NewProjectForm form = new NewProjectForm().name("Sass 2 refused");
        form.product = "sass";
        form.repos = "openedx/refused-a\nopenedx/refused-b";
        postForm(interaction(form.payload())).statusCode(200);
        UpgradeProjectEntity p = awaitState("sass-2-refused", ProjectState.ACTIVE);
        assertEquals(0, github.issues("openedx/refused-b").size());
        Eventually.await(DONE, "a summary saying what failed and why", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> m.get("thread_ts") != null && SlackCalls.texts(m.get("blocks")).contains(
                        "issue in openedx/refused-b: ") && m.get("blocks").contains("Resource not accessible")
                        && m.get("blocks").contains("ub.project_retry_failed")));

        postForm(interaction(SlackSigner.blockActionPayload("ub.project_retry_failed", String.valueOf(p.id), ORCH,
                "C0UPGRADES", UpgradeNewTest.trigger()))).statusCode(200);
        Eventually.await(DONE, "the retried issue", () -> github.issues("openedx/refused-b").size() == 1
                && QuarkusTransaction.requiringNew().call(() -> queueFailures(p.id)) == 0
                && QuarkusTransaction.requiringNew().call(
                        () -> UpgradeProjectEntity.<UpgradeProjectEntity>findById(p.id).state == ProjectState.ACTIVE));
        assertEquals(1, github.issues("openedx/refused-a").size(), "the issue that worked was not created again");
        assertEquals(2, github.subIssueIds(ROADMAP, 1).size());
        Eventually.await(DONE, "the list names both", () -> BodySections.read(github.issue(ROADMAP, 1).path("body")
                .asText(), RoadmapIssueBody.CHILDREN).orElse("").contains("openedx/refused-b#1"));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static long queueFailures(long projectId) {
        return io.upgradebot.store.GitHubWriteEntity.count("projectId = ?1 and state = ?2", projectId,
                io.upgradebot.store.GitHubWriteEntity.State.FAILED);
    }

    static String repo(int i) {
        return "openedx/django-repo-%03d".formatted(i);
    }

    /** GET /search/repositories in pages of 100, linked as GitHub links them (Link: rel="next"). */
    static void stubSearch(String query, int total) {
        for (int page = 1; (page - 1) * 100 < total; page++) {
            ObjectNode body = JSON.createObjectNode().put("total_count", total).put("incomplete_results", false);
            ArrayNode items = body.putArray("items");
            for (int i = (page - 1) * 100; i < Math.min(total, page * 100); i++) {
                String[] parts = repo(i).split("/");
                ObjectNode r = items.addObject().put("id", 5_000_000 + i).put("node_id", "R_kgDO" + i)
                        .put("name", parts[1]).put("full_name", repo(i)).put("private", false)
                        .put("html_url", "https://github.com/" + repo(i))
                        .put("url", Fakes.github.baseUrl() + "/repos/" + repo(i)).put("archived", false)
                        .put("default_branch", "master").put("score", 1.0);
                r.putObject("owner").put("login", "openedx").put("id", 1).put("type", "Organization");
            }
            var stub = get(urlPathEqualTo("/search/repositories")).withQueryParam("q", equalTo(query))
                    .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
            var answer = okJson(body.toString());
            if (page * 100 < total) {
                answer = answer.withHeader("Link", "<" + Fakes.github.baseUrl() + "/search/repositories?q="
                        + SlackSigner.enc(query) + "&per_page=100&page=" + (page + 1) + ">; rel=\"next\"");
            }
            Fakes.github.stubFor(stub.willReturn(answer));
        }
    }
}
