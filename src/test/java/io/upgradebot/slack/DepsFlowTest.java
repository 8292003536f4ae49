package io.upgradebot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.ScheduleSeeds;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade deps} end to end: each entry becomes one issue in its configured repository with its labels, on the
 * maintenance board with Project and Source, and one line in the roadmap issue's own section; a Slack retry and a
 * second submission of the same entries add nothing; the call for help goes out once.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class DepsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORCHESTRATOR = OwnerDoesFixtures.ORCHESTRATOR;
    private static final String ROADMAP_REPO = "openedx/platform-roadmap";
    private static final String DEP_REPO = "openedx/public-engineering";
    private static final String BTR_REPO = "openedx/wg-build-test-release";

    @Inject
    AfterAckExecutor afterAck;

    OwnerDoesFixtures.Seeded p;
    GitHubFake.BoardState board;
    String channel;
    int roadmapNumber;

    @BeforeEach
    void setUp() {
        OwnerDoesFixtures.freshFakes();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Owner Does", OwnerDoesFixtures.LEVELS.labels());
        fields.put("Project", List.of());
        fields.put("Source", List.of());
        board = GitHubFake.INSTANCE.addBoard(OwnerDoesFixtures.BOARD_ORG, OwnerDoesFixtures.BOARD_NUMBER,
                "Maintenance", fields);
        ScheduleSeeds.slackAcceptsPosts();
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0DEPS","type":"modal","callback_id":"ub.deps","hash":"1.a"}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.update")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0DEPS","type":"modal","callback_id":"ub.deps","hash":"1.b"}}""")));
        Fakes.slack.stubFor(post(urlPathMatching("/(commands|actions)/.*")).willReturn(ok("")));
        p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        channel = "C0DEP" + Long.toString(System.nanoTime(), 36).toUpperCase();
        JsonNode roadmap = GitHubFake.INSTANCE.addHumanIssue(ROADMAP_REPO, "Django 5.2 upgrade",
                "Written by a person.\n\n" + io.upgradebot.domain.RunbookChecklist.load().render(java.util.Set.of()),
                GitHubFake.BOT_LOGIN);
        roadmapNumber = roadmap.path("number").asInt();
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity e = UpgradeProjectEntity.findById(p.projectId());
            e.channelId = channel;
            e.roadmapRepo = ROADMAP_REPO;
            e.roadmapIssueNumber = roadmapNumber;
            e.roadmapIssueUrl = roadmap.path("html_url").asText();
        });
    }

    @AfterEach
    void quiet() {
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
    }

    @Test
    void eachEntryBecomesOneIssueOnTheBoardListedInTheRoadmapIssueExactlyOnce() throws Exception {
        String meta = openForm();
        ObjectNode values = entries();
        String submission = AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.deps", meta, values);
        assertEquals("clear", AnnounceFlowTest.interact(submission).path("response_action").asText());
        SlackSigner.post(ContentType.URLENC, SlackSigner.interaction(submission), Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).statusCode(200);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        // someone submits the same entries again from a second form
        AnnounceFlowTest.interact(AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.deps", meta, entries()));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        Eventually.await(WAIT, "the call for help", () -> ScheduleSeeds.postsTo("C0COMMUNITY").stream()
                .anyMatch(m -> String.valueOf(m).contains("django-countries")));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        List<JsonNode> deps = GitHubFake.INSTANCE.issues(DEP_REPO);
        assertEquals(1, deps.size(), "one dependency issue: " + deps);
        JsonNode dep = deps.get(0);
        assertTrue(dep.path("title").asText().contains("django-countries"), dep.toString());
        String labels = dep.path("labels").toString();
        assertTrue(labels.contains("help wanted") && labels.contains("maintenance"), labels);
        String body = dep.path("body").asText();
        assertTrue(body.contains("Needs a release with Django 5.2 support."), body);
        assertTrue(body.contains("https://github.com/SmileyChris/django-countries"), body);
        assertTrue(body.contains("/issues/" + roadmapNumber), "links the roadmap issue: " + body);
        assertTrue(body.contains("https://docs.example/django-5-2"), "links the docs: " + body);
        List<JsonNode> ops = GitHubFake.INSTANCE.issues(BTR_REPO);
        assertEquals(1, ops.size(), "one operations ticket: " + ops);
        assertEquals("[]", ops.get(0).path("labels").toString(), "operations tickets carry no dependency labels");

        synchronized (GitHubFake.INSTANCE) {
            for (JsonNode issue : List.of(dep, ops.get(0))) {
                String item = board.items.entrySet().stream()
                        .filter(e -> e.getValue().equals(issue.path("node_id").asText())).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> new AssertionError("not on the board: " + issue));
                assertTrue(board.value(item, "Project").startsWith("Django 5.2"), board.value(item, "Project"));
                assertEquals("Arch-BOM", board.value(item, "Source"));
            }
        }
        String roadmapBody = GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("body").asText();
        assertTrue(roadmapBody.startsWith("Written by a person."), "the person's text is kept: " + roadmapBody);
        String section = BodySections.read(roadmapBody, "dependencies").orElseThrow();
        assertEquals(1, count(section, dep.path("html_url").asText()), section);
        assertEquals(1, count(section, ops.get(0).path("html_url").asText()), section);
        Eventually.await(WAIT, "the outside-issue items ticked", () -> {
            String roadmapNow = GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("body").asText();
            return roadmapNow.contains("- [x] Create issues in [public-engineering]")
                    && roadmapNow.contains("- [x] Add the \"help wanted\" and \"maintenance\" labels")
                    && roadmapNow.contains("- [x] Add each public-engineering issue created above to the Maintenance")
                    && roadmapNow
                            .contains("- [x] Set appropriate values for the Maintenance project board custom fields")
                    && roadmapNow.contains("- [x] Create [Build-Test-Release Working Group]")
                    && roadmapNow.contains("- [x] Ask the Open edX developer community");
        });
        assertEquals(2, QuarkusTransaction.requiringNew()
                .call(() -> OutsideIssueEntity.count("projectId", p.projectId())));

        List<Map<String, String>> calls = ScheduleSeeds.postsTo("C0COMMUNITY").stream()
                .filter(m -> String.valueOf(m).contains("django-countries"))
                .toList();
        assertEquals(1, calls.size(), "one call for help: " + calls);
        assertTrue(String.valueOf(calls.get(0)).contains(dep.path("html_url").asText()), calls.get(0).toString());
    }

    @Test
    void anEntryWithoutANameIsAFieldErrorAndAFinishedProjectTakesNoOutsideIssues() throws Exception {
        String meta = openForm();
        ObjectNode values = AnnounceFlowTest.JSON.createObjectNode();
        values.putObject("url_1").putObject("url_1").put("type", "plain_text_input").put("value", "not a link");
        JsonNode refused = AnnounceFlowTest.interact(AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.deps", meta,
                values));
        assertEquals("errors", refused.path("response_action").asText(), refused.toString());
        assertTrue(refused.path("errors").path("name_1").asText().contains("Name"), refused.toString());
        assertEquals(List.of(), GitHubFake.INSTANCE.issues(DEP_REPO));

        QuarkusTransaction.requiringNew().run(() -> UpgradeProjectEntity.update("state = ?1 where id = ?2",
                ProjectState.FINISHED, p.projectId()));
        SlackSigner.postForm(SlackSigner.command("deps " + p.slug(), ORCHESTRATOR, channel,
                OwnerDoesFixtures.trigger())).statusCode(200);
        Eventually.await(WAIT, "the form says why", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> String.valueOf(v.get("view")).contains("is finished")));
        // a form opened before the finish is refused too
        AnnounceFlowTest.interact(AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.deps", meta, entries()));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(List.of(), GitHubFake.INSTANCE.issues(DEP_REPO));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String openForm() throws Exception {
        SlackSigner.postForm(SlackSigner.command("deps " + p.slug(), ORCHESTRATOR, channel,
                OwnerDoesFixtures.trigger())).statusCode(200);
        Fakes.slack.verify(1, postRequestedFor(urlPathEqualTo("/api/views.open")));
        return AnnounceFlowTest.shownView("\"block_id\":\"name_1\"").path("private_metadata").asText();
    }

    private static ObjectNode entries() {
        ObjectNode v = AnnounceFlowTest.JSON.createObjectNode();
        select(v, "kind_1", "dep");
        text(v, "name_1", "django-countries");
        text(v, "url_1", "https://github.com/SmileyChris/django-countries");
        text(v, "needed_1", "Needs a release with Django 5.2 support.");
        select(v, "kind_2", "ops:BTR");
        text(v, "name_2", "MySQL 8.4 in the named-release images");
        text(v, "needed_2", "Update the database images before the Verawood cut.");
        v.putObject("help").putObject("help").put("type", "checkboxes").putArray("selected_options").addObject()
                .put("value", "yes").putObject("text").put("type", "plain_text").put("text", "Ask");
        return v;
    }

    private static void text(ObjectNode v, String id, String value) {
        v.putObject(id).putObject(id).put("type", "plain_text_input").put("value", value);
    }

    private static void select(ObjectNode v, String id, String value) {
        v.putObject(id).putObject(id).put("type", "static_select").putObject("selected_option").put("value", value)
                .putObject("text").put("type", "plain_text").put("text", value);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
