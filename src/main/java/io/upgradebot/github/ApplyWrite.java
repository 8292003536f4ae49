package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ChecklistLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one queued write against the gateway, following the payload contract in {@link WriteKind}. When an earlier
 * attempt may have reached GitHub ({@code mayHaveRun}), the write is looked for before it is repeated: a created issue
 * or comment by its hidden marker, a sub-issue link in the parent's list; the other kinds are idempotent as sent.
 */
public final class ApplyWrite {
    /** Reads of a body that keeps changing before the write is put off (and retried by the queue). */
    static final int CHECKLIST_ATTEMPTS = 5;
    private final GitHubGateway gateway;

    public ApplyWrite(GitHubGateway gateway) {
        this.gateway = gateway;
    }

    /** Answers the result fields of the kind (an empty object for kinds without a result). */
    public ObjectNode run(String key, WriteKind kind, JsonNode json, boolean mayHaveRun) {
        ObjectNode result = GitHubHttp.json().createObjectNode();
        WritePayload payload = WritePayload.parse(kind, json);
        if (payload instanceof WritePayload.CreateIssue p) {
            String repo = text(p.repo(), "repo");
            String marker = HiddenMarkers.effective(p.marker(), key);
            Optional<GitHubTypes.Issue> existing = mayHaveRun
                    ? gateway.findIssueByMarker(repo, marker)
                    : Optional.empty();
            GitHubTypes.Issue issue = existing.orElseGet(() -> gateway.createIssue(repo,
                    new GitHubTypes.NewIssue(text(p.title(), "title"), HiddenMarkers.ensureIn(
                            p.body() == null ? "" : p.body(), marker),
                            p.labels() == null ? List.of() : p.labels(),
                            p.milestone() == null || p.milestone().isBlank()
                                    ? null
                                    : p.milestone().asInt("milestone"))));
            result.put("number", issue.number()).put("id", issue.id()).put("node_id", issue.nodeId())
                    .put("url", issue.url());
        } else if (payload instanceof WritePayload.Comment p) {
            String repo = text(p.repo(), "repo");
            int number = integer(p.number(), "number");
            String marker = HiddenMarkers.effective(p.marker(), key);
            Optional<Long> existing = mayHaveRun
                    ? gateway.findCommentByMarker(repo, number, marker)
                    : Optional.empty();
            long id = existing.orElseGet(() -> gateway.comment(repo, number,
                    HiddenMarkers.ensureIn(text(p.body(), "body"), marker)));
            result.put("id", id);
        } else if (payload instanceof WritePayload.ReplaceBodySection p) {
            String repo = text(p.repo(), "repo");
            int number = integer(p.number(), "number");
            GitHubTypes.Issue issue = gateway.issue(repo, number).orElseThrow(() -> new GitHubException.Permanent(
                    404, "issue " + repo + "#" + number + " not found", null));
            String body = issue.body() == null ? "" : issue.body();
            String updated = BodySections.replace(body, text(p.section(), "section"),
                    p.content() == null ? "" : p.content());
            boolean changed = !updated.equals(body);
            if (changed) {
                gateway.updateIssueBody(repo, number, updated);
            }
            result.put("changed", changed);
        } else if (payload instanceof WritePayload.CloseIssue p) {
            gateway.closeIssue(text(p.repo(), "repo"), integer(p.number(), "number"),
                    p.stateReason() == null ? "completed" : p.stateReason());
        } else if (payload instanceof WritePayload.ReopenIssue p) {
            gateway.reopenIssue(text(p.repo(), "repo"), integer(p.number(), "number"));
        } else if (payload instanceof WritePayload.EnsureMilestone p) {
            result.put("number", gateway.ensureMilestone(text(p.repo(), "repo"), text(p.title(), "title")));
        } else if (payload instanceof WritePayload.AddSubIssue p) {
            String repo = text(p.repo(), "repo");
            int parent = integer(p.parentNumber(), "parent_number");
            long child = longValue(p.childId(), "child_id");
            if (!(mayHaveRun && gateway.subIssueIds(repo, parent).contains(child))) {
                gateway.addSubIssue(repo, parent, child);
            }
        } else if (payload instanceof WritePayload.EnsureBoardOption p) {
            GitHubTypes.BoardField field = field(board(p.org(), p.boardNumber()), text(p.field(), "field"));
            String name = text(p.option(), "option");
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
        } else if (payload instanceof WritePayload.AddBoardItem p) {
            result.put("item_id", gateway.addBoardItem(board(p.org(), p.boardNumber()).nodeId(),
                    text(p.contentNodeId(), "content_node_id")));
        } else if (payload instanceof WritePayload.SetBoardField p) {
            GitHubTypes.Board board = board(p.org(), p.boardNumber());
            GitHubTypes.BoardField field = field(board, text(p.field(), "field"));
            gateway.setBoardFieldValue(board.nodeId(), text(p.itemId(), "item_id"), field.id(),
                    BoardFieldValues.of(field, p.option(), p.optionId()));
        } else if (payload instanceof WritePayload.SetChecklistItems p) {
            setChecklistItems(text(p.repo(), "repo"), integer(p.number(), "number"),
                    p.items() == null ? List.of() : p.items(), result);
        }
        return result;
    }

    /**
     * GitHub has no conditional update of an issue body, so a person's edit landing between the read and the write
     * would be lost: the body is read again just before writing, and the change is made again on the fresh body
     * while it keeps moving.
     */
    private void setChecklistItems(String repo, int number, List<WritePayload.ChecklistItem> items,
            ObjectNode result) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        items.forEach(i -> wanted.put(i.text(), i.ticked()));
        String body = issueBody(repo, number);
        for (int attempt = 1; attempt <= CHECKLIST_ATTEMPTS; attempt++) {
            ChecklistLines.Result change = ChecklistLines.set(body, wanted);
            if (!change.changed()) {
                putChecklistResult(result, false, change.missing(), attempt);
                return;
            }
            String fresh = issueBody(repo, number);
            if (fresh.equals(body)) {
                gateway.updateIssueBody(repo, number, change.body());
                putChecklistResult(result, true, change.missing(), attempt);
                return;
            }
            body = fresh;
        }
        throw new GitHubException.Transient("the body of " + repo + "#" + number + " changed on every one of "
                + CHECKLIST_ATTEMPTS + " reads; trying again later", null);
    }

    private String issueBody(String repo, int number) {
        GitHubTypes.Issue issue = gateway.issue(repo, number).orElseThrow(() -> new GitHubException.Permanent(404,
                "issue " + repo + "#" + number + " not found", null));
        return issue.body() == null ? "" : issue.body();
    }

    private static void putChecklistResult(ObjectNode result, boolean changed, List<String> missing, int attempts) {
        result.put("changed", changed).put("attempts", attempts);
        ArrayNode list = result.putArray("missing");
        missing.forEach(list::add);
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
            case SET_CHECKLIST_ITEMS -> List.of("repo", "number", "items");
        };
    }

    private GitHubTypes.Board board(String orgName, WritePayload.Num boardNumber) {
        String org = text(orgName, "org");
        int number = integer(boardNumber, "board_number");
        return gateway.board(org, number).orElseThrow(() -> new GitHubException.Permanent(404,
                "board " + org + "#" + number + " not found (or the bot cannot see it)", null));
    }

    private static GitHubTypes.BoardField field(GitHubTypes.Board board, String name) {
        return board.field(name).orElseThrow(() -> new GitHubException.Permanent(422, "board \"" + board.title()
                + "\" has no field \"" + name + "\"", null));
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("payload field \"" + field + "\" is missing");
        }
        return value;
    }

    private static long longValue(WritePayload.Num value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("payload field \"" + field + "\" is missing");
        }
        return value.asLong(field);
    }

    private static int integer(WritePayload.Num value, String field) {
        return Math.toIntExact(longValue(value, field));
    }
}
