package io.upgradebot.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plain values crossing the {@link GitHubGateway} port (no hub4j types leak out). */
public final class GitHubTypes {
    private GitHubTypes() {
    }

    public record Repo(String fullName, long id, String nodeId, boolean archived, String defaultBranch, String htmlUrl) {
    }

    /** {@code id} is the numeric id (sub-issues API), {@code nodeId} the GraphQL id (Projects v2). */
    public record Issue(String repo, int number, long id, String nodeId, String url, String state, String body,
            String author, Instant updatedAt) {
    }

    public record NewIssue(String title, String body, List<String> labels, Integer milestone) {
    }

    public record Option(String id, String name, String color, String description) {
        public static Option named(String name) {
            return new Option(null, name, "GRAY", "");
        }
    }

    public record BoardField(String id, String name, List<Option> options) {
        public Optional<Option> option(String name) {
            return options.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    public record Board(String nodeId, String org, int number, String title, List<BoardField> fields) {
        public Optional<BoardField> field(String name) {
            return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        }
    }
}
