package io.upgradebot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static io.upgradebot.support.SlackSigner.blockActionPayload;
import static io.upgradebot.support.SlackSigner.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the bot does not expect, signed correctly (so it passes every signature check and reaches the handlers):
 * stale or forged buttons, unknown ids, payload types the bot does not handle, odd GitHub deliveries. Each one gets a
 * 2xx or 4xx, changes nothing (no row, no GitHub write, no channel post) and leaves no stack trace in the log; a
 * person who clicked a button that is no longer valid is told so under the message.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_PROJECT = "987654321";
    private static final String ORCHESTRATOR = "U0ORCH";
    /** Rows that any handler could add or change; processed_request is left out (request ids are recorded). */
    private static final List<String> TABLES = List.of("upgrade_project", "project_repo", "owner_does_choice",
            "scheduled_message", "scheduled_delivery", "nudge_log", "github_write", "github_content_write",
            "qrtz_triggers");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AfterAckExecutor afterAck;
    @Inject
    GitHubDeliveries deliveries;
    @Inject
    StatusMessages statusMessages;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            // the Socket Mode client of an earlier test may still be reconnecting to the fake in the background;
            // its lines have nothing to do with the request under test
            if (r.getLoggerName() == null || !r.getLoggerName().startsWith("com.slack.api.socket_mode")) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        // a status message an earlier test class's project still had scheduled goes out before the count starts
        quiet();
        Fakes.reset();
        Fakes.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/actions/.*"))
                .willReturn(okJson("{\"ok\":true}")));
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** One input: how to send it, the status it must get, and whether a person is told the button is stale. */
    record Input(String name, Function<String, ExtractableResponse<Response>> send, int status, boolean notice) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> inputs() {
        List<Input> in = new ArrayList<>();
        // buttons whose value is not what their handler reads
        for (String action : List.of("ub.schedule_send_now", "ub.schedule_cancel", "ub.schedule_edit",
                "ub.preview_create", "ub.owner_does_open", "ub.project_retry_failed", "ub.repos_add_confirm")) {
            in.add(click(action + " with value abc", action, "abc", true));
        }
        in.add(click("ub.owner_does_page with value abc", "ub.owner_does_page", "abc", true));
        in.add(click("ub.owner_does_pick with a suffix that is no id", "ub.owner_does_pick:abc", "x", true));
        // buttons of a project (or scheduled message) that does not exist
        for (String action : List.of("ub.schedule_send_now", "ub.schedule_cancel", "ub.schedule_edit",
                "ub.preview_create", "ub.owner_does_open", "ub.project_retry_failed")) {
            in.add(click(action + " of a project that does not exist", action, NO_PROJECT, true));
        }
        // action ids the bot does not (or no longer) render
        in.add(click("an unknown ub. action id", "ub.no_such_button", "1", true));
        in.add(click("an action id of no kind the bot knows", "someone.elses:button", "1", true));
        in.add(slack("a block_actions without actions", t -> {
            ObjectNode p = action(t, "ub.schedule_send_now", "1");
            p.putArray("actions");
            return p;
        }, 200, false));
        // modals: unknown callback ids and private_metadata that is not ours
        in.add(slack("a view_submission of an unknown modal", t -> submission(t, "ub.no_such_modal", "{}"), 200,
                false));
        for (String callback : List.of("ub.announce_compose", "ub.announce_preview", "ub.new_project_confirm",
                "ub.owner_does_choices", "ub.new_project")) {
            in.add(slack("a view_submission of " + callback + " with foreign metadata",
                    t -> submission(t, callback, "not ours"), 200, false));
        }
        Map<String, String> ofNoProject = Map.of(
                "ub.announce_compose", "{\"projectId\":" + NO_PROJECT + ",\"channelId\":\"C0UPGRADES\"}",
                "ub.announce_preview", "{\"draftId\":" + NO_PROJECT + ",\"projectId\":" + NO_PROJECT
                        + ",\"channelId\":\"C0UPGRADES\"}",
                "ub.new_project_confirm", "{\"p\":" + NO_PROJECT + "}",
                "ub.owner_does_choices", "{\"p\":" + NO_PROJECT + ",\"pg\":0,\"q\":\"\"}");
        ofNoProject.forEach((callback, metadata) -> in.add(slack("a view_submission of " + callback
                + " of a project that does not exist", t -> submission(t, callback, metadata), 200, false)));
        // payload types the bot has no handler for (in a block_actions shape: what Bolt cannot read at all is a 400)
        for (String type : List.of("shortcut", "message_action", "block_suggestion", "view_closed",
                "interactive_message", "dialog_submission", "dialog_cancellation", "workflow_step_edit",
                "no_such_type")) {
            in.add(slack("a payload of type " + type, t -> {
                ObjectNode p = action(t, "ub.noop", "1");
                p.put("type", type).put("callback_id", "ub.no_such_shortcut");
                return p;
            }, type.equals("no_such_type") || type.startsWith("dialog_") || type.equals("view_closed") ? 400 : 200,
                    false));
        }
        in.add(new Input("an Events API event the bot does not subscribe to", t -> SlackSigner.postJson(
                SlackSigner.eventCallback("Ev" + t, "{\"type\":\"app_mention\",\"user\":\"U0ALICE\",\"text\":\"hi\","
                        + "\"channel\":\"C0UPGRADES\",\"ts\":\"1700000000.000100\",\"event_ts\":\"1700000000.000100\"}"))
                .extract(), 200, false));
        // slash commands without a field Slack always sends: refused at the door, nothing is run after an ack
        for (String field : List.of("response_url", "trigger_id", "user_id")) {
            in.add(new Input("/upgrade status without " + field, t -> SlackSigner.post(ContentType.URLENC,
                    without(SlackSigner.command("status no-such-project", ORCHESTRATOR, "C0UPGRADES", t), field),
                    Map.of()).extract(), 400, false));
        }
        // GitHub deliveries
        byte[] ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
        in.add(delivery("an absurdly long X-GitHub-Delivery", "ping", t -> t + "-" + "d".repeat(2000), ping, 400));
        in.add(delivery("an X-GitHub-Delivery longer than the column", "issues", t -> t + "-" + "d".repeat(300),
                "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8), 202));
        in.add(delivery("an event the bot does not handle", "star", t -> t,
                "{\"action\":\"created\",\"repository\":{\"full_name\":\"openedx/nope\"}}"
                        .getBytes(StandardCharsets.UTF_8),
                202));
        in.add(delivery("a projects_v2_item edit of an unknown item", "projects_v2_item", t -> t,
                ("{\"action\":\"edited\",\"projects_v2_item\":{\"node_id\":\"PVTI_nope\",\"content_node_id\":\"I_nope\"},"
                        + "\"changes\":{\"field_value\":{\"field_node_id\":\"PVTF_nope\",\"field_type\":\"single_select\"}},"
                        + "\"sender\":{\"login\":\"jane\",\"type\":\"User\"}}").getBytes(StandardCharsets.UTF_8),
                202));
        in.add(delivery("a JSON array", "issues", t -> t, "[1,2]".getBytes(StandardCharsets.UTF_8), 400));
        in.add(delivery("a body that is not JSON", "issues", t -> t, "{nope".getBytes(StandardCharsets.UTF_8), 400));
        return in.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void badInputGetsA2xxOr4xxChangesNothingAndLogsNoStackTrace(Input input) throws Exception {
        Map<String, Long> rows = rows();
        String trigger = "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        ExtractableResponse<Response> answer = input.send().apply(trigger);

        assertEquals(input.status(), answer.statusCode(), input.name() + ": " + answer.asString());
        assertFalse(answer.asString().contains("Exception") || answer.asString().contains("\tat "), answer.asString());
        if (input.notice()) {
            Eventually.await(Duration.ofSeconds(10), "the stale-button notice under the message", () -> Fakes.slack
                    .findAll(postRequestedFor(urlPathEqualTo("/actions/T0001/1/" + trigger))).stream()
                    .anyMatch(r -> r.getBodyAsString().contains("This button is no longer valid")));
        }
        quiet();
        assertEquals(rows, rows(), "no row added or removed");
        assertEquals(List.of(), Fakes.github.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getMethod().getName().equals("GET"))
                .filter(e -> !e.getRequest().getUrl().startsWith("/graphql")
                        || e.getRequest().getBodyAsString().contains("mutation"))
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList(), "no GitHub write");
        assertEquals(0, Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size(),
                "nothing posted to a channel");
        List<String> traces = logged.stream().filter(r -> r.getThrown() != null || String.valueOf(r.getMessage())
                .contains("\tat ")).map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList();
        assertEquals(List.of(), traces, "no stack trace in the log");
        assertTrue(logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                && r.getLoggerName().startsWith("io.upgradebot")).findAny().isEmpty(), "no ERROR from the bot");
    }

    @Test
    void aButtonOfARealProjectClickedWithoutAResponseUrlIsAnsweredWithoutAStackTrace() {
        long projectId = OwnerDoesFixtures
                .seed(OwnerDoesFixtures.freshFakes(), Map.of("openedx/probe-no-response-url", "team-probe"))
                .projectId();
        String trigger = "13345224609." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // as if clicked in a modal: Slack sends no response_url there
        ObjectNode p = action(trigger, "ub.project_retry_failed", String.valueOf(projectId));
        p.remove("response_url");
        p.putObject("container").put("type", "view").put("view_id", "V0PROBE");

        ExtractableResponse<Response> answer = SlackSigner
                .post(ContentType.URLENC, interaction(p.toString()), Map.of()).extract();

        assertEquals(200, answer.statusCode(), answer.asString());
        quiet();
        List<String> traces = logged.stream().filter(r -> r.getThrown() != null || String.valueOf(r.getMessage())
                .contains("\tat ")).map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList();
        assertEquals(List.of(), traces, "no stack trace in the log");
        assertTrue(logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                && r.getLoggerName().startsWith("io.upgradebot")).findAny().isEmpty(), "no ERROR from the bot");
    }

    /** Whatever the request handed to AfterAck or to the delivery observers has finished. */
    private void quiet() {
        CompletableFuture<Void> later = new CompletableFuture<>();
        afterAck.run(() -> later.complete(null));
        later.join();
        Eventually.await(Duration.ofSeconds(10), "idle AfterAck pool, deliveries and status message edits",
                () -> afterAck.inFlight() == 0 && deliveries.inFlight() == 0 && statusMessages.inFlight() == 0);
    }

    private Map<String, Long> rows() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }

    // --- inputs ----------------------------------------------------------------------------------------------------

    private static Input click(String name, String actionId, String value, boolean notice) {
        return slack(name, t -> action(t, actionId, value), 200, notice);
    }

    private static Input slack(String name, Function<String, ObjectNode> payload, int status, boolean notice) {
        return new Input(name, t -> SlackSigner.post(ContentType.URLENC, interaction(payload.apply(t).toString()),
                Map.of()).extract(), status, notice);
    }

    private static ObjectNode action(String trigger, String actionId, String value) {
        try {
            return (ObjectNode) JSON.readTree(blockActionPayload(actionId, value, ORCHESTRATOR, "C0UPGRADES", trigger));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode submission(String trigger, String callbackId, String privateMetadata) {
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission").put("token", "legacy-verification-token")
                .put("trigger_id", trigger).put("api_app_id", "A0UPGRADE").put("is_enterprise_install", false);
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putObject("user").put("id", ORCHESTRATOR).put("username", "orch").put("name", "orch").put("team_id", "T0001");
        ObjectNode v = p.putObject("view");
        v.put("id", "V" + trigger.substring(12)).put("team_id", "T0001").put("type", "modal")
                .put("callback_id", callbackId).put("private_metadata", privateMetadata).put("hash", "1700000001.abc")
                .put("app_id", "A0UPGRADE").put("bot_id", "B0BOT");
        v.putObject("title").put("type", "plain_text").put("text", "Upgrade");
        v.putArray("blocks");
        v.putObject("state").putObject("values");
        p.putArray("response_urls");
        p.putNull("enterprise");
        return p;
    }

    /** A form body without the field {@code name}. */
    private static String without(String form, String name) {
        return Stream.of(form.split("&")).filter(f -> !f.startsWith(name + "=")).collect(Collectors.joining("&"));
    }

    private static Input delivery(String name, String event, Function<String, String> deliveryId, byte[] body,
            int status) {
        return new Input(name, t -> given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId.apply(t)).header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-Hub-Signature-256", GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, body))
                .body(body).post("/github/webhook").then().extract(), status, false);
    }
}
