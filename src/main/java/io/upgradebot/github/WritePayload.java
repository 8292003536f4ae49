package io.upgradebot.github;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * The payload of a {@link WriteKind}, one record per kind, and the one place payloads are turned into JSON and read
 * back ({@link #toJson}, {@link #parse}). JSON field names are the stored contract (rows already in databases must
 * still parse): they are the ones documented on {@link WriteKind}. Unknown fields (such as {@code after}, which is the
 * queue's ordering, not part of any payload) are ignored when reading.
 */
public sealed interface WritePayload {

    WriteKind kind();

    /** CREATE_ISSUE: {@code labels} and {@code milestone} are left out of the JSON when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateIssue(String repo, String title, String body, String marker, List<String> labels, Num milestone)
            implements
                WritePayload {
        public CreateIssue(String repo, String title, String body, String marker) {
            this(repo, title, body, marker, null, null);
        }

        @Override
        public WriteKind kind() {
            return WriteKind.CREATE_ISSUE;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comment(String repo, Num number, String body, String marker) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.COMMENT;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReplaceBodySection(String repo, Num number, String section, String content) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.REPLACE_BODY_SECTION;
        }
    }

    /** {@code stateReason}: {@code completed} when null, or {@code not_planned}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloseIssue(String repo, Num number, @JsonProperty("state_reason") String stateReason)
            implements
                WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.CLOSE_ISSUE;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReopenIssue(String repo, Num number) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.REOPEN_ISSUE;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnsureMilestone(String repo, String title) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.ENSURE_MILESTONE;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddSubIssue(String repo, @JsonProperty("parent_number") Num parentNumber,
            @JsonProperty("child_id") Num childId) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.ADD_SUB_ISSUE;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnsureBoardOption(String org, @JsonProperty("board_number") Num boardNumber, String field, String option)
            implements
                WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.ENSURE_BOARD_OPTION;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddBoardItem(String org, @JsonProperty("board_number") Num boardNumber,
            @JsonProperty("content_node_id") String contentNodeId) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.ADD_BOARD_ITEM;
        }
    }

    /** Names the option, or gives its id ({@code optionId}, which wins when both are there). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SetBoardField(String org, @JsonProperty("board_number") Num boardNumber,
            @JsonProperty("item_id") String itemId, String field, String option,
            @JsonProperty("option_id") String optionId) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.SET_BOARD_FIELD;
        }
    }

    /** SET_CHECKLIST_ITEMS: each task line, by its text, and whether it should be ticked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SetChecklistItems(String repo, Num number, List<ChecklistItem> items) implements WritePayload {
        @Override
        public WriteKind kind() {
            return WriteKind.SET_CHECKLIST_ITEMS;
        }
    }

    record ChecklistItem(String text, boolean ticked) {
    }

    /**
     * A number field: a number, a numeric string (older rows and some callers store those), or a reference
     * {@code ${ref:KEY#field}} the queue replaces with the referred write's result when the write runs. Written to JSON
     * exactly as given.
     */
    record Num(JsonNode json) {
        public static Num of(int value) {
            return new Num(IntNode.valueOf(value));
        }

        public static Num of(long value) {
            return new Num(LongNode.valueOf(value));
        }

        /** A number held as text: a numeric string or a {@link PayloadRefs#ref reference}. */
        public static Num text(String value) {
            return new Num(TextNode.valueOf(value));
        }

        public static Num ref(String key, String field) {
            return text(PayloadRefs.ref(key, field));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Num from(JsonNode json) {
            return json == null || json.isNull() ? null : new Num(json);
        }

        @JsonValue
        @Override
        public JsonNode json() {
            return json;
        }

        /** Its value; {@code name} names the field in the error when it is blank or not a number. */
        public long asLong(String name) {
            String value = json.asText();
            if (value.isBlank()) {
                throw new IllegalArgumentException("payload field \"" + name + "\" is missing");
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("payload field \"" + name + "\" is not a number: " + value);
            }
        }

        public int asInt(String name) {
            return Math.toIntExact(asLong(name));
        }

        public boolean isBlank() {
            return json.asText().isBlank();
        }
    }

    ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The payload as the JSON object the queue stores. */
    static ObjectNode toJson(WritePayload payload) {
        return JSON.valueToTree(payload);
    }

    /** The payload of a stored write, from its stored JSON text. */
    static WritePayload parse(WriteKind kind, String stored) {
        try {
            return parse(kind, JSON.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + kind + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The payload of a stored (and, when it is about to run, resolved) write. A field that does not fit its type
     * is an {@link IllegalArgumentException}, as for any invalid write.
     */
    static WritePayload parse(WriteKind kind, JsonNode json) {
        Class<? extends WritePayload> type = switch (kind) {
            case CREATE_ISSUE -> CreateIssue.class;
            case COMMENT -> Comment.class;
            case REPLACE_BODY_SECTION -> ReplaceBodySection.class;
            case CLOSE_ISSUE -> CloseIssue.class;
            case REOPEN_ISSUE -> ReopenIssue.class;
            case ENSURE_MILESTONE -> EnsureMilestone.class;
            case ADD_SUB_ISSUE -> AddSubIssue.class;
            case ENSURE_BOARD_OPTION -> EnsureBoardOption.class;
            case ADD_BOARD_ITEM -> AddBoardItem.class;
            case SET_BOARD_FIELD -> SetBoardField.class;
            case SET_CHECKLIST_ITEMS -> SetChecklistItems.class;
        };
        try {
            return JSON.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + kind + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
