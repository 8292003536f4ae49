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

    public static ValidatableResponse postForm(String body) {
        String ts = now();
        return given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(Fakes.SIGNING_SECRET, ts, body))
                .body(body)
                .post("/slack/events").then();
    }

    public static ValidatableResponse postJson(String body) {
        String ts = now();
        return given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(Fakes.SIGNING_SECRET, ts, body))
                .body(body)
                .post("/slack/events").then();
    }
}
