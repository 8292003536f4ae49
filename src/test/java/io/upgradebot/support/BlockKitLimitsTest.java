package io.upgradebot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite-wide Block Kit check itself: it must catch what Slack rejects, and pass what Slack accepts. */
class BlockKitLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMessageOf50SectionsPassesAnd51Fails() {
        assertEquals(List.of(), BlockKitLimits.checkMessageBlocks(sections(50)));
        assertTrue(BlockKitLimits.checkMessageBlocks(sections(51)).get(0).contains("51 blocks (max 50)"));
    }

    @Test
    void aModalOf100BlocksPassesAnd101Fails() {
        assertEquals(List.of(), BlockKitLimits.checkView(modal(sections(100))));
        assertTrue(BlockKitLimits.checkView(modal(sections(101))).get(0).contains("101 blocks (max 100)"));
    }

    @Test
    void eachElementLimitIsCaught() {
        ArrayNode blocks = JSON.createArrayNode();
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "x".repeat(3001));
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ArrayNode elements = actions.putArray("elements");
        for (int i = 0; i < 26; i++) {
            ObjectNode b = elements.addObject().put("type", "button").put("action_id", "a" + i);
            b.putObject("text").put("type", "plain_text").put("text", i == 0 ? "y".repeat(76) : "ok");
        }
        ObjectNode select = blocks.addObject().put("type", "section").put("block_id", "dup");
        select.putObject("text").put("type", "mrkdwn").put("text", "pick");
        ObjectNode acc = select.putObject("accessory").put("type", "static_select").put("action_id", "s");
        ArrayNode options = acc.putArray("options");
        for (int i = 0; i < 101; i++) {
            options.add(option("o" + i));
        }
        acc.set("initial_option", option("not-there"));
        blocks.addObject().put("type", "divider").put("block_id", "dup");
        ObjectNode view = modal(blocks);
        view.putObject("title").put("type", "plain_text").put("text", "t".repeat(25));
        view.put("private_metadata", "m".repeat(3001));

        String all = String.join("\n", BlockKitLimits.checkView(view));
        for (String expected : List.of("3001 characters (max 3000)", "26 elements (max 25)", "button text has 76",
                "101 options (max 100)", "initial option 'not-there'", "modal title has 25",
                "private_metadata has 3001",
                "repeats block_id 'dup'")) {
            assertTrue(all.contains(expected), "expected '" + expected + "' in:\n" + all);
        }
    }

    @Test
    void formEncodedWebApiCallsAreDecodedAsBoltSendsThem() {
        String body = "channel=C1&text=hi&blocks=" + URLEncoder.encode(sections(51).toString(), StandardCharsets.UTF_8);
        assertEquals(1, BlockKitLimits.checkWebApiCall("chat.postMessage", "application/x-www-form-urlencoded", body)
                .size());
        String view = "trigger_id=1.2.3&view="
                + URLEncoder.encode(modal(sections(3)).toString(), StandardCharsets.UTF_8);
        assertEquals(List.of(),
                BlockKitLimits.checkWebApiCall("views.open", "application/x-www-form-urlencoded", view));
    }

    @Test
    void aModalWithInputsNeedsASubmitButton() {
        ArrayNode blocks = JSON.createArrayNode();
        ObjectNode input = blocks.addObject().put("type", "input").put("block_id", "b");
        input.putObject("label").put("type", "plain_text").put("text", "Name");
        input.putObject("element").put("type", "plain_text_input").put("action_id", "a");
        ObjectNode view = modal(blocks);
        view.remove("submit");
        assertTrue(BlockKitLimits.checkView(view).get(0).contains("no submit"));
    }

    @Test
    void theSlackFakeAnswersLikeSlackAndRecordsTheViolationForTheRunningTest() throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer slack = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
                        .extensions(new SlackPayloadLimitsFilter()));
        slack.start();
        try {
            slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/chat.postMessage")
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"ok\":true}")));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<Integer, String> post = n -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(slack.baseUrl()
                            + "/api/chat.postMessage")).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("channel=C1&blocks="
                                    + URLEncoder.encode(sections(n).toString(), StandardCharsets.UTF_8)))
                            .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals("{\"ok\":true}", post.apply(50));
            assertEquals(List.of(), BlockKitLimits.drain());
            String refused = post.apply(51);
            assertTrue(refused.contains("\"ok\":false") && refused.contains("invalid_blocks"), refused);
            List<String> recorded = BlockKitLimits.drain();
            assertEquals(1, recorded.size());
            assertTrue(recorded.get(0).contains("POST /api/chat.postMessage: message has 51 blocks (max 50)"));
        } finally {
            slack.stop();
        }
    }

    private static ObjectNode option(String value) {
        ObjectNode o = JSON.createObjectNode().put("value", value);
        o.putObject("text").put("type", "plain_text").put("text", value);
        return o;
    }

    private static ArrayNode sections(int n) {
        ArrayNode blocks = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "s" + i);
        }
        return blocks;
    }

    private static ObjectNode modal(ArrayNode blocks) {
        ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", "cb");
        view.putObject("title").put("type", "plain_text").put("text", "Title");
        view.putObject("submit").put("type", "plain_text").put("text", "Save");
        view.set("blocks", blocks);
        return view;
    }
}
