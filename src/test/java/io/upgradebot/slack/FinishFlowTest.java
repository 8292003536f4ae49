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
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.finish.FinishProject;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade finish} and {@code /upgrade reopen} end to end: signed commands and modal submissions, what
 * reaches the Slack fake and the stateful GitHub fake. A finish closes the roadmap issue, posts the announcement and
 * comments once however often it is submitted; a finished project refuses changes with a reason until reopened.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class FinishFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORCHESTRATOR = OwnerDoesFixtures.ORCHESTRATOR;
    private static final String ROADMAP_REPO = "openedx/platform-roadmap";

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    FinishProject finish;
    @Inject
    MessageTriggers triggers;

    OwnerDoesFixtures.Seeded p;
    String channel;
    int roadmapNumber;

    @BeforeEach
    void setUp() {
        GitHubFake.BoardState board = OwnerDoesFixtures.freshFakes();
        ScheduleSeeds.slackAcceptsPosts();
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0FINISH","type":"modal","callback_id":"ub.finish","hash":"1.a"}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.update")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0FINISH","type":"modal","callback_id":"ub.finish","hash":"1.b"}}""")));
        Fakes.slack.stubFor(post(urlPathMatching("/(commands|actions)/.*")).willReturn(ok("")));
        Map<String, String> repos = new LinkedHashMap<>();
        repos.put("openedx/alpha", "openedx/arch");
        repos.put("openedx/beta", null);
        p = OwnerDoesFixtures.seed(board, repos);
        channel = "C0FIN" + Long.toString(System.nanoTime(), 36).toUpperCase();
        JsonNode roadmap = GitHubFake.INSTANCE.addHumanIssue(ROADMAP_REPO, "Django 5.2 upgrade",
                "Intro\n\n" + RunbookChecklist.load().render(Set.of(RunbookChecklist.CREATE_ROADMAP_ISSUE)),
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
    void tearDown() {
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        QuarkusTransaction.requiringNew()
                .call(() -> ScheduledMessageEntity.<ScheduledMessageEntity>list("projectId", p.projectId()))
                .forEach(m -> triggers.unschedule(m.id));
    }

    @Test
    void onlyOrchestratorsFinishReopenOrOpenOutsideIssuesAndNothingIsWritten() {
        for (String command : List.of("finish ", "reopen ", "deps ")) {
            String answer = SlackSigner.postForm(SlackSigner.command(command + p.slug(), "U0NOBODY", channel,
                    OwnerDoesFixtures.trigger())).statusCode(200).extract().asString();
            assertTrue(answer.contains("Only orchestrators"), command + ": " + answer);
        }
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        Fakes.slack.verify(0, postRequestedFor(urlPathEqualTo("/api/views.open")));
        assertEquals(0, writesOfProject(), "no GitHub write planned");
        assertEquals(ProjectState.ACTIVE, project().state);
    }

    @Test
    void finishingWithItemsOpenNeedsAReasonAndTwoSubmissionsAndARetryFinishOnce() throws Exception {
        String meta = openFinishForm();
        JsonNode form = AnnounceFlowTest.shownView("\"block_id\":\"reason\"");
        String shown = form.toString();
        assertTrue(shown.contains("2 repository issues not closed"), shown);
        assertTrue(shown.contains("2 Owner Does levels still TBD"), shown);
        assertTrue(shown.contains("checklist items not ticked"), shown);
        assertTrue(shown.contains("upgrade is complete"), "the announcement is pre-filled: " + shown);

        JsonNode refused = AnnounceFlowTest.interact(AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.finish", meta,
                values(null, "We made it!", null)));
        assertEquals("errors", refused.path("response_action").asText(), refused.toString());
        assertTrue(refused.path("errors").path("reason").asText().contains("say why"), refused.toString());
        assertEquals(ProjectState.ACTIVE, project().state, "nothing finished without a reason");

        String submission = AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.finish", meta,
                values("Two repositories are archived.", "We made it! :tada:", LocalDate.now().plusDays(10)));
        JsonNode cleared = AnnounceFlowTest.interact(submission);
        assertEquals("clear", cleared.path("response_action").asText(), cleared.toString());
        // Slack retries the same request; someone submits a second form
        SlackSigner.post(ContentType.URLENC, SlackSigner.interaction(submission), Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).statusCode(200);
        AnnounceFlowTest.interact(AnnounceFlowTest.viewSubmission(ORCHESTRATOR, "ub.finish", meta,
                values("Two repositories are archived.", "We made it! :tada:", LocalDate.now().plusDays(10))));

        Eventually.await(WAIT, "the roadmap issue closed", () -> "closed".equals(
                GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("state").asText()));
        Eventually.await(WAIT, "the announcement sent", () -> deliveredAnnouncements() == 1);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        assertEquals(ProjectState.FINISHED, project().state);
        Eventually.await(WAIT, "the Clean Up items ticked", () -> {
            String body = GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("body").asText();
            return body.contains("- [x] Mark the roadmap issue for the upgrade as complete")
                    && body.contains("- [x] [Announce]");
        });
        String roadmapBody = GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("body").asText();
        assertTrue(roadmapBody.startsWith("Intro"), "the person's text is kept");
        assertTrue(roadmapBody.contains("- [ ] Schedule and run a retrospective"), "only what was done is ticked");
        assertEquals("completed", GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("state_reason")
                .asText());
        List<JsonNode> comments = GitHubFake.INSTANCE.comments(ROADMAP_REPO, roadmapNumber);
        assertEquals(1, comments.size(), "one comment: " + comments);
        assertTrue(comments.get(0).path("body").asText().contains("Two repositories are archived."));
        long closes = GitHubFake.INSTANCE.applied().stream()
                .filter(a -> a.path().endsWith("/issues/" + roadmapNumber) && a.body() != null
                        && a.body().contains("\"closed\""))
                .count();
        assertEquals(1, closes, "closed once");
        long announced = ScheduleSeeds.postsTo(channel).stream()
                .filter(m -> String.valueOf(m).contains("We made it!")).count();
        assertEquals(1, announced, "announced once");
        assertEquals(1, finishRound(), "one finish");
        List<ScheduledMessageEntity> retro = QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity
                .<ScheduledMessageEntity>list("projectId = ?1 and state = ?2 and text like ?3", p.projectId(),
                        MessageState.ACTIVE, "%retrospective%"));
        assertEquals(1, retro.size(), "one retrospective reminder");
        assertEquals(LocalDate.now().plusDays(10), retro.get(0).runAt.atZone(ZoneId.of("Europe/Paris"))
                .toLocalDate());
    }

    @Test
    void aFinishedProjectRefusesChangesWithAReasonIsListedAsFinishedAndReopens() throws Exception {
        ScheduledMessageEntity digest = recurringMessage();
        FinishProject.Result r = finish.finish(new FinishProject.Request(p.projectId(), ORCHESTRATOR, "Ada", "done",
                null, null, null, ZoneId.of("UTC"), Set.of()));
        assertEquals(FinishProject.Outcome.FINISHED, r.outcome());
        assertEquals(MessageState.DONE, message(digest.id).state, "the project's schedules stop");
        Eventually.await(WAIT, "the roadmap issue closed", () -> "closed".equals(
                GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("state").asText()));

        String ask = SlackSigner.postForm(SlackSigner.command("ask " + p.slug(), ORCHESTRATOR, channel,
                OwnerDoesFixtures.trigger())).statusCode(200).extract().asString();
        assertTrue(ask.contains("is finished") && ask.contains("/upgrade reopen " + p.slug()), ask);
        String announce = SlackSigner.postForm(SlackSigner.command("announce " + p.slug(), ORCHESTRATOR, channel,
                OwnerDoesFixtures.trigger())).statusCode(200).extract().asString();
        Eventually.await(WAIT, "the announce form says why", () -> SlackCalls.of("views.update").stream()
                .anyMatch(v -> String.valueOf(v.get("view")).contains("is finished")));
        String reposTrigger = OwnerDoesFixtures.trigger();
        SlackSigner.postForm(SlackSigner.command("repos " + p.slug() + " add openedx/gamma", ORCHESTRATOR, channel,
                reposTrigger)).statusCode(200);
        String listTrigger = OwnerDoesFixtures.trigger();
        SlackSigner.postForm(SlackSigner.command("list", ORCHESTRATOR, channel, listTrigger)).statusCode(200);
        assertTrue(SlackCalls.responseTo(listTrigger).contains("finished"), "listed as finished");
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> io.upgradebot.store.ProjectRepoEntity
                .count("projectId", p.projectId())), "no repository added to a finished project");

        String reopenTrigger = OwnerDoesFixtures.trigger();
        SlackSigner.postForm(SlackSigner.command("reopen " + p.slug(), ORCHESTRATOR, channel, reopenTrigger))
                .statusCode(200);
        assertTrue(SlackCalls.responseTo(reopenTrigger).contains("active again"));
        assertEquals(ProjectState.ACTIVE, project().state);
        assertEquals(MessageState.ACTIVE, message(digest.id).state, "the recurring message resumes");
        Eventually.await(WAIT, "the roadmap issue reopened", () -> "open".equals(
                GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("state").asText()));

        // finishing again after a reopen is a new round: the roadmap issue is closed again
        assertEquals(FinishProject.Outcome.FINISHED, finish.finish(new FinishProject.Request(p.projectId(),
                ORCHESTRATOR, "Ada", null, null, null, null, ZoneId.of("UTC"), Set.of())).outcome());
        Eventually.await(WAIT, "closed again", () -> "closed".equals(
                GitHubFake.INSTANCE.issue(ROADMAP_REPO, roadmapNumber).path("state").asText()));
        assertEquals(FinishProject.Outcome.ALREADY_FINISHED, finish.finish(new FinishProject.Request(p.projectId(),
                ORCHESTRATOR, "Ada", null, null, null, null, ZoneId.of("UTC"), Set.of())).outcome());
    }

    @Test
    void aDependencyClosedOnGitHubIsNoLongerOpenAndAnUnmaintainedOneGetsAFollowUpIssue() {
        JsonNode closedDep = GitHubFake.INSTANCE.addHumanIssue("openedx/public-engineering", "django-a", "x",
                GitHubFake.BOT_LOGIN);
        JsonNode staleDep = GitHubFake.INSTANCE.addHumanIssue("openedx/public-engineering", "django-b", "x",
                GitHubFake.BOT_LOGIN);
        long closedId = outsideIssue("django-a", closedDep);
        long staleId = outsideIssue("django-b", staleDep);
        io.restassured.RestAssured.given().baseUri(Fakes.github.baseUrl()).contentType(ContentType.JSON)
                .body("{\"state\":\"closed\"}")
                .patch("/repos/openedx/public-engineering/issues/" + closedDep.path("number").asInt())
                .then().statusCode(200);

        FinishProject.Overview o = finish.overview(p.projectId()).orElseThrow();
        assertEquals(List.of("django-b"), o.openOutside().stream().map(FinishProject.IssueLink::label).toList(),
                "the state is read from GitHub");
        assertEquals(2, o.dependencies().size());

        FinishProject.Result r = finish.finish(new FinishProject.Request(p.projectId(), ORCHESTRATOR, "Ada", "ok",
                null, null, null, ZoneId.of("UTC"), Set.of(staleId)));
        assertEquals(1, r.followUps());
        Eventually.await(WAIT, "the follow-up issue", () -> GitHubFake.INSTANCE
                .issuesContaining("openedx/public-engineering", "inadequately maintained").size() == 1);
        JsonNode followUp = GitHubFake.INSTANCE.issuesContaining("openedx/public-engineering",
                "inadequately maintained").get(0);
        assertEquals("Replace or take over maintenance of django-b", followUp.path("title").asText());
        assertTrue(followUp.path("body").asText().contains(staleDep.path("html_url").asText()));
        Eventually.await(WAIT, "its checklist item ticked", () -> GitHubFake.INSTANCE.issue(ROADMAP_REPO,
                roadmapNumber).path("body").asText().contains("- [x] Ticket work to replace or take over"));
        assertTrue(closedId != staleId);
    }

    @Test
    void aButtonOfAFinishedProjectsMessageSaysWhyAndChangesNothing() throws Exception {
        ScheduledMessageEntity m = recurringMessage();
        finish.finish(new FinishProject.Request(p.projectId(), ORCHESTRATOR, "Ada", "done", null, null, null,
                ZoneId.of("UTC"), Set.of()));
        AnnounceFlowTest.interact(AnnounceFlowTest.blockAction(ORCHESTRATOR, "ub.schedule_send_now",
                m.id + ":tok", channel));
        Eventually.await(WAIT, "told why", () -> Fakes.slack.findAll(postRequestedFor(urlPathMatching(
                "/actions/.*"))).stream().anyMatch(q -> q.getBodyAsString().contains("is finished")));
        assertEquals(MessageState.DONE, message(m.id).state, "nothing sent or rescheduled");
    }

    private long outsideIssue(String name, JsonNode issue) {
        return QuarkusTransaction.requiringNew().call(() -> {
            io.upgradebot.store.OutsideIssueEntity o = new io.upgradebot.store.OutsideIssueEntity();
            o.projectId = p.projectId();
            o.kind = io.upgradebot.store.OutsideIssueEntity.DEPENDENCY;
            o.repo = "openedx/public-engineering";
            o.name = name;
            o.writeKey = "test:" + p.slug() + ":" + name;
            o.issueNumber = issue.path("number").asInt();
            o.issueUrl = issue.path("html_url").asText();
            o.issueState = io.upgradebot.domain.RepoIssueState.OPEN;
            o.persist();
            return o.id;
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String openFinishForm() throws Exception {
        int before = Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))).size();
        SlackSigner.postForm(SlackSigner.command("finish " + p.slug(), ORCHESTRATOR, channel,
                OwnerDoesFixtures.trigger())).statusCode(200);
        assertEquals(1, Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))).size(),
                "a modal opened at once with the trigger_id");
        Eventually.await(WAIT, "the form filled in",
                () -> Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))).size() > before);
        return AnnounceFlowTest.shownView("\"block_id\":\"reason\"").path("private_metadata").asText();
    }

    private static ObjectNode values(String reason, String announcement, LocalDate retro) {
        ObjectNode v = AnnounceFlowTest.JSON.createObjectNode();
        v.putObject("reason").putObject("reason").put("type", "plain_text_input").put("value", reason);
        v.putObject("announcement").putObject("announcement").put("type", "plain_text_input")
                .put("value", announcement);
        v.putObject("retro").putObject("retro").put("type", "datepicker")
                .put("selected_date", retro == null ? null : retro.toString());
        return v;
    }

    private long deliveredAnnouncements() {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledDeliveryEntity.count(
                "state = ?1 and scheduledMessageId in (select m.id from ScheduledMessageEntity m where m.projectId = ?2 "
                        + "and m.text like ?3)",
                DeliveryState.SENT, p.projectId(), "%We made it!%"));
    }

    private ScheduledMessageEntity recurringMessage() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = new ScheduledMessageEntity();
            m.projectId = p.projectId();
            m.kind = "ANNOUNCEMENT";
            m.text = "weekly note";
            m.target = "CHANNEL";
            m.channelId = channel;
            m.cron = "0 0 9 ? * MON";
            m.timeZone = "UTC";
            m.state = MessageState.ACTIVE;
            m.persist();
            triggers.schedule(m);
            return m;
        });
    }

    private static ScheduledMessageEntity message(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.findById(id));
    }

    private UpgradeProjectEntity project() {
        return QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(p.projectId()));
    }

    private int finishRound() {
        return project().finishRound;
    }

    private long writesOfProject() {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count("idempotencyKey like ?1",
                ProjectWriteKeys.prefix(p.slug()) + "%"));
    }

    static Instant now() {
        return Instant.now();
    }
}
