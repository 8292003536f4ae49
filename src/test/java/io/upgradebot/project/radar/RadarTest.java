package io.upgradebot.project.radar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.upgradebot.support.SlackSigner.blockActionPayload;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.store.RadarAlertEntity;
import io.upgradebot.store.SlackChannelPacingEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.SettableClock;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackHistoryFake;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade radar (runbook "Identify the Need Early") with the products the test profile configures
 * ({@code pyradar=3.11, noderadar=20, djradar=4.2, goneradar=1.0, downradar=2, oldradar=9.9}) served by the
 * endoflife.date fake: pyradar's support ends within the 12-month horizon with no project, noderadar's too but it has
 * a project, djradar's in years; goneradar is unknown to endoflife.date, downradar's lookup fails, oldradar has no
 * cycle 9.9. Dates are relative to the day the test runs; the release calendar is the test one (Willow cut on
 * 2030-04-22).
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class RadarTest {

    static final String ORCH = "U0ORCH";
    static final String CHANNEL = "C0RADAR";
    static final Duration DONE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Fixed for the whole JVM run: endoflife.date answers are cached, so every test must see the same dates. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PostRadarAlerts alerts;

    @Inject
    SettableClock clock;

    Instant now;

    @BeforeEach
    void fakes() {
        Fakes.reset();
        Fakes.slack.stubFor(post(urlPathMatching("/actions/.*")).willReturn(okJson("{\"ok\":true}")));
        eol("pyradar", """
                [{"cycle":"3.13","eol":"%s","latest":"3.13.1"},{"cycle":"3.12","eol":"%s"},
                 {"cycle":"3.11","eol":"%s","latest":"3.11.9"}]""".formatted(TODAY.plusYears(6),
                TODAY.minusDays(30), TODAY.plusDays(200)));
        eol("noderadar", """
                [{"cycle":"22","eol":"%s","lts":"2024-10-29"},{"cycle":"20","eol":"%s","lts":"2023-10-24"}]"""
                .formatted(TODAY.plusYears(5), TODAY.plusDays(300)));
        eol("djradar", """
                [{"cycle":"5.2","eol":"%s","lts":true},{"cycle":"4.2","eol":"%s","lts":true}]"""
                .formatted(TODAY.plusYears(9), TODAY.plusYears(6)));
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/goneradar.json")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<h1>Not found</h1>")));
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/downradar.json")).willReturn(aResponse().withStatus(503)));
        eol("oldradar", """
                [{"cycle":"10.0","eol":"%s"}]""".formatted(TODAY.plusYears(2)));
        QuarkusTransaction.requiringNew().run(() -> {
            if (UpgradeProjectEntity.findBySlug("noderadar-22-radar").isEmpty()) {
                UpgradeProjectEntity p = new UpgradeProjectEntity();
                p.slug = "noderadar-22-radar";
                p.name = "Noderadar 22";
                p.roadmapRepo = "openedx/platform-roadmap";
                p.dependency = "noderadar";
                p.currentVersion = "20.11.1";
                p.targetVersion = "22";
                p.state = ProjectState.ACTIVE;
                p.persist();
            }
            // a project created from the radar by an earlier test: retired, so pyradar is without a project again
            UpgradeProjectEntity.update("dependency = 'retired-pyradar' where dependency = 'pyradar'");
            RadarAlertEntity.deleteAll();
            SlackChannelPacingEntity.delete("channel", CHANNEL);
        });
        now = Instant.now();
        clock.use(Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void back() {
        clock.useSystemClock();
        SlackCalls.assertAllWithinBlockKitLimits();
    }

    static void eol(String product, String json) {
        Fakes.github.stubFor(get(urlPathEqualTo("/eol/api/" + product + ".json")).willReturn(okJson(json)));
    }

    static String trigger() {
        return "1337." + UUID.randomUUID();
    }

    @Test
    void theTableListsEveryDependencyMostUrgentFirstAndSaysWhyARowHasNoDates() throws Exception {
        String trigger = trigger();
        postForm(command("radar", "U0ANYONE", "C0UPGRADES", trigger)).statusCode(200);
        JsonNode answer = JSON.readTree(SlackCalls.responseTo(trigger));
        assertEquals("ephemeral", answer.path("response_type").asText("ephemeral"));
        String text = SlackCalls.texts(answer.path("blocks").toString());

        List<String> order = List.of("Pyradar 3.11", "Noderadar 20", "Djradar 4.2", "downradar=2", "goneradar=1.0",
                "oldradar=9.9");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(text.indexOf(order.get(i - 1)) >= 0 && text.indexOf(order.get(i - 1)) < text.indexOf(order
                    .get(i)), order.get(i - 1) + " before " + order.get(i) + ":\n" + text);
        }
        assertTrue(text.contains("Support ends " + TODAY.plusDays(200) + " — *200 days left*"), text);
        assertTrue(text.contains("complete by *2030-04-22* (Willow)"), "the runbook's date rule: " + text);
        assertTrue(text.contains("upgrade to 3.13"), text);
        assertTrue(text.contains("Project: *Noderadar 22* (`/upgrade status noderadar-22-radar`)"), text);
        assertTrue(text.contains("300 days left"), text);
        assertTrue(text.contains("endoflife.date does not know the product `goneradar`"), text);
        assertTrue(text.contains("endoflife.date did not answer for this one"), text);
        assertTrue(text.contains("endoflife.date has no cycle `9.9` of oldradar"), text);
        String py = text.substring(text.indexOf("Pyradar 3.11"), text.indexOf("Noderadar 20"));
        assertTrue(py.contains("No upgrade project yet"), py);
    }

    /** The blocks of the first post to the radar channel (a project of another test may post elsewhere meanwhile). */
    static String firstRadarPostBlocks() {
        return SlackCalls.of("chat.postMessage").stream().filter(c -> CHANNEL.equals(c.get("channel"))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing posted to " + CHANNEL)).get("blocks");
    }

    List<SlackHistoryFake.Posted> radarPosts() {
        return SlackHistoryFake.posted().stream().filter(p -> CHANNEL.equals(p.channel())).toList();
    }

    void interrupted(String key, String deliveryKey, Instant postStartedAt, Instant attemptedAt) {
        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.update(
                "state = ?1, deliveryKey = ?2, postStartedAt = ?3, attemptedAt = ?4, postChannel = ?5, "
                        + "sentAt = null where alertKey = ?6",
                DeliveryState.SENDING, deliveryKey, postStartedAt, attemptedAt, CHANNEL, key));
    }

    DeliveryState state(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> RadarAlertEntity.<RadarAlertEntity>findById(key).state);
    }

    @Test
    void theScheduledPostSaysEachThingOnceAcrossRunsAndRestarts() {
        String key = "pyradar@3.11/P12M";
        PostRadarAlerts.Outcome first = alerts.run();
        assertEquals(List.of(key), first.posted(), "only what crosses the horizon with no project");
        assertEquals(1, radarPosts().size());
        String posted = SlackCalls.texts(firstRadarPostBlocks());
        assertTrue(posted.contains("Pyradar 3.11") && !posted.contains("Noderadar") && !posted.contains("Djradar"),
                posted);
        assertTrue(posted.contains("within 12 months"), posted);

        PostRadarAlerts.Outcome again = alerts.run();
        assertEquals(List.of(), again.posted());
        assertEquals(List.of(key), again.alreadyDone());
        assertEquals(1, radarPosts().size(), "the job ran twice: still one post");

        // a replica died after its post reached Slack, before recording it: the row still says SENDING
        String deliveryKey = radarPosts().get(0).metadata().path("event_payload").path("key").asText();
        assertFalse(deliveryKey.isBlank(), "the post carries its delivery key");
        interrupted(key, deliveryKey, now, now);
        assertEquals(List.of(), alerts.run().posted(), "within the lease the dead replica's claim stands");
        // past the sending lease (the attempt is older, not the clock later: Slack's pace is per channel and real)
        interrupted(key, deliveryKey, now, now.minus(Duration.ofMinutes(11)));
        PostRadarAlerts.Outcome recovered = alerts.run();
        assertEquals(List.of(), recovered.posted());
        assertEquals(List.of(key), recovered.alreadyDone(), "found in the channel's history");
        assertEquals(DeliveryState.SENT, state(key));
        assertEquals(1, radarPosts().size());

        // a replica died before its post reached Slack: the next run posts it, once
        interrupted(key, "never-posted-" + UUID.randomUUID(), now, now.minus(Duration.ofMinutes(11)));
        assertEquals(List.of(key), alerts.run().posted());
        assertEquals(List.of(), alerts.run().posted());
        assertEquals(2, radarPosts().size());
    }

    @Test
    void aPostSlackRefusedIsRetriedWithoutWaitingForTheNextQuarter() {
        assertTrue(alerts.retryUnfinished().isEmpty(), "nothing unfinished: nothing read, nothing posted");
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("""
                {"ok":false,"error":"not_in_channel"}""")));
        PostRadarAlerts.Outcome refused = alerts.run();
        assertEquals(List.of("pyradar@3.11/P12M"), refused.failed());
        assertEquals(DeliveryState.PENDING, state("pyradar@3.11/P12M"));

        Fakes.slackWebApiDefaults(); // the bot was invited
        assertEquals(List.of("pyradar@3.11/P12M"), alerts.retryUnfinished().orElseThrow().posted());
        assertEquals(1, radarPosts().size());
        assertTrue(alerts.retryUnfinished().isEmpty());
        assertEquals(List.of(), alerts.run().posted());
        assertEquals(1, radarPosts().size());

        // left PENDING by a refused post, then no longer due (its project was created): not retried for ever
        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.update(
                "state = ?1 where alertKey = ?2", DeliveryState.PENDING, "pyradar@3.11/P12M"));
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity p = new UpgradeProjectEntity();
            p.slug = "pyradar-by-hand-" + UUID.randomUUID().toString().substring(0, 6);
            p.name = "Pyradar by hand";
            p.roadmapRepo = "openedx/platform-roadmap";
            p.dependency = "pyradar";
            p.currentVersion = "3.11.9";
            p.state = ProjectState.ACTIVE;
            p.persist();
        });
        assertEquals(List.of(), alerts.retryUnfinished().orElseThrow().posted());
        assertEquals(DeliveryState.SKIPPED, state("pyradar@3.11/P12M"));
        assertTrue(alerts.retryUnfinished().isEmpty());
    }

    String buttonValue() throws Exception {
        alerts.run();
        JsonNode blocks = JSON.readTree(firstRadarPostBlocks());
        for (JsonNode b : blocks) {
            if (ActionIds.RADAR_NEW_PROJECT.id().equals(b.path("accessory").path("action_id").asText())) {
                return b.path("accessory").path("value").asText();
            }
        }
        throw new AssertionError("no Start a project button in " + blocks);
    }

    static String click(String value, String user, String trigger) throws Exception {
        String quoted = JSON.writeValueAsString(value);
        return interaction(blockActionPayload(ActionIds.RADAR_NEW_PROJECT.id(),
                quoted.substring(1, quoted.length() - 1), user, CHANNEL, trigger));
    }

    @Test
    void theButtonOpensTheNewProjectFormFilledInAtOnce() throws Exception {
        String value = buttonValue();
        assertTrue(value.length() <= 2000);

        postForm(click(value, ORCH, trigger())).statusCode(200);
        assertEquals(1, SlackCalls.count("views.open"), "the form opened before the ack");
        Map<String, String> open = SlackCalls.of("views.open").get(0);
        JsonNode view = JSON.readTree(open.get("view"));
        String texts = SlackCalls.texts(open.get("view"));
        assertEquals("ub.new_project", view.path("callback_id").asText());
        for (String filled : List.of("Pyradar 3.13", "pyradar", "3.11", "3.13", "2030-04-22", "Willow",
                "Pyradar 3.11 support ends " + TODAY.plusDays(200))) {
            assertTrue(texts.contains(filled), filled + " in\n" + texts);
        }
        assertTrue(view.toString().contains("\"initial_date\":\"2030-04-22\""), view.toString());
        assertTrue(view.path("private_metadata").asText().contains("2030-04-22"),
                "a submission that keeps the date needs no reason of its own");
    }

    @Test
    void someoneWhoIsNotAnOrchestratorIsToldWhyAndAForgedButtonIsStale() throws Exception {
        String value = buttonValue();
        String trigger = trigger();
        postForm(click(value, "U0SOMEONE", trigger)).statusCode(200);
        Eventually.await(DONE, "the refusal", () -> !Fakes.slack.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(
                        "/actions/T0001/1/" + trigger)))
                .isEmpty());
        assertEquals(0, SlackCalls.count("views.open"));
        String refusal = Fakes.slack.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo("/actions/T0001/1/" + trigger))).get(0).getBodyAsString();
        assertTrue(refusal.contains("Only orchestrators"), refusal);

        String forged = trigger();
        postForm(click("{\"x\":1}", ORCH, forged)).statusCode(200);
        Eventually.await(DONE, "the stale answer", () -> Fakes.slack.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(
                        "/actions/T0001/1/" + forged)))
                .stream()
                .anyMatch(r -> r.getBodyAsString().contains("no longer valid")));
        assertEquals(0, SlackCalls.count("views.open"));
    }

    @Test
    void fromTheRadarToAnActiveProjectThatTheRadarThenKnows() throws Exception {
        GitHubFake github = GitHubFake.install();
        github.addMaintenanceBoard();
        String value = buttonValue();
        postForm(click(value, ORCH, trigger())).statusCode(200);
        JsonNode view = JSON.readTree(SlackCalls.of("views.open").get(0).get("view"));

        // the person adds what the radar cannot know (repositories, team) and keeps the suggested date
        NewProjectForm form = new NewProjectForm().name("Pyradar 3.13").repos("openedx/radar-a");
        form.product = "pyradar";
        form.current = "3.11";
        form.target = "3.13";
        form.date = LocalDate.parse("2030-04-22");
        form.release = "Willow";
        form.reason = null;
        form.metadata = view.path("private_metadata").asText();
        // creating the project runs the write queue, which paces itself by the clock: a stopped clock would hold it
        // (behind a write interval an earlier test left ahead of the stopped time) for good
        clock.useSystemClock();
        postForm(interaction(form.payload())).statusCode(200);
        Eventually.await(DONE, "the project is active", () -> QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.findBySlug("pyradar-3-13")
                        .map(p -> p.state == ProjectState.ACTIVE).orElse(false)));
        List<JsonNode> roadmap = github.issues("openedx/platform-roadmap").stream()
                .filter(i -> i.path("title").asText().contains("Pyradar 3.13")).toList();
        assertEquals(1, roadmap.size(), "one roadmap issue");
        assertTrue(roadmap.get(0).path("body").asText().contains("Pyradar 3.11 support ends " + TODAY.plusDays(200)),
                "the date's reason from the radar is on GitHub");

        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.deleteAll());
        assertEquals(List.of(), alerts.run().posted(), "a project exists: nothing to say");
        String trigger = trigger();
        postForm(command("radar", "U0ANYONE", "C0UPGRADES", trigger)).statusCode(200);
        String table = SlackCalls.texts(JSON.readTree(SlackCalls.responseTo(trigger)).path("blocks").toString());
        assertTrue(table.contains("Project: *Pyradar 3.13* (`/upgrade status pyradar-3-13`)"), table);
    }
}
