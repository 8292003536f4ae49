package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads, for many repository issues at once, what the reconciliation compares with the bot's record: each issue's
 * state (and why it was closed, and by whom), the repository it is in now, and its items on boards with one field's
 * value (who set it, when). GraphQL {@code nodes(ids: [...])}, at most 100 ids a request (GitHub's limit): ⌈N/100⌉
 * requests for N issues, never one per issue.
 *
 * <p>Failure semantics as {@link GitHubGateway}: {@link GitHubException.RateLimited} (with when to retry, from
 * {@code retry-after} / {@code x-ratelimit-reset} or GraphQL's {@code RATE_LIMITED}), {@link GitHubException.Transient},
 * {@link GitHubException.Permanent}. An issue that no longer exists or cannot be seen is answered in
 * {@link Batch#missing()}, not as an error (GitHub answers its node as null with a {@code NOT_FOUND} error).
 * Reads only: never goes through the write queue.
 */
@ApplicationScoped
public class IssueBoardStateReader {

    /** GitHub refuses more than 100 ids in one {@code nodes} call. */
    public static final int BATCH = 100;

    static final String QUERY = """
            query IssueBoardState($ids: [ID!]!, $field: String!) {
              nodes(ids: $ids) {
                __typename
                ... on Issue {
                  id number title url state stateReason closedAt
                  repository { nameWithOwner }
                  timelineItems(last: 1, itemTypes: [CLOSED_EVENT, REOPENED_EVENT]) {
                    nodes {
                      __typename
                      ... on ClosedEvent { createdAt actor { login } }
                      ... on ReopenedEvent { createdAt actor { login } }
                    }
                  }
                  projectItems(first: 20) {
                    nodes {
                      id
                      project { id }
                      fieldValueByName(name: $field) {
                        ... on ProjectV2ItemFieldSingleSelectValue { name updatedAt creator { login } }
                        ... on ProjectV2ItemFieldTextValue { text updatedAt creator { login } }
                      }
                    }
                  }
                }
              }
            }
            """;

    /**
     * One board item of the issue.
     *
     * @param value     the field's option name (single-select) or text; null when unset
     * @param setBy     login of whoever set that value, null when unknown
     * @param updatedAt when the value was set, null when unknown
     */
    public record BoardItem(String itemId, String projectNodeId, String value, String setBy, Instant updatedAt) {
    }

    /**
     * An issue as GitHub has it now.
     *
     * @param repo          {@code owner/name} of the repository the issue is in now (differs after a transfer)
     * @param stateReason   GitHub's {@code COMPLETED}, {@code NOT_PLANNED}, {@code REOPENED}, or null
     * @param changedBy     who last closed or reopened it, null when never or unknown
     * @param changedAt     when that happened
     */
    public record IssueState(String nodeId, String repo, int number, String title, String url, boolean open,
            String stateReason, String changedBy, Instant changedAt, List<BoardItem> boardItems) {

        public java.util.Optional<BoardItem> itemOn(String projectNodeId) {
            return boardItems.stream().filter(i -> i.projectNodeId() != null
                    && i.projectNodeId().equals(projectNodeId)).findFirst();
        }
    }

    /** {@code missing}: ids GitHub answered null for (deleted, or no longer visible); {@code requests}: sent. */
    public record Batch(Map<String, IssueState> issues, Set<String> missing, int requests) {
    }

    private final Function<ObjectNode, JsonNode> transport;

    /** Over the gateway's GraphQL client: the same token or installation token, timeouts and error mapping. */
    @Inject
    public IssueBoardStateReader(GitHubSetup setup) {
        this(body -> setup.hubGateway().graphql(body));
    }

    IssueBoardStateReader(Function<ObjectNode, JsonNode> transport) {
        this.transport = transport;
    }

    /** Reads {@code issueNodeIds}, with each board item's value of the field named {@code fieldName}. */
    public Batch read(Collection<String> issueNodeIds, String fieldName) {
        List<String> ids = issueNodeIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, IssueState> out = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        int requests = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            requests++;
            JsonNode nodes = query(chunk, fieldName).path("nodes");
            for (int i = 0; i < chunk.size(); i++) {
                JsonNode node = nodes.path(i);
                if (node.isObject() && "Issue".equals(node.path("__typename").asText())) {
                    IssueState s = parse(node);
                    out.put(chunk.get(i), s);
                } else {
                    missing.add(chunk.get(i)); // null: deleted or not visible; another type: not an issue any more
                }
            }
        }
        return new Batch(out, missing, requests);
    }

    private JsonNode query(List<String> ids, String fieldName) {
        ObjectNode body = GitHubHttp.json().createObjectNode();
        body.put("query", QUERY);
        ObjectNode vars = body.putObject("variables");
        ArrayNode idArray = vars.putArray("ids");
        ids.forEach(idArray::add);
        vars.put("field", fieldName == null ? "" : fieldName);
        JsonNode root = transport.apply(body);
        for (JsonNode error : root.path("errors")) {
            String type = error.path("type").asText("");
            String message = error.path("message").asText("");
            if ("RATE_LIMITED".equals(type)) {
                throw new GitHubException.RateLimited("GraphQL rate limit: " + message, null,
                        message.toLowerCase(Locale.ROOT).contains("secondary"));
            }
            // NOT_FOUND for one id leaves its node null and the others answered: that is an answer, not a failure
            if (!"NOT_FOUND".equals(type)) {
                throw new GitHubException.Permanent(422, "GitHub GraphQL: " + message, null);
            }
        }
        if (!root.path("data").path("nodes").isArray()) {
            throw new GitHubException.Transient("GitHub GraphQL answered no nodes", null);
        }
        return root.path("data");
    }

    private static IssueState parse(JsonNode n) {
        String changedBy = null;
        Instant changedAt = null;
        JsonNode events = n.path("timelineItems").path("nodes");
        if (events.isArray() && !events.isEmpty()) {
            JsonNode last = events.get(events.size() - 1);
            changedBy = text(last.path("actor"), "login");
            changedAt = instant(last, "createdAt");
        }
        List<BoardItem> items = new ArrayList<>();
        for (JsonNode item : n.path("projectItems").path("nodes")) {
            if (!item.hasNonNull("id")) {
                continue;
            }
            JsonNode v = item.path("fieldValueByName");
            String value = v.hasNonNull("name") ? v.get("name").asText() : text(v, "text");
            items.add(new BoardItem(item.get("id").asText(), text(item.path("project"), "id"), value,
                    text(v.path("creator"), "login"), instant(v, "updatedAt")));
        }
        return new IssueState(n.path("id").asText(), text(n.path("repository"), "nameWithOwner"),
                n.path("number").asInt(), text(n, "title"), text(n, "url"), "OPEN".equals(n.path("state").asText()),
                text(n, "stateReason"), changedBy, changedAt, List.copyOf(items));
    }

    private static String text(JsonNode n, String field) {
        return n != null && n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
