package io.upgradebot.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's Block Kit limits, checked on what the bot renders (objects) or sends (the JSON a fake received). Every
 * Slack payload in a test should pass through here: a message Slack refuses is a feature that does not work.
 *
 * <p>Limits: 50 blocks per message, 100 per modal; section / context text 3000; header 150; button text 75;
 * 25 elements per actions block; 10 per context; 100 options per static select; modal title, submit and close 24;
 * private_metadata 3000; button value 2000; block_id and action_id 255.
 */
public final class BlockKitLimits {

    private BlockKitLimits() {
    }

    public static void assertMessage(List<LayoutBlock> blocks) {
        JsonArray json = GsonFactory.createSnakeCase().toJsonTree(blocks).getAsJsonArray();
        List<String> problems = new ArrayList<>();
        checkBlocks(json, 50, problems);
        fail(problems, json);
    }

    public static void assertModal(View view) {
        JsonObject json = GsonFactory.createSnakeCase().toJsonTree(view).getAsJsonObject();
        List<String> problems = new ArrayList<>();
        checkView(json, problems);
        fail(problems, json);
    }

    /** A chat.postMessage / chat.update / response_url body's {@code blocks} as sent (a JSON array string). */
    public static void assertMessageJson(String blocksJson) {
        if (blocksJson == null || blocksJson.isBlank()) {
            return;
        }
        JsonArray json = JsonParser.parseString(blocksJson).getAsJsonArray();
        List<String> problems = new ArrayList<>();
        checkBlocks(json, 50, problems);
        fail(problems, json);
    }

    /** A views.open / views.update body's {@code view} as sent (a JSON object string). */
    public static void assertModalJson(String viewJson) {
        JsonObject json = JsonParser.parseString(viewJson).getAsJsonObject();
        List<String> problems = new ArrayList<>();
        checkView(json, problems);
        fail(problems, json);
    }

    private static void checkView(JsonObject view, List<String> problems) {
        for (String f : List.of("title", "submit", "close")) {
            if (view.has(f) && view.get(f).isJsonObject()) {
                max(problems, "view." + f, text(view.getAsJsonObject(f)), 24);
            }
        }
        if (view.has("private_metadata") && !view.get("private_metadata").isJsonNull()) {
            max(problems, "private_metadata", view.get("private_metadata").getAsString(), 3000);
        }
        checkBlocks(view.getAsJsonArray("blocks"), 100, problems);
    }

    private static void checkBlocks(JsonArray blocks, int maxBlocks, List<String> problems) {
        if (blocks == null) {
            return;
        }
        if (blocks.size() > maxBlocks) {
            problems.add(blocks.size() + " blocks, more than " + maxBlocks);
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject b = blocks.get(i).getAsJsonObject();
            String where = "block " + i + " (" + str(b, "type") + ")";
            max(problems, where + " block_id", str(b, "block_id"), 255);
            switch (str(b, "type")) {
                case "section" -> {
                    if (b.has("text")) {
                        max(problems, where + " text", text(b.getAsJsonObject("text")), 3000);
                    }
                    if (b.has("fields")) {
                        JsonArray fields = b.getAsJsonArray("fields");
                        if (fields.size() > 10) {
                            problems.add(where + " has " + fields.size() + " fields, more than 10");
                        }
                        fields.forEach(f -> max(problems, where + " field", text(f.getAsJsonObject()), 2000));
                    }
                    if (b.has("accessory")) {
                        checkElement(b.getAsJsonObject("accessory"), where, problems);
                    }
                }
                case "header" -> max(problems, where + " text", text(b.getAsJsonObject("text")), 150);
                case "context" -> {
                    JsonArray els = b.getAsJsonArray("elements");
                    if (els.size() > 10) {
                        problems.add(where + " has " + els.size() + " elements, more than 10");
                    }
                    els.forEach(e -> max(problems, where + " element", text(e.getAsJsonObject()), 3000));
                }
                case "actions" -> {
                    JsonArray els = b.getAsJsonArray("elements");
                    if (els.size() > 25) {
                        problems.add(where + " has " + els.size() + " elements, more than 25");
                    }
                    els.forEach(e -> checkElement(e.getAsJsonObject(), where, problems));
                }
                case "input" -> {
                    max(problems, where + " label", text(b.getAsJsonObject("label")), 2000);
                    if (b.has("hint")) {
                        max(problems, where + " hint", text(b.getAsJsonObject("hint")), 2000);
                    }
                    checkElement(b.getAsJsonObject("element"), where, problems);
                }
                default -> {
                }
            }
        }
    }

    private static void checkElement(JsonObject e, String where, List<String> problems) {
        max(problems, where + " action_id", str(e, "action_id"), 255);
        switch (str(e, "type")) {
            case "button" -> {
                max(problems, where + " button text", text(e.getAsJsonObject("text")), 75);
                max(problems, where + " button value", str(e, "value"), 2000);
            }
            case "static_select", "multi_static_select", "checkboxes", "radio_buttons", "overflow" -> {
                if (e.has("options") && e.getAsJsonArray("options").size() > 100) {
                    problems.add(where + " has " + e.getAsJsonArray("options").size() + " options, more than 100");
                }
            }
            case "plain_text_input" -> max(problems, where + " initial_value", str(e, "initial_value"), 3000);
            default -> {
            }
        }
    }

    private static String text(JsonObject t) {
        return t == null ? "" : str(t, "text");
    }

    private static String str(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static void max(List<String> problems, String what, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(what + " is " + value.length() + " characters, more than " + max);
        }
    }

    private static void fail(List<String> problems, JsonElement json) {
        if (!problems.isEmpty()) {
            String shown = json.toString();
            throw new AssertionError("Block Kit limits broken: " + problems + "\n"
                    + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown));
        }
    }
}
