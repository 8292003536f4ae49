package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upgradebot.domain.HumanActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@link IssueActivityReader} over GitHub GraphQL: {@code nodes(ids: [...])} with each issue's recent timeline
 * (comments, state changes, edits, label/assignee changes, board moves, cross references), its last body edit and the
 * pull requests linked to close it. 100 issues per request, plus {@code viewer { login }} in the same request.
 */
@ApplicationScoped
public class GraphQlIssueActivityReader implements IssueActivityReader {

    private static final Logger LOG = Logger.getLogger(GraphQlIssueActivityReader.class);
    static final int BATCH = 100;

    // Board-move events (Projects v2) joined the public schema in 2025; GitHub Enterprise Server may not have them,
    // so a server that rejects them is asked again without.
    private static final String BOARD_TYPES = ", ADDED_TO_PROJECT_V2_EVENT, PROJECT_V2_ITEM_STATUS_CHANGED_EVENT";
    private static final String BOARD_FRAGMENTS = """
                  ... on AddedToProjectV2Event { createdAt actor { __typename login } }
                  ... on ProjectV2ItemStatusChangedEvent { createdAt actor { __typename login } }
            """;

    private static final String QUERY = """
            query IssueActivity($ids: [ID!]!) {
              viewer { login }
              nodes(ids: $ids) {
                __typename
                ... on Issue {
                  id number title url state createdAt closedAt lastEditedAt
                  repository { nameWithOwner }
                  editor { __typename login }
                  timelineItems(last: 30, itemTypes: [ISSUE_COMMENT, CLOSED_EVENT, REOPENED_EVENT, RENAMED_TITLE_EVENT,
                      LABELED_EVENT, UNLABELED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, MILESTONED_EVENT,
                      DEMILESTONED_EVENT, CROSS_REFERENCED_EVENT, CONNECTED_EVENT%s]) {
                    nodes {
                      __typename
                      ... on IssueComment { createdAt lastEditedAt author { __typename login } editor { __typename login } }
                      ... on ClosedEvent { createdAt actor { __typename login } }
                      ... on ReopenedEvent { createdAt actor { __typename login } }
                      ... on RenamedTitleEvent { createdAt actor { __typename login } }
                      ... on LabeledEvent { createdAt actor { __typename login } }
                      ... on UnlabeledEvent { createdAt actor { __typename login } }
                      ... on AssignedEvent { createdAt actor { __typename login } }
                      ... on UnassignedEvent { createdAt actor { __typename login } }
                      ... on MilestonedEvent { createdAt actor { __typename login } }
                      ... on DemilestonedEvent { createdAt actor { __typename login } }
                      ... on CrossReferencedEvent { createdAt actor { __typename login } }
                      ... on ConnectedEvent { createdAt actor { __typename login } }
            %s
                    }
                  }
                  closedByPullRequestsReferences(first: 10, includeClosedPrs: true) { nodes { state merged } }
                }
              }
            }
            """;

    private final Function<ObjectNode, JsonNode> transport;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean boardEvents = true;

    /** Over the gateway's GraphQL client: the same token or GitHub App installation token, timeouts and error mapping. */
    @Inject
    public GraphQlIssueActivityReader(GitHubSetup setup) {
        this(body -> setup.hubGateway().graphql(body));
    }

    GraphQlIssueActivityReader(Function<ObjectNode, JsonNode> transport) {
        this.transport = transport;
    }

    @Override
    public Batch read(Collection<String> issueNodeIds) {
        List<String> ids = issueNodeIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, IssueActivity> out = new LinkedHashMap<>();
        String viewer = null;
        int requests = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            JsonNode data;
            requests++;
            try {
                data = query(chunk);
            } catch (UnknownBoardEvents e) {
                LOG.info("this GitHub does not know Projects v2 timeline events; reading activity without board moves");
                boardEvents = false;
                requests++;
                data = query(chunk);
            }
            if (viewer == null) {
                viewer = data.path("viewer").path("login").asText(null);
            }
            for (JsonNode node : data.path("nodes")) {
                if (node.isObject() && "Issue".equals(node.path("__typename").asText())) {
                    IssueActivity a = parse(node);
                    out.put(a.nodeId(), a);
                }
            }
        }
        return new Batch(viewer, out, requests);
    }

    private static final class UnknownBoardEvents extends RuntimeException {
        UnknownBoardEvents(String message) {
            super(message);
        }
    }

    /** HTTP failures arrive mapped (rate limits with their retry time, 5xx transient); GraphQL's own errors here. */
    private JsonNode query(List<String> ids) {
        ObjectNode body = json.createObjectNode();
        body.put("query", boardEvents ? QUERY.formatted(BOARD_TYPES, BOARD_FRAGMENTS) : QUERY.formatted("", ""));
        ArrayNode idArray = body.putObject("variables").putArray("ids");
        ids.forEach(idArray::add);
        JsonNode root = transport.apply(body);
        for (JsonNode error : root.path("errors")) {
            String type = error.path("type").asText("");
            String message = error.path("message").asText("");
            if ("RATE_LIMITED".equals(type)) {
                throw new GitHubException.RateLimited("GraphQL rate limit: " + message, null,
                        message.toLowerCase(Locale.ROOT).contains("secondary"));
            }
            if (boardEvents && (message.contains("PROJECT_V2") || message.contains("ProjectV2"))) {
                throw new UnknownBoardEvents(message);
            }
            // NOT_FOUND: an issue deleted or no longer visible; its node is null and it is left out
            if (!"NOT_FOUND".equals(type) && (root.path("data").isMissingNode() || root.path("data").isNull())) {
                throw new GitHubException.Permanent(422, "GitHub GraphQL: " + message, null);
            }
        }
        return root.path("data");
    }

    private static IssueActivity parse(JsonNode n) {
        List<HumanActivity.Event> events = new ArrayList<>();
        instant(n, "lastEditedAt").ifPresent(at -> events.add(event(n.path("editor"), at)));
        for (JsonNode item : n.path("timelineItems").path("nodes")) {
            Optional<Instant> at = instant(item, "createdAt");
            if (at.isEmpty()) {
                continue;
            }
            JsonNode who = item.has("author") ? item.path("author") : item.path("actor");
            events.add(event(who, at.get()));
            instant(item, "lastEditedAt").ifPresent(edited -> events.add(event(item.path("editor"), edited)));
        }
        PullRequests prs = PullRequests.NONE;
        for (JsonNode pr : n.path("closedByPullRequestsReferences").path("nodes")) {
            if (pr.path("merged").asBoolean(false) || "MERGED".equals(pr.path("state").asText())) {
                prs = PullRequests.MERGED;
            } else if ("OPEN".equals(pr.path("state").asText()) && prs == PullRequests.NONE) {
                prs = PullRequests.OPEN;
            }
        }
        return new IssueActivity(n.path("id").asText(), n.path("repository").path("nameWithOwner").asText(null),
                n.path("number").asInt(), n.path("url").asText(null), n.path("title").asText(null),
                "OPEN".equals(n.path("state").asText()), instant(n, "createdAt").orElse(null),
                instant(n, "closedAt").orElse(null), List.copyOf(events), prs);
    }

    private static HumanActivity.Event event(JsonNode actor, Instant at) {
        String login = actor.isObject() ? actor.path("login").asText(null) : null;
        boolean bot = actor.isObject() && "Bot".equals(actor.path("__typename").asText());
        return new HumanActivity.Event(login, bot, at);
    }

    private static Optional<Instant> instant(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? Optional.of(Instant.parse(v.asText())) : Optional.empty();
    }
}
