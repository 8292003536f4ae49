package io.upgradebot.slack.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import java.util.Optional;

/**
 * The id that makes a Slack request recognisable when Slack retries it or someone replays it: a slash command's
 * trigger_id, an interaction's trigger_id (or its container and action_ts when it has none), an Events API
 * event_id. Suggestions (external select options) and url_verification have none: answering them twice is harmless.
 */
public record SlackRequestKey(String key, String kind) {

    private static final JsonPayloadExtractor PAYLOAD = new JsonPayloadExtractor();

    public static Optional<SlackRequestKey> of(Request<?> req) {
        switch (req.getRequestType()) {
            case Command : {
                String triggerId = ((SlashCommandRequest) req).getPayload().getTriggerId();
                return nonBlank(triggerId)
                        ? Optional.of(new SlackRequestKey("slack:trigger:" + triggerId, "slack_command"))
                        : Optional.empty();
            }
            case Event : {
                JsonObject body = json(req.getRequestBodyAsString());
                String eventId = text(body, "event_id");
                return eventId == null
                        ? Optional.empty()
                        : Optional.of(new SlackRequestKey("slack:event:" + eventId, "slack_event"));
            }
            case BlockAction :
            case ViewSubmission :
            case ViewClosed :
            case GlobalShortcut :
            case MessageShortcut :
            case AttachmentAction :
            case DialogSubmission :
            case DialogCancellation :
                return interaction(json(PAYLOAD.extractIfExists(req.getRequestBodyAsString())));
            default :
                return Optional.empty();
        }
    }

    private static Optional<SlackRequestKey> interaction(JsonObject p) {
        if (p == null) {
            return Optional.empty();
        }
        String triggerId = text(p, "trigger_id");
        if (triggerId != null) {
            return Optional.of(new SlackRequestKey("slack:trigger:" + triggerId, "slack_interaction"));
        }
        JsonObject container = object(p, "container");
        String where = container == null
                ? null
                : firstNonNull(text(container, "view_id"), text(container, "message_ts"));
        String actionTs = p.has("actions") && p.get("actions").isJsonArray() && p.getAsJsonArray("actions").size() > 0
                && p.getAsJsonArray("actions").get(0).isJsonObject()
                        ? text(p.getAsJsonArray("actions").get(0).getAsJsonObject(), "action_ts")
                        : null;
        if (actionTs != null) {
            return Optional.of(new SlackRequestKey("slack:action:" + where + ":" + actionTs, "slack_interaction"));
        }
        JsonObject view = object(p, "view");
        String viewId = view == null ? null : text(view, "id");
        if (viewId != null) {
            return Optional.of(new SlackRequestKey(
                    "slack:" + text(p, "type") + ":" + viewId + ":" + text(view, "hash"), "slack_interaction"));
        }
        return Optional.empty();
    }

    private static JsonObject json(String s) {
        if (s == null) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(s);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() && nonBlank(e.getAsString()) ? e.getAsString() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
