package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upgradebot.domain.BodySections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one queued write against the gateway, following the payload contract in {@link WriteKind}. When an earlier
 * attempt may have reached GitHub ({@code mayHaveRun}), the write is looked for before it is repeated: a created issue
 * or comment by its hidden marker, a sub-issue link in the parent's list; the other kinds are idempotent as sent.
 */
public final class WriteExecutor {
    private final GitHubGateway gateway;

    public WriteExecutor(GitHubGateway gateway) {
        this.gateway = gateway;
    }

    /** Answers the result fields of the kind (an empty object for kinds without a result). */
    public ObjectNode run(String key, WriteKind kind, JsonNode p, boolean mayHaveRun) {
        ObjectNode result = GitHubHttp.json().createObjectNode();
        switch (kind) {
            case CREATE_ISSUE -> {
                String repo = text(p, "repo");
                String marker = HiddenMarkers.effective(p.path("marker").asText(null), key);
                Optional<GitHubTypes.Issue> existing = mayHaveRun ? gateway.findIssueByMarker(repo, marker)
                        : Optional.empty();
                GitHubTypes.Issue issue = existing.orElseGet(() -> gateway.createIssue(repo,
                        new GitHubTypes.NewIssue(text(p, "title"), HiddenMarkers.ensureIn(p.path("body").asText(""),
                                marker), strings(p.path("labels")), optionalInt(p, "milestone"))));
                result.put("number", issue.number()).put("id", issue.id()).put("node_id", issue.nodeId())
                        .put("url", issue.url());
            }
            case COMMENT -> {
                String repo = text(p, "repo");
                int number = integer(p, "number");
                String marker = HiddenMarkers.effective(p.path("marker").asText(null), key);
                Optional<Long> existing = mayHaveRun ? gateway.findCommentByMarker(repo, number, marker)
                        : Optional.empty();
                long id = existing.orElseGet(() -> gateway.comment(repo, number,
                        HiddenMarkers.ensureIn(text(p, "body"), marker)));
                result.put("id", id);
            }
            case REPLACE_BODY_SECTION -> {
                String repo = text(p, "repo");
                int number = integer(p, "number");
                GitHubTypes.Issue issue = gateway.issue(repo, number).orElseThrow(() -> new GitHubException.Permanent(
                        404, "issue " + repo + "#" + number + " not found", null));
                String body = issue.body() == null ? "" : issue.body();
                String updated = BodySections.replace(body, text(p, "section"), p.path("content").asText(""));
                boolean changed = !updated.equals(body);
                if (changed) {
                    gateway.updateIssueBody(repo, number, updated);
                }
                result.put("changed", changed);
            }
            case CLOSE_ISSUE -> gateway.closeIssue(text(p, "repo"), integer(p, "number"),
                    p.path("state_reason").asText("completed"));
            case REOPEN_ISSUE -> gateway.reopenIssue(text(p, "repo"), integer(p, "number"));
            case ENSURE_MILESTONE -> result.put("number", gateway.ensureMilestone(text(p, "repo"), text(p, "title")));
            case ADD_SUB_ISSUE -> {
                String repo = text(p, "repo");
                int parent = integer(p, "parent_number");
                long child = longValue(p, "child_id");
                if (!(mayHaveRun && gateway.subIssueIds(repo, parent).contains(child))) {
                    gateway.addSubIssue(repo, parent, child);
                }
            }
            case ENSURE_BOARD_OPTION -> {
                GitHubTypes.BoardField field = field(board(p), text(p, "field"));
                String name = text(p, "option");
                if (!field.singleSelect()) {
                    // a text, number or date field takes the value itself: there is no option to add
                    result.put("option_id", "").put("option", name);
                    return result;
                }
                Optional<GitHubTypes.Option> option = field.option(name);
                if (option.isEmpty()) {
                    // GitHub replaces the whole option list: send every existing option back, ids included
                    List<GitHubTypes.Option> options = new ArrayList<>(field.options());
                    options.add(GitHubTypes.Option.named(name));
                    option = gateway.setFieldOptions(field.id(), options).option(name);
                }
                GitHubTypes.Option chosen = option.orElseThrow(() -> new GitHubException.Transient(
                        "option \"" + name + "\" missing after it was added", null));
                result.put("option_id", chosen.id()).put("option", chosen.name());
            }
            case ADD_BOARD_ITEM -> result.put("item_id",
                    gateway.addBoardItem(board(p).nodeId(), text(p, "content_node_id")));
            case SET_BOARD_FIELD -> {
                GitHubTypes.Board board = board(p);
                GitHubTypes.BoardField field = field(board, text(p, "field"));
                gateway.setBoardFieldValue(board.nodeId(), text(p, "item_id"), field.id(), BoardFieldValues.of(field, p));
            }
            default -> throw new IllegalArgumentException("unknown write kind " + kind);
        }
        return result;
    }

    /** The payload fields each kind needs; checked when a write is enqueued, so a bad write fails its caller. */
    public static List<String> requiredFields(WriteKind kind) {
        return switch (kind) {
            case CREATE_ISSUE -> List.of("repo", "title");
            case COMMENT -> List.of("repo", "number", "body");
            case REPLACE_BODY_SECTION -> List.of("repo", "number", "section", "content");
            case CLOSE_ISSUE, REOPEN_ISSUE -> List.of("repo", "number");
            case ENSURE_MILESTONE -> List.of("repo", "title");
            case ADD_SUB_ISSUE -> List.of("repo", "parent_number", "child_id");
            case ENSURE_BOARD_OPTION -> List.of("org", "board_number", "field", "option");
            case ADD_BOARD_ITEM -> List.of("org", "board_number", "content_node_id");
            case SET_BOARD_FIELD -> List.of("org", "board_number", "item_id", "field");
        };
    }

    private GitHubTypes.Board board(JsonNode p) {
        String org = text(p, "org");
        int number = integer(p, "board_number");
        return gateway.board(org, number).orElseThrow(() -> new GitHubException.Permanent(404,
                "board " + org + "#" + number + " not found (or the bot cannot see it)", null));
    }

    private static GitHubTypes.BoardField field(GitHubTypes.Board board, String name) {
        return board.field(name).orElseThrow(() -> new GitHubException.Permanent(422, "board \"" + board.title()
                + "\" has no field \"" + name + "\"", null));
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("payload field \"" + field + "\" is missing");
        }
        return v.asText();
    }

    private static long longValue(JsonNode p, String field) {
        String value = text(p, field);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("payload field \"" + field + "\" is not a number: " + value);
        }
    }

    private static int integer(JsonNode p, String field) {
        return Math.toIntExact(longValue(p, field));
    }

    private static Integer optionalInt(JsonNode p, String field) {
        return p.hasNonNull(field) && !p.get(field).asText().isBlank() ? integer(p, field) : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            values.add(v.asText());
        }
        return values;
    }
}
