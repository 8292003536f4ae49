package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batches of at most 100 ids, GitHub's answers parsed, and its errors told apart (a missing node is an answer). */
class IssueBoardStateReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers every id with an open issue, except ids starting with "gone", which GitHub answers null. */
    private static JsonNode answer(ObjectNode request) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode nodes = root.putObject("data").putArray("nodes");
        ArrayNode errors = JSON.createArrayNode();
        JsonNode ids = request.path("variables").path("ids");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).asText();
            if (id.startsWith("gone")) {
                nodes.addNull();
                ObjectNode e = errors.addObject().put("type", "NOT_FOUND").put("message", "Could not resolve");
                e.putArray("path").add("nodes").add(i);
                continue;
            }
            ObjectNode n = nodes.addObject().put("__typename", "Issue").put("id", id).put("number", 7)
                    .put("title", "Upgrade").put("url", "https://github.com/o/r/issues/7").put("state", "CLOSED")
                    .put("stateReason", "NOT_PLANNED");
            n.putObject("repository").put("nameWithOwner", "o/r");
            n.putObject("timelineItems").putArray("nodes").addObject().put("__typename", "ClosedEvent")
                    .put("createdAt", "2026-11-30T10:00:00Z").putObject("actor").put("login", "alice");
            ObjectNode item = n.putObject("projectItems").putArray("nodes").addObject().put("id", "PVTI_" + id);
            item.putObject("project").put("id", "PVT_board");
            ObjectNode v = item.putObject("fieldValueByName").put("name", "Owner reviews")
                    .put("updatedAt", "2026-11-30T11:00:00Z");
            v.putObject("creator").put("login", "jane");
        }
        if (!errors.isEmpty()) {
            root.set("errors", errors);
        }
        return root;
    }

    @Test
    void readsInBatchesOfAtMostOneHundredAndTellsMissingNodesApart() {
        List<Integer> batchSizes = new ArrayList<>();
        IssueBoardStateReader reader = new IssueBoardStateReader(request -> {
            batchSizes.add(request.path("variables").path("ids").size());
            assertEquals("Owner Does", request.path("variables").path("field").asText());
            return answer(request);
        });
        List<String> ids = new ArrayList<>(IntStream.range(0, 249).mapToObj(i -> "I_" + i).toList());
        ids.add("gone_1");

        IssueBoardStateReader.Batch batch = reader.read(ids, "Owner Does");

        assertEquals(List.of(100, 100, 50), batchSizes);
        assertEquals(3, batch.requests());
        assertEquals(249, batch.issues().size());
        assertEquals(java.util.Set.of("gone_1"), batch.missing());
        IssueBoardStateReader.IssueState s = batch.issues().get("I_5");
        assertFalse(s.open());
        assertEquals("NOT_PLANNED", s.stateReason());
        assertEquals("alice", s.changedBy());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), s.changedAt());
        assertEquals("o/r", s.repo());
        IssueBoardStateReader.BoardItem item = s.itemOn("PVT_board").orElseThrow();
        assertEquals("Owner reviews", item.value());
        assertEquals("jane", item.setBy());
        assertTrue(s.itemOn("PVT_other").isEmpty());
    }

    @Test
    void nothingToReadSendsNothing() {
        IssueBoardStateReader reader = new IssueBoardStateReader(request -> {
            throw new AssertionError("no request expected");
        });
        IssueBoardStateReader.Batch batch = reader.read(java.util.Arrays.asList(null, " "), "Owner Does");
        assertEquals(0, batch.requests());
        assertTrue(batch.issues().isEmpty());
    }

    @Test
    void graphqlRateLimitAndOtherErrorsAreFailuresNotMissingIssues() {
        IssueBoardStateReader limited = new IssueBoardStateReader(request -> {
            ObjectNode root = JSON.createObjectNode().putNull("data");
            root.putArray("errors").addObject().put("type", "RATE_LIMITED").put("message",
                    "API rate limit exceeded for installation ID 1.");
            return root;
        });
        GitHubException.RateLimited e = assertThrows(GitHubException.RateLimited.class,
                () -> limited.read(List.of("I_1"), "Owner Does"));
        assertFalse(e.secondary());

        IssueBoardStateReader refused = new IssueBoardStateReader(request -> {
            ObjectNode root = JSON.createObjectNode().putNull("data");
            root.putArray("errors").addObject().put("type", "FORBIDDEN").put("message", "Resource not accessible");
            return root;
        });
        assertThrows(GitHubException.Permanent.class, () -> refused.read(List.of("I_1"), "Owner Does"));
    }

    @Test
    void anItemWithoutAValueHasNone() {
        IssueBoardStateReader reader = new IssueBoardStateReader(request -> {
            ObjectNode root = (ObjectNode) answer(request);
            ObjectNode item = (ObjectNode) root.path("data").path("nodes").get(0).path("projectItems").path("nodes")
                    .get(0);
            item.putNull("fieldValueByName");
            return root;
        });
        IssueBoardStateReader.BoardItem item = reader.read(List.of("I_1"), "Owner Does").issues().get("I_1")
                .itemOn("PVT_board").orElseThrow();
        assertNull(item.value());
        assertNull(item.setBy());
    }
}
