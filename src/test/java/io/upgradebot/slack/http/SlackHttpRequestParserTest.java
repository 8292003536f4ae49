package io.upgradebot.slack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The slash-command shortcut builds exactly what Bolt's SlackRequestParser builds, and leaves everything else to it. */
class SlackHttpRequestParserTest {

    static final AppConfig CONFIG = AppConfig.builder()
            .signingSecret("secret").singleTeamBotToken("xoxb-test").appInitializersEnabled(false).build();
    static final SlackRequestParser BOLT = new SlackRequestParser(CONFIG);
    static final SlackHttpRequestParser OURS = new SlackHttpRequestParser(CONFIG);
    static final Gson GSON = new Gson();

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A slash command as Slack sends it (fields from api.slack.com "Implementing slash commands"). */
    static Map<String, String> command(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        f.put("team_id", "T0001");
        f.put("team_domain", "example");
        f.put("enterprise_id", "E0001");
        f.put("enterprise_name", "Globular Construct Inc");
        f.put("channel_id", "C2147483705");
        f.put("channel_name", "test");
        f.put("user_id", "U2147483697");
        f.put("user_name", "Steve");
        f.put("command", "/upgrade");
        f.put("text", text);
        f.put("api_app_id", "A123456");
        f.put("is_enterprise_install", "false");
        f.put("response_url", "https://hooks.slack.com/commands/1234/5678");
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return f;
    }

    static SlackRequestParser.HttpRequest http(String body, Map<String, List<String>> headers) {
        Map<String, List<String>> query = new HashMap<>();
        query.put("from", List.of("test"));
        return SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events")
                .headers(new RequestHeaders(new HashMap<>(headers)))
                .queryString(query)
                .requestBody(body)
                .remoteAddress("10.1.2.3")
                .build();
    }

    static void assertSameRequest(String body, Map<String, List<String>> headers) {
        Request<?> bolt = BOLT.parse(http(body, headers));
        Request<?> ours = OURS.parse(http(body, headers));
        assertNotNull(bolt);
        assertEquals(bolt.getClass(), ours.getClass());
        assertEquals(bolt.getRequestType(), ours.getRequestType());
        assertEquals(bolt.getRequestBodyAsString(), ours.getRequestBodyAsString());
        assertEquals(bolt.isSocketMode(), ours.isSocketMode());
        assertEquals(bolt.getClientIpAddress(), ours.getClientIpAddress());
        assertEquals(bolt.getQueryString(), ours.getQueryString());
        assertEquals(bolt.getResponseUrl(), ours.getResponseUrl());
        assertEquals(bolt.getHeaders().getNames(), ours.getHeaders().getNames());
        if (bolt instanceof SlashCommandRequest b) {
            SlashCommandRequest o = (SlashCommandRequest) ours;
            assertEquals(GSON.toJson(b.getPayload()), GSON.toJson(o.getPayload()));
            SlashCommandContext bc = b.getContext();
            SlashCommandContext oc = o.getContext();
            assertEquals(bc.getTriggerId(), oc.getTriggerId());
            assertEquals(bc.getChannelId(), oc.getChannelId());
            assertEquals(bc.getResponseUrl(), oc.getResponseUrl());
            assertEquals(bc.getTeamId(), oc.getTeamId());
            assertEquals(bc.getEnterpriseId(), oc.getEnterpriseId());
            assertEquals(bc.isEnterpriseInstall(), oc.isEnterpriseInstall());
            assertEquals(bc.getRequestUserId(), oc.getRequestUserId());
            assertEquals(bc.getBotToken(), oc.getBotToken());
            assertEquals(bc.getFunctionBotAccessToken(), oc.getFunctionBotAccessToken());
            assertEquals(bc.getAdditionalValues(), oc.getAdditionalValues());
            assertEquals(bc.getSlack(), oc.getSlack());
        }
    }

    @Test
    void slashCommandsComeOutAsBoltBuildsThem() {
        Map<String, List<String>> plain = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));
        Map<String, List<String>> proxied = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                "X-Forwarded-For", List.of("203.0.113.7"));
        for (String text : List.of("", "help", "status django-5-2", "repos django-5-2 add openedx/a openedx/b -- why?",
                "Grüße, 世界 & <@U123|bob> = 100% +1\nsecond line", "  spaced   out  ")) {
            String body = form(command(text));
            assertTrue(SlackHttpRequestParser.plainSlashCommand(body), body);
            assertSameRequest(body, plain);
            assertSameRequest(body, proxied);
        }
    }

    @Test
    void oddFieldsComeOutAsBoltParsesThem() {
        Map<String, List<String>> plain = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));
        String base = form(command("help"));
        for (String body : List.of(
                base + "&text=", // an empty value: Bolt keeps the earlier one
                base + "&text=second", // the last of a name wins
                base + "&text=a=b", // a second '=': ignored
                base + "&is_enterprise_install=+TRUE+", // trimmed, any case
                base + "&is_enterprise_install=yes",
                base + "&unknown_field=x&user_id=U0OTHER",
                "command=%2Fupgrade", // nothing but the command
                "command=/upgrade&text=status+a%2Bb&trigger_id=1.2.abc")) {
            assertTrue(SlackHttpRequestParser.plainSlashCommand(body), body);
            assertSameRequest(body, plain);
        }
    }

    @Test
    void aMalformedEscapeIsRefusedAsBoltRefusesIt() {
        String body = form(command("help")) + "&text=100%";
        assertTrue(SlackHttpRequestParser.plainSlashCommand(body));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BOLT.parse(http(body, Map.of())));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OURS.parse(http(body, Map.of())));
    }

    @Test
    void everythingElseIsLeftToBolt() {
        Map<String, List<String>> form = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));
        String interaction = "payload=" + URLEncoder.encode("""
                {"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"trigger_id":"1.2.3",
                 "actions":[{"action_id":"a","block_id":"b","type":"button","value":"v","action_ts":"1.2"}]}""",
                StandardCharsets.UTF_8);
        String event = "{\"token\":\"t\",\"challenge\":\"c\",\"type\":\"url_verification\"}";
        Map<String, String> encodedName = command("help");
        String commandWithEncodedName = form(encodedName).replace("command=", "comm%61nd=");
        Map<String, String> withPayload = command("help");
        withPayload.put("payload", "{}");
        for (String body : List.of(interaction, event, commandWithEncodedName, form(withPayload), "ssl_check=1&token=x",
                "", "command=", "command", "command=%2Fupgrade=x&text=a", "a=1&&command=%2Fupgrade")) {
            assertFalse(SlackHttpRequestParser.plainSlashCommand(body), body);
            Request<?> bolt = BOLT.parse(http(body, form));
            Request<?> ours = OURS.parse(http(body, form));
            assertEquals(bolt == null ? null : bolt.getClass(), ours == null ? null : ours.getClass(), body);
        }
        assertInstanceOf(SlashCommandRequest.class, OURS.parse(http(commandWithEncodedName, form)),
                "Bolt still takes an encoded field name for a command");
    }

    @Test
    void recognisesOnlyBodiesWithACommandField() {
        assertTrue(SlackHttpRequestParser.plainSlashCommand("command=%2Fupgrade&text=help"));
        assertTrue(SlackHttpRequestParser.plainSlashCommand("text=&command=%2Fupgrade"));
        assertFalse(SlackHttpRequestParser.plainSlashCommand("text=help"));
        assertFalse(SlackHttpRequestParser.plainSlashCommand("commands=%2Fupgrade"));
        assertFalse(SlackHttpRequestParser.plainSlashCommand("command=%2Fupgrade&payload=%7B%7D"));
        // fields without '=' are names only; a body of thousands of them is scanned once, field by field
        assertTrue(SlackHttpRequestParser.plainSlashCommand("a&".repeat(100_000) + "command=%2Fupgrade"));
        assertFalse(SlackHttpRequestParser.plainSlashCommand("a&".repeat(100_000) + "b"));
    }
}
