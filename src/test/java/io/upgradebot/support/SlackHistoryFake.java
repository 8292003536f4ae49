package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code conversations.history} and {@code conversations.replies} of the Slack fake, answered from the
 * {@code chat.postMessage} calls the fake accepted (answered {@code ok:true}), in the Web API's shape: newest first
 * (replies: oldest first), {@code oldest}/{@code latest}/{@code inclusive} honoured, {@code messages[].metadata} only
 * with {@code include_all_metadata=true}, pages of at most {@link #PAGE} messages (Slack may return fewer than
 * {@code limit}) chained by {@code has_more} and {@code response_metadata.next_cursor}. A message's ts is the time the
 * fake received it (Slack's clock), made unique per message.
 */
public final class SlackHistoryFake implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "slack-history";
    static final int PAGE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Routes both methods to this transformer (part of the Slack fake's defaults). */
    static void stub(WireMockServer slack) {
        for (String method : List.of("conversations.history", "conversations.replies")) {
            slack.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(aResponse().withTransformers(NAME)));
        }
    }

    /** A message the fake holds: where, its ts, its thread, its text and metadata (JSON, or null). */
    public record Posted(String channel, String ts, String threadTs, String text, JsonNode metadata) {
    }

    /** Every message Slack accepted, oldest first. */
    public static List<Posted> posted() {
        List<ServeEvent> events = new ArrayList<>(Fakes.slack.getAllServeEvents());
        events.sort(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()));
        List<Posted> out = new ArrayList<>();
        int seq = 0;
        for (ServeEvent e : events) {
            if (!e.getRequest().getUrl().startsWith("/api/chat.postMessage") || e.getResponse() == null
                    || e.getResponse().getStatus() != 200
                    || !e.getResponse().getBodyAsString().contains("\"ok\":true")) {
                continue;
            }
            Map<String, String> form = SlackCalls.form(e.getRequest().getBodyAsString());
            long millis = e.getRequest().getLoggedDate().getTime();
            String ts = String.format("%d.%06d", millis / 1000, (millis % 1000) * 1000 + (seq++ % 1000));
            JsonNode metadata = null;
            String md = form.get("metadata");
            if (md != null && !md.isBlank()) {
                try {
                    metadata = JSON.readTree(md);
                } catch (java.io.IOException ex) {
                    throw new AssertionError("metadata is not JSON: " + md, ex);
                }
            }
            String thread = form.get("thread_ts");
            out.add(new Posted(form.get("channel"), ts, thread == null || thread.isBlank() ? null : thread,
                    form.get("text"), metadata));
        }
        return out;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        boolean replies = url.startsWith("/api/conversations.replies");
        Map<String, String> form = SlackCalls.form(event.getRequest().getBodyAsString());
        String channel = form.get("channel");
        String thread = form.get("ts");
        boolean inclusive = flag(form.get("inclusive"));
        BigDecimal oldest = decimal(form.get("oldest"));
        BigDecimal latest = decimal(form.get("latest"));
        boolean withMetadata = flag(form.get("include_all_metadata"));
        if (channel == null || channel.isBlank() || (replies && (thread == null || thread.isBlank()))) {
            return answer(JSON.createObjectNode().put("ok", false).put("error", "invalid_arguments"));
        }
        List<Posted> matching = new ArrayList<>();
        for (Posted p : posted()) {
            if (!channel.equals(p.channel())) {
                continue;
            }
            if (replies ? !thread.equals(p.threadTs()) : p.threadTs() != null) {
                continue; // history: top-level messages only; replies: the thread's messages
            }
            BigDecimal ts = new BigDecimal(p.ts());
            if (oldest != null && (inclusive ? ts.compareTo(oldest) < 0 : ts.compareTo(oldest) <= 0)) {
                continue;
            }
            if (latest != null && (inclusive ? ts.compareTo(latest) > 0 : ts.compareTo(latest) >= 0)) {
                continue;
            }
            matching.add(p);
        }
        if (!replies) {
            java.util.Collections.reverse(matching); // history: newest first
        }
        int offset = 0;
        String cursor = form.get("cursor");
        if (cursor != null && !cursor.isBlank()) {
            offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .substring("offset:".length()));
        }
        int limit = form.containsKey("limit") ? Math.max(1, Integer.parseInt(form.get("limit"))) : 100;
        int end = Math.min(matching.size(), offset + Math.min(limit, PAGE));
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        ArrayNode messages = body.putArray("messages");
        for (Posted p : matching.subList(Math.min(offset, matching.size()), end)) {
            ObjectNode m = messages.addObject().put("type", "message").put("user", "U0BOT").put("bot_id", "B0BOT")
                    .put("app_id", "A0UPGRADE").put("text", p.text() == null ? "" : p.text()).put("ts", p.ts());
            if (p.threadTs() != null) {
                m.put("thread_ts", p.threadTs());
            }
            if (withMetadata && p.metadata() != null) {
                m.set("metadata", p.metadata());
            }
        }
        boolean more = end < matching.size();
        body.put("has_more", more);
        if (!replies) {
            body.put("pin_count", 0);
        }
        body.putObject("response_metadata").put("next_cursor", more
                ? Base64.getEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8))
                : "");
        return answer(body);
    }

    /** Slack reads a boolean argument as true from {@code true} or {@code 1} (the Java SDK sends 1). */
    private static boolean flag(String s) {
        return "true".equals(s) || "1".equals(s);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    private static ResponseDefinition answer(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString()).build();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
