package io.upgradebot.github;

import java.util.List;
import java.util.Optional;

/**
 * The only way the bot talks to GitHub: hub4j for REST, a small client for GraphQL (Projects v2) and sub-issues.
 *
 * <p>Failure semantics, for every method:
 * <ul>
 *   <li>{@link GitHubException.RateLimited}: primary or secondary rate limit; carries when to retry
 *       ({@code retry-after}, else {@code x-ratelimit-reset}, else unknown). Never sleeps on the caller's thread.</li>
 *   <li>{@link GitHubException.Transient}: 5xx, timeouts, connection failures; worth retrying.</li>
 *   <li>{@link GitHubException.Permanent}: a 4xx that cannot succeed as sent (validation, permissions, 404 on a write).</li>
 * </ul>
 * Reads that find nothing answer empty, not an exception. In dry-run, writes are logged and answer
 * plausible placeholders; reads still go to GitHub.
 */
public interface GitHubGateway {

    // --- reads ----------------------------------------------------------------------------------------

    /** The repository, or empty when it does not exist or this installation cannot see it. */
    Optional<GitHubTypes.Repo> repository(String fullName);

    /** Repository search ({@code org:openedx topic:django}); full names, up to {@code max}. */
    List<String> searchRepositories(String query, int max);

    /** Code search ({@code org:openedx filename:requirements.in django}); distinct repository full names. */
    List<String> searchCodeRepositories(String query, int max);

    /** An issue whose body contains {@code marker}, among the issues the bot created in {@code repo}. */
    Optional<GitHubTypes.Issue> findIssueByMarker(String repo, String marker);

    Optional<GitHubTypes.Issue> issue(String repo, int number);

    /** A comment on the issue whose body contains {@code marker}; its id. */
    Optional<Long> findCommentByMarker(String repo, int number, String marker);

    /** Text of a file on the default branch, empty when absent. */
    Optional<String> fileContent(String repo, String path);

    /** Numeric ids of the issue's sub-issues. */
    List<Long> subIssueIds(String repo, int parentNumber);

    /** A Projects v2 board with its fields, each with its data type (and its options when it is a single-select). */
    Optional<GitHubTypes.Board> board(String org, int number);

    /**
     * Whether this GitHub's {@code createIssue} takes {@code parentIssueId} and {@code projectV2Ids} (github.com
     * does; older GitHub Enterprise Server does not). Asked once (GraphQL introspection) and remembered; false
     * while GitHub cannot be asked, and then asked again next time.
     */
    boolean linkedCreateSupported();

    /**
     * The board as {@link #board} answers it, possibly remembered from a read a moment ago: for writing values,
     * where a value GitHub refuses (an option deleted since) fails alone and forgets the remembered board.
     */
    default Optional<GitHubTypes.Board> boardForValues(String org, int number) {
        return board(org, number);
    }

    /** Login of the account the bot writes as (PAT owner, or {@code app-slug[bot]}). */
    String botLogin();

    // --- writes (go through the write queue only) ------------------------------------------------------

    GitHubTypes.Issue createIssue(String repo, GitHubTypes.NewIssue issue);

    /** Adds a comment; answers its id. */
    long comment(String repo, int number, String body);

    void updateIssueBody(String repo, int number, String body);

    /** Closes the issue with state_reason {@code completed} or {@code not_planned}. */
    void closeIssue(String repo, int number, String stateReason);

    /** Reopens the issue (an open issue stays as it is). */
    void reopenIssue(String repo, int number);

    /** Number of the milestone with this title, created when missing. */
    int ensureMilestone(String repo, String title);

    /** Links {@code childIssueId} (numeric id, not number) as a sub-issue; already linked is success. */
    void addSubIssue(String repo, int parentNumber, long childIssueId);

    /** Adds the issue or PR (node id) to the board; answers the item id (existing item when already there). */
    String addBoardItem(String projectNodeId, String contentNodeId);

    /** Sets one field of a board item; the value's member must fit the field's data type. */
    void setBoardFieldValue(String projectNodeId, String itemId, String fieldId, GitHubTypes.FieldValue value);

    default void setBoardSingleSelect(String projectNodeId, String itemId, String fieldId, String optionId) {
        setBoardFieldValue(projectNodeId, itemId, fieldId, GitHubTypes.FieldValue.singleSelect(optionId));
    }

    /**
     * Creates the issue as a sub-issue of {@code parentNodeId} (when not null) and on the board
     * {@code projectNodeId} (when not null), in one GraphQL request. Needs {@link #linkedCreateSupported}.
     */
    GitHubTypes.LinkedIssue createLinkedIssue(String repo, GitHubTypes.NewIssue issue, String parentNodeId,
            String projectNodeId);

    /**
     * For an issue that exists: links it to {@code parentNodeId} and adds it to the board when it is not yet, and
     * answers its item id. Nothing is sent for what is already there.
     */
    GitHubTypes.LinkedIssue completeLinkedIssue(GitHubTypes.Issue issue, String parentNodeId, String projectNodeId);

    /**
     * Sets several fields of one board item in one request. Answers, per field name GitHub refused, its reason; the
     * fields not named are set.
     */
    java.util.Map<String, String> setBoardFieldValues(String projectNodeId, String itemId,
            List<GitHubTypes.FieldWrite> values);

    /**
     * Replaces a single-select field's option list. GitHub replaces the whole list: callers pass every existing
     * option (with its id) plus the new ones, or values on existing items are orphaned. Answers the field after.
     */
    GitHubTypes.BoardField setFieldOptions(String fieldId, List<GitHubTypes.Option> options);
}
