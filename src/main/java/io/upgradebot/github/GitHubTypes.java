package io.upgradebot.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plain values crossing the {@link GitHubGateway} port (no hub4j types leak out). */
public final class GitHubTypes {
    private GitHubTypes() {
    }

    public record Repo(String fullName, long id, String nodeId, boolean archived, String defaultBranch,
            String htmlUrl) {
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

    /**
     * A board field with GitHub's {@code dataType} ({@code SINGLE_SELECT}, {@code TEXT}, {@code NUMBER}, {@code DATE},
     * {@code ITERATION}, or a built-in such as {@code TITLE}); {@code options} only for single-selects.
     */
    public record BoardField(String id, String name, String dataType, List<Option> options) {
        public static final String SINGLE_SELECT = "SINGLE_SELECT";
        public static final String TEXT = "TEXT";
        public static final String NUMBER = "NUMBER";
        public static final String DATE = "DATE";

        public Optional<Option> option(String name) {
            return options.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
        }

        public boolean singleSelect() {
            return SINGLE_SELECT.equals(dataType);
        }
    }

    /**
     * A value for {@code updateProjectV2ItemFieldValue}: exactly one of GitHub's {@code ProjectV2FieldValue} members,
     * named as GitHub names it ({@code text}, {@code number}, {@code date}, {@code singleSelectOptionId}).
     */
    public record FieldValue(String member, Object value) {
        public static FieldValue text(String text) {
            return new FieldValue("text", text);
        }

        public static FieldValue number(double number) {
            return new FieldValue("number", number);
        }

        public static FieldValue date(java.time.LocalDate date) {
            return new FieldValue("date", date.toString());
        }

        public static FieldValue singleSelect(String optionId) {
            return new FieldValue("singleSelectOptionId", optionId);
        }
    }

    /**
     * An issue created (or found) with its sub-issue link and board item: {@code itemId} is empty without a board,
     * {@code linked} false without a parent.
     */
    public record LinkedIssue(Issue issue, String itemId, boolean linked) {
    }

    /** One field of a board item to write: {@code name} for people (and GitHub's errors), {@code fieldId} for GitHub. */
    public record FieldWrite(String name, String fieldId, FieldValue value) {
    }

    public record Board(String nodeId, String org, int number, String title, List<BoardField> fields) {
        public Optional<BoardField> field(String name) {
            return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        }
    }
}
