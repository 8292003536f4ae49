package io.upgradebot.project.creation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.upgradebot.project.creation.UpgradeNewTest.DONE;
import static io.upgradebot.project.creation.UpgradeNewTest.ORCH;
import static io.upgradebot.project.creation.UpgradeNewTest.ROADMAP;
import static io.upgradebot.project.creation.UpgradeNewTest.awaitState;
import static io.upgradebot.project.creation.UpgradeNewTest.trigger;
import static io.upgradebot.support.SlackSigner.blockActionPayload;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.RoadmapIssueBody;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackCalls;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Around the fan-out: the completion date the form suggests (endoflife.date + release calendar, the stagger
 * warning), "Preview only" then "Create it", and {@code /upgrade list}, {@code status} and {@code repos}.
 * The test calendar (application.properties) has Willow cut on 2030-04-22 and Xylo on 2030-10-28.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class ProjectConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    GitHubFake github;

    @BeforeEach
    void freshFakes() {
        Fakes.reset();
        Fakes.slack.stubFor(post(urlPathMatching("/actions/.*")).willReturn(okJson("{\"ok\":true}")));
        github = GitHubFake.install();
        github.addMaintenanceBoard();
    }

    @AfterEach
    void everyMessageFitsSlack() {
        OwnerDoesFixtures.settle(); // the last status edit and summary land in this test, not the next
        SlackCalls.assertAllWithinBlockKitLimits();
    }

    @Test
    void theFormSuggestsTheLastBranchCutBeforeEndOfSupportWarnsOfOverlapAndTheSubmissionKeepsIt() throws Exception {
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/django.json")).willReturn(okJson("""
                [{"cycle":"5.2","releaseDate":"2025-04-02","eol":"2034-04-30","latest":"5.2.1","lts":true},
                 {"cycle":"4.2","releaseDate":"2023-04-03","eol":"2031-01-01","latest":"4.2.20","lts":true}]""")));
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity other = new UpgradeProjectEntity();
            other.slug = "python-3-13-overlap-" + UUID.randomUUID().toString().substring(0, 6);
            other.name = "Python 3.13 overlap";
            other.roadmapRepo = ROADMAP;
            other.releaseName = "Xylo";
            other.completionDate = LocalDate.of(2030, 10, 28);
            other.state = ProjectState.ACTIVE;
            other.persist();
        });

        postForm(command("new django 4.2 -> 5.2", ORCH, "C0UPGRADES", trigger())).statusCode(200);
        assertEquals(1, SlackCalls.count("views.open"), "the form opened before anything slow");
        // this form's update, found by its content: a late update of an earlier test's modal may reach the fake too
        Eventually.await(DONE, "the suggestion filled in", () -> SlackCalls.of("views.update").stream()
                .anyMatch(c -> c.get("view").contains("Suggested: 2030-10-28")));
        JsonNode view = JSON.readTree(SlackCalls.of("views.update").stream().map(c -> c.get("view"))
                .filter(v -> v.contains("Suggested: 2030-10-28")).findFirst().orElseThrow());
        String text = view.toString();
        assertTrue(text.contains("Suggested: 2030-10-28 (Xylo)"), text);
        assertTrue(text.contains("Django 4.2 support ends 2031-01-01"), "and why: " + text);
        assertTrue(text.contains("Also targeting Xylo: Python 3.13 overlap") && text.contains("stagger"), text);
        assertTrue(text.contains("\"block_id\":\"date.1\"") && text.contains("\"initial_date\":\"2030-10-28\""), text);

        NewProjectForm changed = new NewProjectForm().name("Django 5.2 suggested");
        changed.metadata = view.path("private_metadata").asText();
        changed.rev = 1;
        changed.date = LocalDate.of(2030, 9, 1);
        changed.reason = null;
        changed.release = "Xylo";
        postForm(interaction(changed.payload())).statusCode(200).body("response_action", equalTo("errors"))
                .body("errors.date_reason", containsString("changed the suggested date"));

        NewProjectForm kept = new NewProjectForm().name("Django 5.2 suggested");
        kept.metadata = view.path("private_metadata").asText();
        kept.rev = 1;
        kept.date = null;
        kept.reason = null;
        kept.release = null;
        kept.repos = "openedx/suggested-a";
        postForm(interaction(kept.payload())).statusCode(200).body("response_action", equalTo("update"));
        UpgradeProjectEntity p = awaitState("django-5-2-suggested", ProjectState.ACTIVE);
        assertEquals(LocalDate.of(2030, 10, 28), p.completionDate);
        assertEquals("Xylo", p.releaseName);
        JsonNode roadmap = github.issues(ROADMAP).get(0);
        assertTrue(roadmap.path("body").asText().contains("Django 4.2 support ends 2031-01-01"),
                "the reason is on GitHub");
        assertEquals("Xylo", roadmap.path("milestone").path("title").asText());
    }

    @Test
    void suggestADateToleratesEndOfSupportGivenAsABoolean() {
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/nodejs.json")).willReturn(okJson("""
                [{"cycle":"22","releaseDate":"2024-04-24","eol":"2027-04-30","lts":"2024-10-29","latest":"22.11.0"},
                 {"cycle":"16","releaseDate":"2021-04-20","eol":true,"lts":"2021-10-26","latest":"16.20.2"}]""")));
        postForm(interaction(suggestDatePayload("nodejs", "16"))).statusCode(200);
        // pick this test's update by its content: a late update from the previous test may reach the fake too
        Eventually.await(DONE, "the suggestion", () -> SlackCalls.of("views.update").stream()
                .anyMatch(c -> c.get("view").contains("support has already ended")));
        String view = SlackCalls.of("views.update").stream().map(c -> c.get("view"))
                .filter(v -> v.contains("support has already ended")).findFirst().orElseThrow();
        assertTrue(view.contains("Willow on 2030-04-22"), view);
        assertTrue(view.contains("\"initial_value\":\"Node 22\""), "what the person typed is kept: " + view);
    }

    @Test
    void aPreviewWritesNothingUntilAnOrchestratorPressesCreateIt() {
        Fakes.github.stubFor(get(urlPathEqualTo("/repos/openedx/preview-gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
        NewProjectForm form = new NewProjectForm().name("MySQL 8.4 preview");
        form.product = "mysql";
        form.repos = "openedx/preview-a\nopenedx/preview-b\nopenedx/preview-gone";
        form.preview = true;
        postForm(interaction(form.payload())).statusCode(200);
        UpgradeProjectEntity p = awaitState("mysql-8-4-preview", ProjectState.PREVIEW);
        // found by its content: a post an earlier test's background work makes late must not pass for it
        Eventually.await(DONE, "the preview message", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> SlackCalls.texts(m.get("blocks")).contains("Preview: MySQL 8.4 preview")));
        var previewPost = SlackCalls.of("chat.postMessage").stream()
                .filter(m -> SlackCalls.texts(m.get("blocks")).contains("Preview: MySQL 8.4 preview")).findFirst()
                .orElseThrow();
        String preview = previewPost.get("blocks") + SlackCalls.texts(previewPost.get("blocks"));
        assertTrue(preview.contains("Preview: MySQL 8.4 preview upgrade") && preview.contains("ub.preview_create"),
                preview);
        assertTrue(preview.contains("openedx/preview-a") && preview.contains("Left out (1)")
                && preview.contains("openedx/preview-gone"), preview);
        assertTrue(preview.contains("Project = MySQL 8.4 preview") && preview.contains("Owner Does = TBD"), preview);
        assertTrue(github.applied().isEmpty(), "a preview writes nothing to GitHub");

        postForm(interaction(blockActionPayload("ub.preview_create", String.valueOf(p.id), "U0SOMEONE", "C0UPGRADES",
                trigger()))).statusCode(200);
        Eventually.await(DONE, "the refusal",
                () -> Fakes.slack.findAll(postRequestedFor(urlPathMatching("/actions/.*")))
                        .stream().anyMatch(r -> r.getBodyAsString().contains("Only orchestrators")));
        assertEquals(ProjectState.PREVIEW, awaitState("mysql-8-4-preview", ProjectState.PREVIEW).state);

        postForm(interaction(blockActionPayload("ub.preview_create", String.valueOf(p.id), ORCH, "C0UPGRADES",
                trigger()))).statusCode(200);
        postForm(interaction(blockActionPayload("ub.preview_create", String.valueOf(p.id), ORCH, "C0UPGRADES",
                trigger()))).statusCode(200);
        awaitState("mysql-8-4-preview", ProjectState.ACTIVE);
        assertEquals(1, github.issues(ROADMAP).size(), "a second click creates nothing more");
        assertEquals(1, github.issues("openedx/preview-a").size());
        assertEquals(1, github.issues("openedx/preview-b").size());
        // the preview message itself became the status message: this project's status is an edit of it, never a
        // second message in the channel (other tests' projects edit their own status messages, late ones included)
        Eventually.await(DONE, "the status shown in the preview message", () -> SlackCalls.of("chat.update").stream()
                .anyMatch(u -> u.toString().contains("MySQL 8.4 preview")));
        assertTrue(SlackCalls.of("chat.update").stream().filter(u -> u.toString().contains("MySQL 8.4 preview"))
                .allMatch(u -> u.get("ts").equals("1700000000.000100")), "the ts the fake gave the preview");
        assertEquals(1, SlackCalls.of("chat.postMessage").stream().filter(m -> m.get("thread_ts") == null
                && m.toString().contains("MySQL 8.4 preview")).count(), "one message in the channel: the preview");
        Eventually.await(DONE, "the second click answered", () -> Fakes.slack.findAll(postRequestedFor(
                urlPathMatching("/actions/.*"))).stream().anyMatch(r -> r.getBodyAsString().contains("already")));
    }

    @Test
    void listStatusAndScopeChangesAfterCreation() {
        NewProjectForm form = new NewProjectForm().name("Celery 5 scope");
        form.product = "celery";
        form.repos = "openedx/scope-a\nopenedx/scope-b";
        postForm(interaction(form.payload())).statusCode(200);
        UpgradeProjectEntity p = awaitState("celery-5-scope", ProjectState.ACTIVE);

        String listTrigger = trigger();
        postForm(command("list", "U0ANYONE", "C0UPGRADES", listTrigger)).statusCode(200);
        assertThat(SlackCalls.responseTo(listTrigger),
                allOf(containsString("celery-5-scope"), containsString("active")));
        String statusTrigger = trigger();
        postForm(command("status celery-5-scope", "U0ANYONE", "C0UPGRADES", statusTrigger)).statusCode(200);
        assertThat(SlackCalls.responseTo(statusTrigger), allOf(containsString("2 repositories"),
                containsString("TBD 2"), containsString("Still TBD (2)"),
                containsString("\"response_type\":\"ephemeral\"")));
        String typoTrigger = trigger();
        postForm(command("status celery-5-scop", "U0ANYONE", "C0UPGRADES", typoTrigger)).statusCode(200);
        assertThat(SlackCalls.responseTo(typoTrigger), containsString("Did you mean `celery-5-scope`"));

        postForm(command("repos celery-5-scope add openedx/scope-c", "U0ANYONE", "C0UPGRADES", trigger()))
                .statusCode(200).body(containsString("Only orchestrators"));
        postForm(command("repos celery-5-scope add openedx/scope-c", ORCH, "C0UPGRADES", trigger())).statusCode(200);
        Eventually.await(DONE, "the added repository's issue and link",
                () -> github.issues("openedx/scope-c").size() == 1
                        && github.subIssueIds(ROADMAP, 1).size() == 3 && children().contains("openedx/scope-c#1"));
        assertEquals(3, github.board("openedx", 51).items.size(), "on the board too");

        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(
                okJson("""
                        {"ok":true,"user":{"id":"U0ORCH","team_id":"T0001","name":"orla","real_name":"Orla Chestrator",
                         "tz":"Europe/Paris","is_bot":false,"profile":{"real_name":"Orla Chestrator","email":"orla@example.org"}}}""")));
        postForm(command("repos celery-5-scope remove openedx/scope-b -- it no longer uses Celery", ORCH, "C0UPGRADES",
                trigger())).statusCode(200);
        Eventually.await(DONE, "the removed repository's issue closed", () -> "closed".equals(
                github.issue("openedx/scope-b", 1).path("state").asText()) && !children().contains("openedx/scope-b"));
        JsonNode closed = github.issue("openedx/scope-b", 1);
        assertEquals("not_planned", closed.path("state_reason").asText());
        String comment = github.comments("openedx/scope-b", 1).get(0).path("body").asText();
        assertTrue(comment.contains("it no longer uses Celery") && comment.contains("Celery 5 scope")
                && comment.contains("Orla Chestrator"), comment);
        assertEquals(1, github.comments("openedx/scope-b", 1).size());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity.count(
                "projectId = ?1 and inScope = true", p.id)));
        assertEquals(1, github.issues("openedx/scope-c").size(), "adding created one issue only");

        // added back: the same issue is reopened with a comment saying why, nothing is created twice
        postForm(command("repos celery-5-scope add openedx/scope-b", ORCH, "C0UPGRADES", trigger())).statusCode(200);
        Eventually.await(DONE, "the re-added repository's issue reopened", () -> "open".equals(
                github.issue("openedx/scope-b", 1).path("state").asText()) && children().contains("openedx/scope-b#1"));
        assertEquals(1, github.issues("openedx/scope-b").size(), "no second issue");
        List<JsonNode> comments = github.comments("openedx/scope-b", 1);
        assertEquals(2, comments.size());
        assertTrue(comments.get(1).path("body").asText().contains("part of the **Celery 5 scope** upgrade again")
                && comments.get(1).path("body").asText().contains("Orla Chestrator"),
                comments.get(1).path("body").asText());
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity.count(
                "projectId = ?1 and inScope = true and issueState = ?2", p.id, RepoIssueState.OPEN)));
    }

    @Test
    void withoutAnEndOfSupportTheBotAsksForTheDateBeforeCreating() {
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/inhouse-lib.json")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
        NewProjectForm form = new NewProjectForm().name("Inhouse lib 3");
        form.product = "inhouse-lib";
        form.current = "2";
        form.date = null;
        form.reason = null;
        form.release = null;
        form.repos = "openedx/inhouse-a";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));
        Eventually.await(DONE, "the date question", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("ub.new_project_confirm")));
        String ask = SlackCalls.texts(SlackCalls.of("views.update").stream().map(v -> v.get("view"))
                .filter(v -> v.contains("ub.new_project_confirm")).findFirst().orElseThrow());
        assertTrue(ask.contains("A completion date is needed") && ask.contains("endoflife.date has no support dates"),
                ask);
        assertTrue(github.applied().isEmpty());

        long id = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findBySlug("inhouse-lib-3")
                .orElseThrow().id);
        postForm(interaction(NewProjectForm.confirmPayload(ORCH, id, true, null, null))).statusCode(200)
                .body("response_action", equalTo("errors")).body("errors.date", containsString("Pick"));
        postForm(interaction(NewProjectForm.confirmPayload(ORCH, id, LocalDate.of(2030, 4, 1),
                "Before the Willow cut, with the platform team"))).statusCode(200);
        UpgradeProjectEntity p = awaitState("inhouse-lib-3", ProjectState.ACTIVE);
        assertEquals(LocalDate.of(2030, 4, 1), p.completionDate);
        assertTrue(github.issues(ROADMAP).get(0).path("body").asText().contains("Before the Willow cut"));
    }

    @Test
    void aDateChosenWithoutAReasonSaysWhoChoseItInSlackButNoSlackMentionOnGitHub() {
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/inhouse-tool.json")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
        NewProjectForm form = new NewProjectForm().name("Inhouse tool 4");
        form.product = "inhouse-tool";
        form.current = "3";
        form.date = null;
        form.reason = null;
        form.release = null;
        form.repos = "openedx/inhouse-tool-a";
        postForm(interaction(form.payload())).statusCode(200).body("response_action", equalTo("update"));
        Eventually.await(DONE, "the date question", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("ub.new_project_confirm")));
        long id = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findBySlug("inhouse-tool-4")
                .orElseThrow().id);

        postForm(interaction(NewProjectForm.confirmPayload(ORCH, id, LocalDate.of(2030, 5, 1), null)))
                .statusCode(200);

        awaitState("inhouse-tool-4", ProjectState.ACTIVE);
        String body = github.issues(ROADMAP).stream().map(i -> i.path("body").asText())
                .filter(b -> b.contains("Inhouse tool 4") || b.contains("inhouse-tool")).findFirst().orElseThrow();
        assertTrue(body.contains("- **Why this date:** Date chosen in Slack by the project's creator when creating"
                + " the project."), body);
        assertFalse(body.contains("<@"), body);
        Eventually.await(DONE, "the status message says who chose the date", () -> java.util.stream.Stream
                .concat(SlackCalls.of("chat.postMessage").stream(), SlackCalls.of("chat.update").stream())
                .anyMatch(m -> SlackCalls.texts(m.get("blocks"))
                        .contains("Why this date: Date chosen by <@" + ORCH + "> when creating the project.")));
    }

    @Test
    void aChannelTheBotCannotPostInDoesNotStopTheProjectAndThePersonIsTold() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":false,\"error\":\"not_in_channel\"}")));
        NewProjectForm form = new NewProjectForm().name("Redis 7 elsewhere");
        form.product = "redis";
        form.channel = "C0NOTJOINED";
        form.repos = "openedx/elsewhere-a";
        postForm(interaction(form.payload())).statusCode(200);
        awaitState("redis-7-elsewhere", ProjectState.ACTIVE);
        assertEquals(1, github.issues("openedx/elsewhere-a").size());
        Eventually.await(DONE, "the modal says so", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> v.get("view").contains("invite me there")));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String children() {
        return BodySections.read(github.issue(ROADMAP, 1).path("body").asText(""), RoadmapIssueBody.CHILDREN)
                .orElse("");
    }

    /** block_actions of "Suggest a date" inside the open form, with what the person typed so far. */
    private static String suggestDatePayload(String product, String version) {
        return """
                {"type":"block_actions","user":{"id":"U0ORCH","username":"o","name":"o","team_id":"T0001"},
                 "api_app_id":"A0UPGRADE","token":"legacy-verification-token",
                 "container":{"type":"view","view_id":"V0MODAL"},"trigger_id":"%s",
                 "team":{"id":"T0001","domain":"acme"},"is_enterprise_install":false,
                 "view":{"id":"V0MODAL","team_id":"T0001","type":"modal","callback_id":"ub.new_project",
                  "private_metadata":"{\\"c\\":\\"C0UPGRADES\\",\\"r\\":0}","hash":"1700000000.abcdef",
                  "title":{"type":"plain_text","text":"New upgrade project"},"blocks":[],
                  "state":{"values":{
                   "name":{"name":{"type":"plain_text_input","value":"Node 22"}},
                   "product":{"product":{"type":"plain_text_input","value":"%s"}},
                   "current":{"current":{"type":"plain_text_input","value":"%s"}},
                   "repos":{"repos":{"type":"plain_text_input","value":"openedx/frontend-app-a"}}}},
                  "root_view_id":"V0MODAL","app_id":"A0UPGRADE","bot_id":"B0BOT"},
                 "actions":[{"action_id":"ub.new_project_suggest_date","block_id":"suggestion",
                  "text":{"type":"plain_text","text":"Suggest a date"},"type":"button","action_ts":"%d.000100"}]}"""
                .formatted(trigger(), product, version, System.currentTimeMillis() / 1000);
    }
}
