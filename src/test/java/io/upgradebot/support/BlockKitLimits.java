package io.upgradebot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Slack's Block Kit limits, checked on every payload the bot sends to the Slack fake (Web API methods and
 * response_url posts) and on every Slack ack body (see {@link BlockKitLimitsExtension}). Real Slack answers
 * {@code invalid_blocks} / {@code invalid_arguments} for these, and the message or modal never shows up: a bot that
 * passes its tests against a lenient fake would fail in front of users at 500 repositories.
 *
 * <p>Written once for the whole suite. The rules are Slack's published ones (Block Kit reference, surfaces and
 * element pages): 50 blocks per message, 100 per modal, section text 3000, section fields 10 × 2000, header 150,
 * button text 75, option text 75 / value 150, 100 options per static select, 25 elements per actions block,
 * 10 per context block, modal title / submit / close 24, private_metadata 3000, callback_id 255, block_id unique
 * in a surface, action_id unique in its block, an initial_option that is one of the options, and a submit button
 * whenever a modal has input blocks.
 */
public final class BlockKitLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Violations seen since the last {@link #drain()}, one per line in a temporary file whose path is a system
     * property: the WireMock filter, the JUnit extension and the app's ack filter may each load this class in a
     * different class loader (Quarkus' test class loading), and only JDK-level state is shared by all of them.
     * (Only strings go into the system properties: libraries copy them as strings.)
     */
    private static Path sink() {
        Properties props = System.getProperties();
        synchronized (props) {
            String path = props.getProperty(SINK_PROPERTY);
            try {
                if (path == null) {
                    Path file = Files.createTempFile("upgradebot-blockkit-", ".txt");
                    file.toFile().deleteOnExit();
                    props.setProperty(SINK_PROPERTY, file.toString());
                    return file;
                }
                return Path.of(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String SINK_PROPERTY = "upgradebot.blockkit.violations-file";

    private BlockKitLimits() {
    }

    /** Records violations (with where they were seen) for the running test to fail on. */
    public static void record(String where, List<String> violations) {
        StringBuilder lines = new StringBuilder();
        violations.forEach(v -> lines.append((where + ": " + v).replace('\n', ' ')).append('\n'));
        synchronized (System.getProperties()) {
            try {
                Files.writeString(sink(), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Takes every recorded violation, leaving none. */
    public static List<String> drain() {
        synchronized (System.getProperties()) {
            try {
                Path file = sink();
                List<String> out = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                out.removeIf(String::isBlank);
                Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fails with every violation recorded so far (and clears them), for tests that want to check mid-way. */
    public static void assertNoViolations() {
        List<String> found = drain();
        if (!found.isEmpty()) {
            throw new AssertionError("Slack Block Kit limits broken:\n  " + String.join("\n  ", found));
        }
    }

    // --- direct checks of what a view mapper renders (unit tests) -------------------------------------------

    /** Fails when the message blocks (as Bolt serialises them for Slack) break a limit. */
    public static void assertMessage(java.util.List<com.slack.api.model.block.LayoutBlock> blocks) {
        assertClean("message", checkMessageBlocks(slackJson(blocks)));
    }

    /** Fails when the modal (as Bolt serialises it for Slack) breaks a limit. */
    public static void assertModal(com.slack.api.model.view.View view) {
        assertClean("modal", checkView(slackJson(view)));
    }

    /** A {@code blocks} JSON array as sent (chat.postMessage, chat.update, response_url). */
    public static void assertMessageJson(String blocksJson) {
        List<String> out = new ArrayList<>();
        JsonNode node = parse(blocksJson, out);
        assertClean("message", node == null ? out : checkMessageBlocks(node));
    }

    /** A {@code view} JSON object as sent (views.open, views.update, views.push). */
    public static void assertModalJson(String viewJson) {
        List<String> out = new ArrayList<>();
        JsonNode node = parse(viewJson, out);
        assertClean("modal", node == null ? out : checkView(node));
    }

    private static JsonNode slackJson(Object model) {
        try {
            return JSON.readTree(com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(model));
        } catch (Exception e) {
            throw new AssertionError("not serialisable for Slack: " + e.getMessage(), e);
        }
    }

    private static void assertClean(String what, List<String> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError(what + " breaks Slack's Block Kit limits:\n  " + String.join("\n  ", violations));
        }
    }

    // --- entry points by transport --------------------------------------------------------------------------

    /**
     * Checks a Web API call ({@code method} like {@code chat.postMessage}) as the fake received it: form-encoded
     * (Bolt's MethodsClient sends {@code blocks} / {@code view} as JSON strings in form fields) or JSON.
     */
    public static List<String> checkWebApiCall(String method, String contentType, String body) {
        Map<String, JsonNode> fields = fields(contentType, body);
        List<String> out = new ArrayList<>();
        switch (method) {
            case "chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage" ->
                checkMessageBlocks(fields.get("blocks"), out);
            case "views.open", "views.update", "views.push", "views.publish" -> {
                JsonNode view = fields.get("view");
                if (view == null || view.isNull()) {
                    out.add(method + " without a view");
                } else {
                    out.addAll(checkView(view));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** A response_url body (JSON: text, blocks, replace_original …). */
    public static List<String> checkResponseUrlBody(String body) {
        List<String> out = new ArrayList<>();
        JsonNode node = parse(body, out);
        if (node != null) {
            checkMessageBlocks(node.get("blocks"), out);
        }
        return out;
    }

    /**
     * The body of an ack to Slack: a message ({@code text}/{@code blocks}, for slash commands) or a
     * {@code response_action} carrying a view ({@code update} / {@code push}); errors and empty acks pass.
     */
    public static List<String> checkAckBody(String body) {
        List<String> out = new ArrayList<>();
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return out;
        }
        JsonNode node = parse(body, out);
        if (node == null) {
            return out;
        }
        if (node.has("view")) {
            out.addAll(checkView(node.get("view")));
        } else {
            checkMessageBlocks(node.get("blocks"), out);
        }
        return out;
    }

    // --- the rules ------------------------------------------------------------------------------------------

    public static List<String> checkMessageBlocks(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        checkMessageBlocks(blocks, out);
        return out;
    }

    private static void checkMessageBlocks(JsonNode blocks, List<String> out) {
        if (blocks == null || blocks.isNull()) {
            return;
        }
        if (!blocks.isArray()) {
            out.add("blocks is not an array");
            return;
        }
        if (blocks.size() > 50) {
            out.add("message has " + blocks.size() + " blocks (max 50)");
        }
        checkBlocks(blocks, "message", out);
    }

    public static List<String> checkView(JsonNode view) {
        List<String> out = new ArrayList<>();
        String type = text(view, "type");
        JsonNode blocks = view.get("blocks");
        if (blocks == null || !blocks.isArray()) {
            out.add("view without blocks");
            return out;
        }
        if (blocks.size() > 100) {
            out.add(type + " view has " + blocks.size() + " blocks (max 100)");
        }
        if ("modal".equals(type)) {
            maxLen(view.path("title").path("text").asText(null), 24, "modal title", out, true);
            maxLen(view.path("submit").path("text").asText(null), 24, "modal submit", out, false);
            maxLen(view.path("close").path("text").asText(null), 24, "modal close", out, false);
            boolean hasInput = false;
            for (JsonNode b : blocks) {
                hasInput |= "input".equals(text(b, "type"));
            }
            if (hasInput && !view.has("submit")) {
                out.add("modal has input blocks but no submit button");
            }
        }
        maxLen(text(view, "private_metadata"), 3000, "private_metadata", out, false);
        maxLen(text(view, "callback_id"), 255, "callback_id", out, false);
        maxLen(text(view, "external_id"), 255, "external_id", out, false);
        checkBlocks(blocks, "view", out);
        return out;
    }

    private static void checkBlocks(JsonNode blocks, String surface, List<String> out) {
        Set<String> blockIds = new HashSet<>();
        int i = 0;
        for (JsonNode block : blocks) {
            String where = surface + ".blocks[" + i++ + "](" + text(block, "type") + ")";
            String blockId = text(block, "block_id");
            if (blockId != null) {
                maxLen(blockId, 255, where + " block_id", out, false);
                if (!blockIds.add(blockId)) {
                    out.add(where + " repeats block_id '" + blockId + "'");
                }
            }
            checkBlock(block, where, out);
        }
    }

    private static void checkBlock(JsonNode block, String where, List<String> out) {
        Set<String> actionIds = new HashSet<>();
        switch (String.valueOf(text(block, "type"))) {
            case "section" -> {
                JsonNode t = block.get("text");
                JsonNode f = block.get("fields");
                if ((t == null || t.isNull()) && (f == null || f.isEmpty())) {
                    out.add(where + " has neither text nor fields");
                }
                if (t != null && !t.isNull()) {
                    textObject(t, 3000, where + " text", out);
                }
                if (f != null) {
                    if (f.size() > 10) {
                        out.add(where + " has " + f.size() + " fields (max 10)");
                    }
                    f.forEach(field -> textObject(field, 2000, where + " field", out));
                }
                if (block.has("accessory")) {
                    element(block.get("accessory"), where + " accessory", actionIds, out);
                }
            }
            case "header" -> textObject(block.get("text"), 150, where + " text", out);
            case "context" -> {
                JsonNode els = block.get("elements");
                if (els == null || els.isEmpty()) {
                    out.add(where + " has no elements");
                } else {
                    if (els.size() > 10) {
                        out.add(where + " has " + els.size() + " elements (max 10)");
                    }
                    els.forEach(e -> {
                        if (!"image".equals(text(e, "type"))) {
                            textObject(e, 3000, where + " element", out);
                        }
                    });
                }
            }
            case "actions" -> {
                JsonNode els = block.get("elements");
                if (els == null || els.isEmpty()) {
                    out.add(where + " has no elements");
                } else {
                    if (els.size() > 25) {
                        out.add(where + " has " + els.size() + " elements (max 25)");
                    }
                    els.forEach(e -> element(e, where + " element", actionIds, out));
                }
            }
            case "input" -> {
                textObject(block.get("label"), 2000, where + " label", out);
                if (block.has("hint")) {
                    textObject(block.get("hint"), 2000, where + " hint", out);
                }
                if (block.has("element")) {
                    element(block.get("element"), where + " element", actionIds, out);
                } else {
                    out.add(where + " has no element");
                }
            }
            default -> {
            }
        }
    }

    private static void element(JsonNode e, String where, Set<String> actionIds, List<String> out) {
        String type = String.valueOf(text(e, "type"));
        String actionId = text(e, "action_id");
        if (actionId != null) {
            maxLen(actionId, 255, where + " action_id", out, false);
            if (!actionIds.add(actionId)) {
                out.add(where + " repeats action_id '" + actionId + "' within its block");
            }
        }
        if (e.has("placeholder")) {
            textObject(e.get("placeholder"), 150, where + " placeholder", out);
        }
        switch (type) {
            case "button" -> {
                textObject(e.get("text"), 75, where + " button text", out);
                maxLen(text(e, "value"), 2000, where + " button value", out, false);
                maxLen(text(e, "url"), 3000, where + " button url", out, false);
            }
            case "static_select", "multi_static_select" -> {
                JsonNode options = e.get("options");
                JsonNode groups = e.get("option_groups");
                List<JsonNode> all = new ArrayList<>();
                if (options != null) {
                    if (options.size() > 100) {
                        out.add(where + " " + type + " has " + options.size() + " options (max 100)");
                    }
                    options.forEach(all::add);
                }
                if (groups != null) {
                    if (groups.size() > 100) {
                        out.add(where + " has " + groups.size() + " option groups (max 100)");
                    }
                    groups.forEach(g -> {
                        if (g.path("options").size() > 100) {
                            out.add(where + " option group has " + g.path("options").size() + " options (max 100)");
                        }
                        g.path("options").forEach(all::add);
                    });
                }
                if (options == null && groups == null) {
                    out.add(where + " " + type + " has no options");
                }
                all.forEach(o -> option(o, where, out));
                initialOptions(e, all, where, out);
            }
            case "overflow" -> {
                JsonNode options = e.path("options");
                if (options.size() < 1 || options.size() > 5) {
                    out.add(where + " overflow has " + options.size() + " options (1..5)");
                }
                options.forEach(o -> option(o, where, out));
            }
            case "radio_buttons", "checkboxes" -> {
                JsonNode options = e.path("options");
                if (options.size() > 10) {
                    out.add(where + " " + type + " has " + options.size() + " options (max 10)");
                }
                List<JsonNode> all = new ArrayList<>();
                options.forEach(all::add);
                all.forEach(o -> option(o, where, out));
                initialOptions(e, all, where, out);
            }
            case "plain_text_input" -> {
                if (e.has("max_length") && e.get("max_length").asInt() > 3000) {
                    out.add(where + " max_length " + e.get("max_length").asInt() + " (max 3000)");
                }
                maxLen(text(e, "initial_value"), 3000, where + " initial_value", out, false);
            }
            default -> {
            }
        }
    }

    private static void option(JsonNode o, String where, List<String> out) {
        textObject(o.get("text"), 75, where + " option text", out);
        maxLen(text(o, "value"), 150, where + " option value", out, true);
        if (o.has("description")) {
            textObject(o.get("description"), 75, where + " option description", out);
        }
    }

    /** Slack rejects an initial_option that is not exactly one of the element's options. */
    private static void initialOptions(JsonNode e, List<JsonNode> all, String where, List<String> out) {
        List<JsonNode> initial = new ArrayList<>();
        if (e.has("initial_option")) {
            initial.add(e.get("initial_option"));
        }
        if (e.has("initial_options")) {
            e.get("initial_options").forEach(initial::add);
        }
        for (JsonNode init : initial) {
            String v = text(init, "value");
            boolean found = all.stream().anyMatch(o -> o.equals(init)
                    || (v != null && v.equals(text(o, "value"))
                            && o.path("text").path("text").equals(init.path("text").path("text"))));
            if (!found) {
                out.add(where + " initial option '" + v + "' is not one of its options");
            }
        }
    }

    private static void textObject(JsonNode t, int max, String where, List<String> out) {
        if (t == null || t.isNull()) {
            out.add(where + " is missing");
            return;
        }
        String s = t.isTextual() ? t.asText() : text(t, "text");
        maxLen(s, max, where, out, true);
    }

    private static void maxLen(String s, int max, String where, List<String> out, boolean required) {
        if (s == null) {
            if (required) {
                out.add(where + " is missing");
            }
            return;
        }
        if (required && s.isEmpty()) {
            out.add(where + " is empty (Slack requires at least 1 character)");
        }
        if (s.length() > max) {
            out.add(where + " has " + s.length() + " characters (max " + max + ")");
        }
    }

    // --- parsing --------------------------------------------------------------------------------------------

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode parse(String body, List<String> out) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            out.add("body is not JSON: " + e.getMessage());
            return null;
        }
    }

    /** Form fields (JSON-valued ones parsed) or the fields of a JSON body. */
    private static Map<String, JsonNode> fields(String contentType, String body) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        if (contentType != null && contentType.contains("json")) {
            try {
                JsonNode node = JSON.readTree(body);
                node.fields().forEachRemaining(e -> out.put(e.getKey(), jsonValued(e.getValue())));
            } catch (Exception e) {
                out.put("_error", JSON.getNodeFactory().textNode(e.getMessage()));
            }
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, jsonValued(JSON.getNodeFactory().textNode(v)));
        }
        return out;
    }

    /** A form field or JSON string holding JSON ({@code blocks}, {@code view}) becomes that JSON. */
    private static JsonNode jsonValued(JsonNode v) {
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.startsWith("[") || s.startsWith("{")) {
                try {
                    return JSON.readTree(s);
                } catch (Exception ignored) {
                    return v;
                }
            }
        }
        return v;
    }
}
