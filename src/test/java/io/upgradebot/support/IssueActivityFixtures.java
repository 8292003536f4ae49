package io.upgradebot.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub GraphQL answers to the issue-activity query ({@code nodes(ids:)}), shaped as GitHub shapes them: issues
 * with their timeline items (comments with author, events with actor, {@code __typename} Bot for app accounts),
 * {@code closedByPullRequestsReferences}, nulls plus NOT_FOUND errors for ids that no longer resolve.
 */
public final class IssueActivityFixtures {
    private IssueActivityFixtures() {
    }

    /** One issue node. {@code timeline} items come from {@link #comment} and {@link #event}. */
    public static String issue(String nodeId, String repo, int number, boolean open, Instant createdAt, String prState,
            String... timeline) {
        String prs = prState == null
                ? ""
                : "{\"state\":\"" + prState + "\",\"merged\":" + "MERGED".equals(prState) + "}";
        return """
                {"__typename":"Issue","id":"%s","number":%d,"title":"Upgrade to Django 5.2","url":"https://github.com/%s/issues/%d",
                 "state":"%s","createdAt":"%s","closedAt":%s,"lastEditedAt":null,"repository":{"nameWithOwner":"%s"},
                 "editor":null,"timelineItems":{"nodes":[%s]},"closedByPullRequestsReferences":{"nodes":[%s]}}"""
                .formatted(nodeId, number, repo, number, open ? "OPEN" : "CLOSED", createdAt,
                        open ? "null" : "\"" + createdAt.plusSeconds(86400) + "\"", repo, String.join(",", timeline),
                        prs);
    }

    public static String comment(String login, boolean bot, Instant at) {
        return """
                {"__typename":"IssueComment","createdAt":"%s","lastEditedAt":null,"author":{"__typename":"%s","login":"%s"},"editor":null}"""
                .formatted(at, bot ? "Bot" : "User", login);
    }

    public static String event(String type, String login, boolean bot, Instant at) {
        return """
                {"__typename":"%s","createdAt":"%s","actor":{"__typename":"%s","login":"%s"}}"""
                .formatted(type, at, bot ? "Bot" : "User", login);
    }

    /** The whole answer: {@code nodes} in id order (a null node for an id that no longer resolves). */
    public static String answer(String viewer, List<String> nodes, List<String> missingIds) {
        List<String> all = new ArrayList<>(nodes);
        missingIds.forEach(id -> all.add("null"));
        StringBuilder errors = new StringBuilder();
        for (String id : missingIds) {
            if (errors.length() > 0) {
                errors.append(',');
            }
            errors.append("""
                    {"type":"NOT_FOUND","path":["nodes",%d],"locations":[{"line":3,"column":3}],
                     "message":"Could not resolve to a node with the global id of '%s'."}""".formatted(nodes.size(),
                    id));
        }
        return "{\"data\":{\"viewer\":{\"login\":\"" + viewer + "\"},\"nodes\":[" + String.join(",", all) + "]}"
                + (missingIds.isEmpty() ? "" : ",\"errors\":[" + errors + "]") + "}";
    }
}
