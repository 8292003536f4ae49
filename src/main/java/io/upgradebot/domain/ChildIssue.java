package io.upgradebot.domain;

/**
 * A repository issue of a project, as listed in the roadmap issue.
 *
 * @param repo        the repository
 * @param number      the issue number in that repository
 * @param closed      true once closed (any reason)
 * @param closeReason why it was closed when closed (null: completed, or open)
 */
public record ChildIssue(RepoRef repo, int number, boolean closed, CloseReason closeReason) {

    public ChildIssue(RepoRef repo, int number, boolean closed) {
        this(repo, number, closed, null);
    }

    /** {@code openedx/edx-platform#12}: GitHub links it and shows the issue title and state. */
    public String reference() {
        return repo.fullName() + "#" + number;
    }

    /** Closed for another reason than done (not planned, duplicate): shown struck through, with the reason. */
    public boolean closedUndone() {
        return closed && closeReason != null && closeReason != CloseReason.COMPLETED;
    }

    /**
     * Its task list line: {@code - [x] org/repo#12}; closed without being done, still ticked (it needs no more work)
     * but struck through with the reason: {@code - [x] ~~org/repo#12~~ (not planned)}.
     */
    public String taskLine() {
        if (closedUndone()) {
            return "- [x] ~~" + reference() + "~~ (" + closeReason.words() + ")";
        }
        return "- [" + (closed ? "x" : " ") + "] " + reference();
    }
}
