package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reached the fake Slack Web API, read back as the parameters Slack would see (the SDK posts form-encoded
 * bodies; {@code blocks} and {@code view} are JSON strings inside them). Oldest first.
 */
public final class SlackCalls {

    private SlackCalls() {
    }

    public static List<Map<String, String>> of(String method) {
        return Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> form(r.getBodyAsString())).toList();
    }

    /**
     * The body the bot sent to a slash command's response_url (SlackSigner.command builds it from the trigger id),
     * waiting up to 10 s for it: commands that read the database answer there, after the ack.
     */
    public static String responseTo(String triggerId) {
        String path = "/commands/T0001/1234/" + triggerId;
        String[] body = new String[1];
        Eventually.await(java.time.Duration.ofSeconds(10), "a response_url answer for " + triggerId, () -> {
            List<LoggedRequest> found = Fakes.slack.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (found.isEmpty()) {
                return false;
            }
            body[0] = found.get(found.size() - 1).getBodyAsString();
            return true;
        });
        return body[0];
    }

    public static int count(String method) {
        return of(method).size();
    }

    /** Every message payload the bot sent (posts, edits, ephemeral posts), for the Block Kit limit check. */
    public static void assertAllWithinBlockKitLimits() {
        for (String m : List.of("chat.postMessage", "chat.update", "chat.postEphemeral")) {
            of(m).forEach(p -> BlockKitLimits.assertMessageJson(p.get("blocks")));
        }
        for (String m : List.of("views.open", "views.update")) {
            of(m).forEach(p -> BlockKitLimits.assertModalJson(p.get("view")));
        }
    }

    /** Every text in a blocks or view JSON (as Slack would render it, unescaped), one per line. */
    public static String texts(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try {
            collect(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), out);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        return out.toString();
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && (e.getKey().equals("text") || e.getKey().equals("value")
                        || e.getKey().startsWith("initial_") || e.getKey().equals("block_id"))) {
                    out.append(e.getValue().asText()).append('\n');
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }
}
