package io.upgradebot.support;

import static io.restassured.RestAssured.given;

import com.slack.api.app_backend.SlackSignature;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to /slack/events exactly as Slack does: form-encoded slash commands, {@code payload=} interactivity,
 * JSON events, each signed (v0, HMAC-SHA256 over {@code v0:timestamp:body}) with the signing secret. The exact bytes
 * signed are the bytes sent.
 */
public final class SlackSigner {
    private SlackSigner() {
    }

    public static String sign(String secret, String timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(timestamp, body);
    }

    public static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A slash command body as Slack sends it. */
    public static String command(String text, String userId, String channelId, String triggerId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", "T0001");
        f.put("team_domain", "acme");
        f.put("channel_id", channelId);
        f.put("channel_name", "upgrades");
        f.put("user_id", userId);
        f.put("user_name", "user-" + userId.toLowerCase());
        f.put("command", "/upgrade");
        f.put("text", text);
        f.put("api_app_id", "A0UPGRADE");
        f.put("is_enterprise_install", "false");
        f.put("response_url", Fakes.slack.baseUrl() + "/commands/T0001/1234/" + triggerId);
        f.put("trigger_id", triggerId);
        return form(f);
    }

    /** An interactivity body ({@code payload=<json>}). */
    public static String interaction(String payloadJson) {
        return "payload=" + enc(payloadJson);
    }

    /** A block_actions payload as Slack sends it for a button click in a channel message. */
    public static String blockActionPayload(String actionId, String value, String userId, String channelId,
            String triggerId) {
        return """
                {"type":"block_actions","user":{"id":"%3$s","username":"user-%3$s","name":"user-%3$s","team_id":"T0001"},
                 "api_app_id":"A0UPGRADE","token":"legacy-verification-token",
                 "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"%4$s","is_ephemeral":false},
                 "trigger_id":"%5$s","team":{"id":"T0001","domain":"acme"},"enterprise":null,"is_enterprise_install":false,
                 "channel":{"id":"%4$s","name":"upgrades"},
                 "message":{"type":"message","subtype":"bot_message","text":"Upgrade","ts":"1700000000.000100","bot_id":"B0BOT"},
                 "state":{"values":{}},
                 "response_url":"%6$s/actions/T0001/1/%5$s",
                 "actions":[{"action_id":"%1$s","block_id":"b1","text":{"type":"plain_text","text":"Go","emoji":true},
                  "value":"%2$s","type":"button","action_ts":"1700000001.000200"}]}"""
                .formatted(actionId, value, userId, channelId, triggerId, Fakes.slack.baseUrl());
    }

    /** An Events API envelope (type event_callback) around {@code eventJson}. */
    public static String eventCallback(String eventId, String eventJson) {
        return """
                {"token":"legacy-verification-token","team_id":"T0001","api_app_id":"A0UPGRADE","event":%s,
                 "type":"event_callback","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"enterprise_id":null,"team_id":"T0001","user_id":"U0BOT","is_bot":true,
                  "is_enterprise_install":false}],"is_ext_shared_channel":false,"event_context":"4-eyJldCI6ImFwcF9tZW50aW9uIn0"}"""
                .formatted(eventJson, eventId);
    }

    /** Sends {@code body} signed with the test signing secret, now, with extra headers (e.g. X-Slack-Retry-Num). */
    public static ValidatableResponse post(ContentType type, String body, Map<String, String> extraHeaders) {
        String ts = now();
        return postSigned(type, body, ts, sign(Fakes.SIGNING_SECRET, ts, body), extraHeaders);
    }

    /** Sends {@code body} with the given timestamp and signature headers (null leaves a header out). */
    public static ValidatableResponse postSigned(ContentType type, String body, String timestamp, String signature,
            Map<String, String> extraHeaders) {
        var request = given().filter(SlackAckLimitsFilter.INSTANCE).contentType(type.withCharset("UTF-8"));
        if (timestamp != null) {
            request = request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request = request.header("X-Slack-Signature", signature);
        }
        for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
            request = request.header(h.getKey(), h.getValue());
        }
        return request.body(body).post("/slack/events").then();
    }

    public static ValidatableResponse postForm(String body) {
        String ts = now();
        return given().filter(SlackAckLimitsFilter.INSTANCE).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(Fakes.SIGNING_SECRET, ts, body))
                .body(body)
                .post("/slack/events").then();
    }

    public static ValidatableResponse postJson(String body) {
        String ts = now();
        return given().filter(SlackAckLimitsFilter.INSTANCE).contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(Fakes.SIGNING_SECRET, ts, body))
                .body(body)
                .post("/slack/events").then();
    }
}
