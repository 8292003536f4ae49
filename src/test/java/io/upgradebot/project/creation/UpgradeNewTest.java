package io.upgradebot.project.creation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RoadmapIssueBody;
import io.upgradebot.github.WriteQueueLoop;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackCalls;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade new} end to end: signed Slack requests in, and what reached the fake Slack and the stateful fake
 * GitHub (REST + GraphQL) out. Reads like the runbook's "Determine Scope of Impact".
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class UpgradeNewTest {

    static final String ORCH = "U0ORCH";
    static final String ROADMAP = "openedx/platform-roadmap";
    static final Duration DONE = Duration.ofSeconds(60);

    @Inject
    WriteQueueLoop worker;

    GitHubFake github;
    GitHubFake.BoardState board;

    @BeforeEach
    void freshFakes() {
        Fakes.reset();
        github = GitHubFake.install();
        board = github.addMaintenanceBoard("Python 3.11 upgrade");
    }

    @AfterEach
    void everyMessageFitsSlack() {
        OwnerDoesFixtures.settle(); // the last status edit and summary land in this test, not the next
        SlackCalls.assertAllWithinBlockKitLimits();
    }

    @Test
    void threeRepositoriesGiveOneRoadmapIssueAndThreeRepositoryIssuesEachLinkedEachTbdOnTheBoard() {
        postForm(command("new Django 4.2 -> 5.2", ORCH, "C0UPGRADES", trigger())).statusCode(200);
        assertEquals(1, SlackCalls.count("views.open"), "the form opens at once");
        assertTrue(SlackCalls.of("views.open").get(0).get("view").contains("ub.new_project"));

        NewProjectForm form = new NewProjectForm().name("Django 5.2 three");
        form.repos = "openedx/edx-platform\nhttps://github.com/openedx/xblock-lti, openedx/frontend-app-learning";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));

        UpgradeProjectEntity p = awaitState("django-5-2-three", ProjectState.ACTIVE);

        List<JsonNode> roadmapIssues = github.issues(ROADMAP);
        assertEquals(1, roadmapIssues.size(), "one roadmap issue");
        JsonNode roadmap = roadmapIssues.get(0);
        assertEquals("Django 5.2 three upgrade", roadmap.path("title").asText());
        assertEquals("maintenance", roadmap.path("labels").get(0).path("name").asText());
        assertEquals("Verawood", roadmap.path("milestone").path("title").asText(), "milestone = the release");
        String body = roadmap.path("body").asText();
        assertTrue(body.contains("<!-- upgrade-bot:roadmap=django-5-2-three -->"), body);
        assertTrue(body.contains("Agreed with the release managers."), "the date's reason");
        assertTrue(
                body.contains("- [x] Select an orchestration team")
                        && body.contains("- [x] Set an appropriate release"),
                "the steps the bot did are ticked");
        assertTrue(body.contains("- [ ] Send an [announcement]"), "the others are not");

        List<String> repos = List.of("openedx/edx-platform", "openedx/xblock-lti", "openedx/frontend-app-learning");
        List<Long> childIds = repos.stream().map(repo -> {
            List<JsonNode> issues = github.issues(repo);
            assertEquals(1, issues.size(), "one issue in " + repo);
            String b = issues.get(0).path("body").asText();
            assertTrue(b.contains(roadmap.path("html_url").asText()), "links the roadmap issue: " + b);
            assertTrue(b.contains("<!-- upgrade-bot:project=django-5-2-three repo=" + repo + " -->"), b);
            return issues.get(0).path("id").asLong();
        }).toList();
        assertEquals(Set(childIds), Set(github.subIssueIds(ROADMAP, 1)), "each is a sub-issue of the roadmap issue");
        String children = BodySections.read(github.issue(ROADMAP, 1).path("body").asText(), RoadmapIssueBody.CHILDREN)
                .orElseThrow();
        repos.forEach(repo -> assertTrue(children.contains(repo + "#1"), children));

        assertEquals(3, board.items.size(), "every repository issue is on the board");
        for (String item : board.items.keySet()) {
            assertEquals("Django 5.2 three", board.value(item, "Project"));
            assertEquals("Axim Engineering", board.value(item, "Source"));
            assertEquals("TBD", board.value(item, "Owner Does"));
            assertEquals("Todo", board.value(item, "Status"));
        }
        assertTrue(board.field("Project").options.stream().anyMatch(o -> o.name().equals("Python 3.11 upgrade")),
                "the options other projects use are kept");

        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity stored = UpgradeProjectEntity.findById(p.id);
            assertEquals(1, stored.roadmapIssueNumber);
            assertEquals(3,
                    ProjectRepoEntity.count("projectId = ?1 and issueNumber is not null and boardItemId is not null"
                            + " and ownerDoes = 'TBD'", p.id));
            // the steps the bot did at creation are its own ticks in /upgrade checklist
            var created = io.upgradebot.store.ChecklistItemEntity
                    .find(p.id, io.upgradebot.domain.RunbookChecklist.CREATE_ROADMAP_ISSUE).orElseThrow();
            assertTrue(created.ticked);
            assertEquals(io.upgradebot.store.ChecklistItemEntity.Source.BOT, created.source);
        });
        // the child list names every repository issue: its runbook step is ticked in the roadmap issue
        Eventually.await(DONE, "the task list step ticked", () -> io.upgradebot.domain.RunbookChecklist.load()
                .tickedIn(GitHubFake.INSTANCE.issue("openedx/platform-roadmap", 1).path("body").asText())
                .contains(io.upgradebot.domain.RunbookChecklist.TASK_LIST_OF_CHILDREN));
        Eventually.await(DONE, "the summary in the status thread", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> m.get("thread_ts") != null && m.getOrDefault("text", "").contains("is set up")));
        // the board link is on the host GITHUB_API_URL points at (here the fake), not on github.com
        String boardLink = Fakes.github.baseUrl() + "/orgs/openedx/projects/51";
        Eventually.await(DONE, "the board link in the status message", () -> java.util.stream.Stream.concat(
                SlackCalls.of("chat.postMessage").stream(), SlackCalls.of("chat.update").stream())
                .anyMatch(m -> m.toString().contains(boardLink)));
        assertTrue(java.util.stream.Stream.concat(SlackCalls.of("chat.postMessage").stream(),
                SlackCalls.of("chat.update").stream())
                .noneMatch(m -> m.toString().contains("https://github.com/orgs/")));
        // GitHub's API cannot save a board view: the link opens the board filtered to this project (the status
        // message's later edits carry it; awaited, not asserted once)
        Eventually.await(DONE, "the filtered board link", () -> java.util.stream.Stream.concat(
                SlackCalls.of("chat.postMessage").stream(), SlackCalls.of("chat.update").stream())
                .anyMatch(m -> m.toString().contains(boardLink + "/views/1?filterQuery") // '=' is JSON-escaped
                        && m.toString().contains("project%3A%22Django%205.2%20three%22")));
        String roadmapBody = GitHubFake.INSTANCE.issue("openedx/platform-roadmap", 1).path("body").asText();
        assertTrue(roadmapBody.contains("- **Board view:** [this project's issues on the board](" + boardLink
                + "/views/1?filterQuery=project%3A%22"), roadmapBody);
        assertTrue(roadmapBody.contains("that filters down to only the issues in this upgrade project\n  - Start from"
                + " [this project's issues on the board]("), "the manual step names the link");
        Eventually.await(DONE, "the modal saying where to follow it", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("Creating the project with 3")));
    }

    @Test
    void onABoardWhoseSourceIsATextFieldTheSourceIsWrittenAsText() {
        synchronized (github) {
            board.makeText("Source");
        }
        NewProjectForm form = new NewProjectForm().name("Django 5.2 text source");
        form.repos = "openedx/edx-platform, openedx/xblock-lti";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));

        UpgradeProjectEntity p = awaitState("django-5-2-text-source", ProjectState.ACTIVE);
        synchronized (github) {
            assertEquals(2, board.items.size());
            for (String item : board.items.keySet()) {
                assertEquals("Axim Engineering", board.value(item, "Source"), "the team, as text");
                assertEquals("Django 5.2 text source", board.value(item, "Project"), "single-selects as before");
                assertEquals("TBD", board.value(item, "Owner Does"));
            }
            assertTrue(board.field("Source").options.isEmpty(), "no option added to a text field");
        }
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L, io.upgradebot.store.GitHubWriteEntity
                .count("projectId = ?1 and state = ?2", p.id, io.upgradebot.store.GitHubWriteEntity.State.FAILED)));
    }

    @Test
    void aNonOrchestratorIsToldWhoCanAndNoFormOpens() {
        postForm(command("new", "U0SOMEONE", "C0UPGRADES", trigger())).statusCode(200)
                .body("text", containsString("Only orchestrators"))
                .body("text", containsString("<@U0ORCH>"));
        assertEquals(0, SlackCalls.count("views.open"));
    }

    @Test
    void syntaxErrorsComeBackOnTheirFieldsBeforeTheFormCloses() {
        NewProjectForm form = new NewProjectForm().name(" ");
        form.repos = "openedx/ok\nthis is not a repo";
        form.reason = null;
        form.date = java.time.LocalDate.now().minusDays(1);
        form.docs = "not a url";
        postForm(interaction(form.payload())).statusCode(200)
                .body("response_action", equalTo("errors"))
                .body("errors.name", containsString("name"))
                .body("errors.repos", containsString("line 2"))
                .body("errors.date", containsString("passed"))
                .body("errors.docs", containsString("link"));
        NewProjectForm search = new NewProjectForm().name("Bad search");
        search.repos = "org:openedx \"django";
        postForm(interaction(search.payload())).statusCode(200).body("errors.repos", containsString("quote"));
        assertEquals(0, github.applied().size(), "nothing was written");
    }

    @Test
    void inaccessibleRepositoriesAreReportedAndLeftOutOnlyWhenThePersonConfirms() {
        Fakes.github.stubFor(get(urlPathEqualTo("/repos/openedx/secret-repo")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
        NewProjectForm form = new NewProjectForm().name("Node 20");
        form.product = "nodejs";
        form.repos = "openedx/frontend-app-a\nopenedx/secret-repo";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));
        Eventually.await(DONE, "the confirmation step", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("ub.new_project_confirm")));
        String confirm = SlackCalls.of("views.update").stream().map(v -> v.get("view"))
                .filter(v -> v.contains("ub.new_project_confirm")).findFirst().orElseThrow();
        assertTrue(confirm.contains("openedx/secret-repo") && confirm.contains("does not exist"), confirm);
        assertTrue(confirm.contains("Create without them"), confirm);
        assertEquals(0, github.applied().size(), "nothing is written before the person confirms");

        long projectId = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findBySlug("node-20")
                .orElseThrow().id);
        postForm(interaction(NewProjectForm.confirmPayload(ORCH, projectId, null, null))).statusCode(200);
        awaitState("node-20", ProjectState.ACTIVE);
        assertEquals(1, github.issues("openedx/frontend-app-a").size());
        assertTrue(github.applied().stream().noneMatch(a -> a.path().contains("secret-repo")));
    }

    @Test
    void aRoadmapRepositoryTheBotCannotSeeSendsTheFormBackWithTheReason() {
        Fakes.github.stubFor(get(urlPathEqualTo("/repos/openedx/no-roadmap")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
        NewProjectForm form = new NewProjectForm().name("Python 3.14 nowhere");
        form.roadmapRepo = "openedx/no-roadmap";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));
        Eventually.await(DONE, "the form back with the reason", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("openedx/no-roadmap does not exist")
                        && v.get("view").contains("ub.new_project\"")
                        && v.get("view").contains("Python 3.14 nowhere")));
        assertTrue(github.applied().isEmpty());
    }

    @Test
    void aCodeSearchNamesEachRepositoryOnceHoweverManyFilesMatch() {
        StringBuilder items = new StringBuilder();
        String[][] hits = {{"openedx/code-a", "requirements/base.in"}, {"openedx/code-a", "requirements/test.in"},
                {"openedx/code-b", "requirements/base.in"}};
        for (String[] hit : hits) {
            String[] parts = hit[0].split("/");
            items.append(items.length() == 0 ? "" : ",").append("""
                    {"name":"%3$s","path":"%4$s","sha":"f00d","url":"%1$s/repos/%2$s/contents/%4$s",
                     "git_url":"%1$s/repos/%2$s/git/blobs/f00d","html_url":"https://github.com/%2$s/blob/master/%4$s",
                     "repository":{"id":%5$d,"node_id":"R_%5$d","name":"%6$s","full_name":"%2$s","private":false,
                      "owner":{"login":"openedx","id":1,"type":"Organization"},"html_url":"https://github.com/%2$s",
                      "url":"%1$s/repos/%2$s","fork":false},"score":1.0}""".formatted(Fakes.github.baseUrl(), hit[0],
                    hit[1].substring(hit[1].lastIndexOf('/') + 1), hit[1], Math.abs(hit[0].hashCode()), parts[1]));
        }
        Fakes.github
                .stubFor(get(urlPathEqualTo("/search/code")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .okJson("{\"total_count\":3,\"incomplete_results\":false,\"items\":[" + items + "]}")));
        NewProjectForm form = new NewProjectForm().name("Pip tools code search");
        form.repos = "org:openedx filename:requirements.in django";
        postForm(interaction(form.payload())).statusCode(200);
        awaitState("pip-tools-code-search", ProjectState.ACTIVE);
        assertEquals(1, github.issues("openedx/code-a").size());
        assertEquals(1, github.issues("openedx/code-b").size());
        assertEquals(2, github.subIssueIds(ROADMAP, 1).size());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static UpgradeProjectEntity awaitState(String slug, ProjectState state) {
        Eventually.await(DONE, slug + " " + state, () -> QuarkusTransaction.requiringNew().call(
                () -> UpgradeProjectEntity.findBySlug(slug).map(p -> p.state == state).orElse(false)));
        return QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findBySlug(slug).orElseThrow());
    }

    static String trigger() {
        return "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static <T> java.util.Set<T> Set(List<T> list) {
        return new java.util.HashSet<>(list);
    }
}
