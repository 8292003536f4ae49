package io.upgradebot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.upgradebot.support.ScheduleSeeds.postsTo;
import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.MessageState;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.slack.api.CachedSlackDirectory;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.BlockKitLimits;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.ScheduleSeeds;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade announce} and {@code /upgrade schedule} end to end: signed slash commands, view_submission and
 * block_actions payloads shaped like Slack's, the modal and its preview, what reaches the Slack fake.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class AnnounceFlowTest {

    static final String ORCHESTRATOR = "U0ORCH";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicLong CLICKS = new AtomicLong(1700000100);
    /** Longer than the orchestrator gate's budget before the ack (800 ms). */
    static final int SLOW_LOOKUP_MILLIS = 1500;

    @Inject
    MessageTriggers triggers;
    @Inject
    CachedSlackDirectory directory;
    @Inject
    UpgradeBotConfig config;

    UpgradeProjectEntity p;
    String channel;

    @BeforeEach
    void setUp() {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        ScheduleSeeds.slackUser(ORCHESTRATOR, "Europe/Berlin");
        directory.clear(); // other test classes answered users.info for the same orchestrator with their own zone
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(
                okJson("""
                        {"ok":true,"view":{"id":"V0OPENED","type":"modal","callback_id":"ub.announce_compose","hash":"1.a"}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/views.update")).willReturn(
                okJson("""
                        {"ok":true,"view":{"id":"V0OPENED","type":"modal","callback_id":"ub.announce_compose","hash":"1.b"}}""")));
        Fakes.slack.stubFor(post(urlPathMatching("/(commands|actions)/.*")).willReturn(ok("")));
        channel = "C0ANN" + Long.toString(System.nanoTime(), 36).toUpperCase();
        p = project("Django 5.2 announce " + System.nanoTime(), channel, "1767000000.000100",
                LocalDate.now().plusDays(90), ORCHESTRATOR);
    }

    @AfterEach
    void tearDown() {
        directory.clear(); // and leave no Berlin answer behind for the next class
        QuarkusTransaction.requiringNew()
                .call(() -> ScheduledMessageEntity.<ScheduledMessageEntity>list("projectId", p.id))
                .forEach(m -> triggers.unschedule(m.id));
    }

    // --- Slack-shaped requests ------------------------------------------------------------------------------

    static String trigger() {
        return "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    String command(String text, String user) {
        return SlackSigner.postForm(SlackSigner.command(text, user, channel, trigger())).statusCode(200).extract()
                .asString();
    }

    /** The view Slack would send back on submit: ours, with what the person typed in {@code values}. */
    static String viewSubmission(String user, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putObject("user").put("id", user).put("username", "user-" + user).put("name", "user-" + user).put("team_id",
                "T0001");
        p.put("api_app_id", "A0UPGRADE");
        p.put("token", "legacy-verification-token");
        p.put("trigger_id", trigger());
        ObjectNode view = p.putObject("view");
        view.put("id", "V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        view.put("team_id", "T0001");
        view.put("type", "modal");
        view.putArray("blocks");
        view.put("private_metadata", privateMetadata);
        view.put("callback_id", callbackId);
        view.putObject("state").set("values", values);
        view.put("hash", "1700000000." + UUID.randomUUID().toString().substring(0, 8));
        view.putObject("title").put("type", "plain_text").put("text", "Announce");
        view.put("root_view_id", view.get("id").asText());
        view.put("app_id", "A0UPGRADE");
        view.put("bot_id", "B0BOT");
        p.putArray("response_urls");
        p.put("is_enterprise_install", false);
        return p.toString();
    }

    static String blockAction(String user, String actionId, String value, String channelId) {
        return """
                {"type":"block_actions","user":{"id":"%s","username":"u","name":"u","team_id":"T0001"},"api_app_id":"A0UPGRADE",
                 "token":"legacy-verification-token","container":{"type":"message","message_ts":"1700000000.000100",
                 "channel_id":"%s","is_ephemeral":true},"trigger_id":"%s","team":{"id":"T0001","domain":"acme"},
                 "enterprise":null,"is_enterprise_install":false,"channel":{"id":"%s","name":"upgrades"},"state":{"values":{}},
                 "response_url":"%s/actions/T0001/1/%s",
                 "actions":[{"action_id":"%s","block_id":"schedule-x","text":{"type":"plain_text","text":"Go","emoji":true},
                  "value":"%s","type":"button","action_ts":"%d.000200"}]}"""
                .formatted(user, channelId, trigger(), channelId, Fakes.slack.baseUrl(), UUID.randomUUID(), actionId,
                        value,
                        CLICKS.incrementAndGet());
    }

    static JsonNode interact(String payload) throws Exception {
        String body = SlackSigner.postForm(SlackSigner.interaction(payload)).statusCode(200).extract().asString();
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    static ObjectNode form(String text, String target, String when, LocalDate date, LocalTime time, List<String> days,
            String cron) {
        ObjectNode v = JSON.createObjectNode();
        v.putObject("msg").putObject("msg").put("type", "plain_text_input").put("value", text);
        v.putObject("target").putObject("target").put("type", "radio_buttons").putObject("selected_option")
                .put("value", target).putObject("text").put("type", "plain_text").put("text", target);
        v.putObject("when").putObject("when").put("type", "radio_buttons").putObject("selected_option")
                .put("value", when).putObject("text").put("type", "plain_text").put("text", when);
        ObjectNode d = v.putObject("date").putObject("date").put("type", "datepicker");
        d.put("selected_date", date == null ? null : date.toString());
        ObjectNode t = v.putObject("time").putObject("time").put("type", "timepicker");
        t.put("selected_time", time == null ? null : time.toString());
        ArrayNode selected = v.putObject("days").putObject("days").put("type", "checkboxes")
                .putArray("selected_options");
        days.forEach(
                x -> selected.addObject().put("value", x).putObject("text").put("type", "plain_text").put("text", x));
        v.putObject("cron").putObject("cron").put("type", "plain_text_input").put("value", cron);
        return v;
    }

    /** The last view the bot put up (views.open, then views.update fills it) whose JSON contains {@code marker}. */
    static JsonNode shownView(String marker) throws Exception {
        String[] json = new String[1];
        Eventually.await(Duration.ofSeconds(10), "a modal showing " + marker, () -> {
            List<LoggedRequest> shown = new java.util.ArrayList<>(
                    Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))));
            shown.addAll(Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))));
            shown.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
            for (int i = shown.size() - 1; i >= 0; i--) {
                String view = field(shown.get(i), "view");
                if (view.contains(marker)) {
                    json[0] = view;
                    return true;
                }
            }
            return false;
        });
        BlockKitLimits.assertModalJson(json[0]);
        return JSON.readTree(json[0]);
    }

    /** Opens the modal with the command and answers its private_metadata (as views.update filled it in). */
    String openModal() throws Exception {
        int before = Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))).size();
        command("announce " + p.slug, ORCHESTRATOR);
        assertEquals(1, Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))).size(),
                "a modal opened at once with the trigger_id");
        Eventually.await(Duration.ofSeconds(10), "the form filled in",
                () -> Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))).size() > before);
        JsonNode view = shownView("\"block_id\":\"msg\"");
        assertEquals("ub.announce_compose", view.path("callback_id").asText());
        assertTrue(view.toString().contains(p.name));
        return view.path("private_metadata").asText();
    }

    static String field(LoggedRequest r, String name) {
        for (String pair : r.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("no " + name + " in " + r.getBodyAsString());
        }
        return json.get(name).isTextual() ? json.get(name).asText() : json.get(name).toString();
    }

    List<ScheduledMessageEntity> messages() {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.<ScheduledMessageEntity>list(
                "projectId = ?1 and state <> ?2 order by id", p.id, MessageState.DRAFT));
    }

    /** Compose, preview, confirm: answers the preview's response. */
    JsonNode schedule(ObjectNode values) throws Exception {
        String meta = openModal();
        JsonNode pushed = interact(viewSubmission(ORCHESTRATOR, "ub.announce_compose", meta, values));
        assertEquals("push", pushed.path("response_action").asText(), pushed.toString());
        JsonNode preview = pushed.path("view");
        JsonNode cleared = interact(
                viewSubmission(ORCHESTRATOR, "ub.announce_preview", preview.path("private_metadata").asText(),
                        JSON.createObjectNode()));
        assertEquals("clear", cleared.path("response_action").asText());
        return preview;
    }

    // --- the tests ------------------------------------------------------------------------------------------

    @Test
    void onlyOrchestratorsMayAnnounce() {
        String answer = command("announce " + p.slug, "U0NOBODY");

        assertTrue(answer.contains("Only orchestrators"), answer);
        Fakes.slack.verify(0, postRequestedFor(urlPathEqualTo("/api/views.open")));
    }

    @Test
    void anUnknownProjectIsNamedBack() throws Exception {
        command("announce no-such-project", ORCHESTRATOR);
        assertTrue(shownView("no-such-project").toString().contains("There is no project"));
    }

    @Test
    void fieldErrorsAreShownOnTheFieldBeforeAnythingIsStored() throws Exception {
        String meta = openModal();

        JsonNode weekly = interact(viewSubmission(ORCHESTRATOR, "ub.announce_compose", meta,
                form("Weekly sync", "CHANNEL", "weekly", null, null, List.of(), null)));
        assertEquals("errors", weekly.path("response_action").asText());
        assertTrue(weekly.path("errors").has("days") && weekly.path("errors").has("time"), weekly.toString());

        JsonNode cron = interact(viewSubmission(ORCHESTRATOR, "ub.announce_compose", meta,
                form("Flood", "CHANNEL", "cron", null, null, List.of(), "* * * * *")));
        assertTrue(cron.path("errors").path("cron").asText().contains("more often than every hour"), cron.toString());

        JsonNode past = interact(viewSubmission(ORCHESTRATOR, "ub.announce_compose", meta,
                form("Too late", "CHANNEL", "at", LocalDate.now().minusDays(1), LocalTime.of(9, 0), List.of(), null)));
        assertTrue(past.path("errors").path("date").asText().contains("in the past"), past.toString());

        assertTrue(messages().isEmpty());
    }

    @Test
    void aDatedAnnouncementIsScheduledInTheAuthorsTimeZoneOnceEvenWhenConfirmedTwice() throws Exception {
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        String meta = openModal();
        JsonNode pushed = interact(viewSubmission(ORCHESTRATOR, "ub.announce_compose", meta,
                form("The *Django 5.2* upgrade starts next week.", "THREAD", "at", day, LocalTime.of(9, 30), List.of(),
                        null)));
        JsonNode preview = pushed.path("view");
        assertEquals("ub.announce_preview", preview.path("callback_id").asText());
        BlockKitLimits.assertModalJson(preview.toString());
        String shown = preview.toString();
        assertTrue(shown.contains("The *Django 5.2* upgrade starts next week.") && shown.contains("Europe/Berlin")
                && shown.contains("status message's thread"), shown);
        assertEquals("Schedule", preview.path("submit").path("text").asText());

        String previewMeta = preview.path("private_metadata").asText();
        interact(viewSubmission(ORCHESTRATOR, "ub.announce_preview", previewMeta, JSON.createObjectNode()));
        interact(viewSubmission(ORCHESTRATOR, "ub.announce_preview", previewMeta, JSON.createObjectNode()));

        List<ScheduledMessageEntity> scheduled = messages();
        assertEquals(1, scheduled.size());
        ScheduledMessageEntity m = scheduled.get(0);
        assertEquals(MessageState.ACTIVE, m.state);
        assertEquals("THREAD", m.target);
        assertEquals(ZonedDateTime.of(day, LocalTime.of(9, 30), BERLIN).toInstant(), m.runAt);
        assertEquals(Optional.of(m.runAt), triggers.nextFireTime(m.id));
        Eventually.await(Duration.ofSeconds(10), "the author is told when it goes out",
                () -> !Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postEphemeral"))
                        .withRequestBody(containing("scheduled"))).isEmpty());
        assertEquals(0, postsTo(channel).size(), "nothing posted yet");
    }

    @Test
    void nowPostsOnceThroughTheScheduler() throws Exception {
        JsonNode preview = schedule(
                form("Kick-off: please read the instructions.", "CHANNEL", "now", null, null, List.of(), null));
        assertEquals("Post now", preview.path("submit").path("text").asText());

        Eventually.await(Duration.ofSeconds(15), "the announcement posted", () -> postsTo(channel).size() == 1);
        Eventually.await(Duration.ofSeconds(5), "its message is done",
                () -> messages().get(0).state == MessageState.DONE);
        assertTrue(postsTo(channel).get(0).get("blocks").contains("Kick-off"));
    }

    @Test
    void theScheduleListsItAndItsButtonsSendCancelAndEdit() throws Exception {
        schedule(form("Weekly office hours in #upgrade-help", "CHANNEL", "weekly", null, LocalTime.of(15, 0),
                List.of("TUESDAY", "THURSDAY"), null));
        ScheduledMessageEntity weekly = messages().get(0);
        assertEquals("0 0 15 ? * TUE,THU", weekly.cron);

        command("schedule " + p.slug, ORCHESTRATOR);
        // found by its content: an earlier test's late answer may reach a response_url too
        String mine = "ub.schedule_send_now:" + weekly.id;
        Eventually.await(Duration.ofSeconds(10), "the list arrives at the response_url",
                () -> Fakes.slack.findAll(postRequestedFor(urlPathMatching("/commands/.*"))).stream()
                        .anyMatch(r -> r.getBodyAsString().contains(mine)));
        String list = Fakes.slack.findAll(postRequestedFor(urlPathMatching("/commands/.*"))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains(mine)).findFirst().orElseThrow();
        assertTrue(list.contains("Every Tue, Thu at 15:00 (Europe/Berlin)")
                && list.contains("ub.schedule_send_now:" + weekly.id), list);
        BlockKitLimits.assertMessageJson(JSON.readTree(list).path("blocks").toString());
        JsonNode sendNow = findButton(JSON.readTree(list), "ub.schedule_send_now:" + weekly.id);

        // a double click: two clicks (two trigger ids) on the same rendered button post once
        interact(
                blockAction(ORCHESTRATOR, sendNow.path("action_id").asText(), sendNow.path("value").asText(), channel));
        interact(
                blockAction(ORCHESTRATOR, sendNow.path("action_id").asText(), sendNow.path("value").asText(), channel));
        Eventually.await(Duration.ofSeconds(15), "sent now", () -> postsTo(channel).size() == 1);

        interact(blockAction("U0NOBODY", "ub.schedule_cancel:" + weekly.id, String.valueOf(weekly.id), channel));
        Eventually.await(Duration.ofSeconds(10), "the refusal",
                () -> Fakes.slack.findAll(postRequestedFor(urlPathMatching("/actions/.*")))
                        .stream().anyMatch(r -> r.getBodyAsString().contains("Only orchestrators")));
        assertEquals(MessageState.ACTIVE, messages().get(0).state, "only orchestrators may cancel");

        interact(blockAction(ORCHESTRATOR, "ub.schedule_edit:" + weekly.id, String.valueOf(weekly.id), channel));
        JsonNode edit = shownView("Weekly office hours");
        assertTrue(edit.path("private_metadata").asText().contains("\"editOf\":" + weekly.id), edit.toString());

        interact(blockAction(ORCHESTRATOR, "ub.schedule_cancel:" + weekly.id, String.valueOf(weekly.id), channel));
        Eventually.await(Duration.ofSeconds(10), "cancelled", () -> messages().get(0).state == MessageState.CANCELLED);
        assertEquals(Optional.empty(), triggers.nextFireTime(weekly.id));
        assertEquals(1, postsTo(channel).size());
    }

    /**
     * A member of the orchestrator user group whose membership Slack answers slower than the gate's budget before the
     * ack: the compose step shows the preview (no refusal), the confirm step closes the modal and schedules after the
     * ack, as every other gated handler does.
     */
    @Test
    void aSlowUserGroupLookupDoesNotRefuseTheAnnouncement() throws Exception {
        String group = "S0SLOW" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String member = "U0GROUPIE";
        ScheduleSeeds.slackUser(member, "Europe/Berlin");
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/usergroups.users.list"))
                .withRequestBody(containing("usergroup=" + group))
                .willReturn(okJson("{\"ok\":true,\"users\":[\"" + member + "\"]}").withFixedDelay(SLOW_LOOKUP_MILLIS)));
        UpgradeBotConfig withGroup = (UpgradeBotConfig) Proxy.newProxyInstance(UpgradeBotConfig.class.getClassLoader(),
                new Class<?>[]{UpgradeBotConfig.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "orchestrators" -> Optional.of(List.of(ORCHESTRATOR));
                    case "orchestratorGroup" -> Optional.of(group);
                    default -> m.invoke(config, args);
                });
        QuarkusMock.installMockForType(new Orchestrators(withGroup, directory), Orchestrators.class);
        String meta = openModal();

        JsonNode pushed = interact(viewSubmission(member, "ub.announce_compose", meta,
                form("Office hours moved to Thursday.", "CHANNEL", "at", LocalDate.now(BERLIN).plusDays(3),
                        LocalTime.of(10, 0),
                        List.of(), null)));
        assertEquals("push", pushed.path("response_action").asText(), "the preview, not a refusal: " + pushed);

        directory.clear(); // the confirm step has to wait for Slack again
        JsonNode cleared = interact(viewSubmission(member, "ub.announce_preview",
                pushed.path("view").path("private_metadata").asText(), JSON.createObjectNode()));
        assertEquals("clear", cleared.path("response_action").asText(), cleared.toString());
        Eventually.await(Duration.ofSeconds(10), "scheduled after the ack",
                () -> messages().size() == 1 && messages().get(0).state == MessageState.ACTIVE);
        Eventually.await(Duration.ofSeconds(10), "the author is told it is scheduled",
                () -> !Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postEphemeral"))
                        .withRequestBody(containing("scheduled"))).isEmpty());
        assertTrue(Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postEphemeral")))
                .stream().noneMatch(r -> r.getBodyAsString().contains("Only+orchestrators")
                        || r.getBodyAsString().contains("Only orchestrators")),
                "no refusal");
    }

    static JsonNode findButton(JsonNode message, String actionId) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode e : block.path("elements")) {
                if (actionId.equals(e.path("action_id").asText())) {
                    return e;
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + message);
    }
}
