package io.upgradebot.project.status;

import io.upgradebot.domain.ProjectState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as its status message, {@code /upgrade status} and the final summary show it: a snapshot taken from
 * the database and the write queue. Lists are complete; the Slack views cap what they show.
 *
 * @param state        the project's state
 * @param progress     while the GitHub writes of the project run (state CREATING), else null
 * @param levels       per Owner Does level (TBD first, then the configured levels in order), in-scope repositories
 * @param tbd          in-scope repositories still at TBD
 * @param failures     GitHub writes of this project that failed for good, with GitHub's reason
 * @param closedUndone of {@code issuesClosed}, how many were closed without the work being done, per reason in
 *                     words ("not planned", "duplicate"); empty when none
 * @param boardStatuses per board Status value, in-scope repositories on the board; empty until a person changed
 *                     one (before that every item has the Status the bot gave it)
 */
public record ProjectStatus(long projectId, String slug, String name, ProjectState state, String roadmapRepo,
        Integer roadmapIssueNumber, String roadmapIssueUrl, String release, LocalDate completionDate,
        String completionReason, String orchestrationTeam, String docsUrl, String channelId, String createdBy,
        Instant createdAt, int repositories, int issuesCreated, int issuesOpen, int issuesClosed,
        List<LevelCount> levels,
        List<RepoLine> tbd, Progress progress, List<Failure> failures, String overlapWarning, String boardUrl,
        List<Count> closedUndone, List<Count> boardStatuses) {

    /** Without close reasons and board statuses (as before they were shown). */
    public ProjectStatus(long projectId, String slug, String name, ProjectState state, String roadmapRepo,
            Integer roadmapIssueNumber, String roadmapIssueUrl, String release, LocalDate completionDate,
            String completionReason, String orchestrationTeam, String docsUrl, String channelId, String createdBy,
            Instant createdAt, int repositories, int issuesCreated, int issuesOpen, int issuesClosed,
            List<LevelCount> levels, List<RepoLine> tbd, Progress progress, List<Failure> failures,
            String overlapWarning, String boardUrl) {
        this(projectId, slug, name, state, roadmapRepo, roadmapIssueNumber, roadmapIssueUrl, release, completionDate,
                completionReason, orchestrationTeam, docsUrl, channelId, createdBy, createdAt, repositories,
                issuesCreated, issuesOpen, issuesClosed, levels, tbd, progress, failures, overlapWarning, boardUrl,
                List.of(), List.of());
    }

    /** A value and how many repositories have it. */
    public record Count(String value, int count) {
    }

    public record LevelCount(String level, String label, int count) {
    }

    /** One repository: its issue link when created, its owner when known. */
    public record RepoLine(String repo, String issueUrl, String owner) {
    }

    /**
     * Fan-out progress: repository issues created out of all, every GitHub write of the project, and the queue's
     * throttle ("GitHub asked us to slow down, resuming at …").
     */
    public record Progress(int issuesCreated, int issuesTotal, long writesDone, long writesTotal, long failed,
            Instant throttledUntil, String throttleReason) {
    }

    public record Failure(String what, String why) {
    }

    public boolean creating() {
        return state == ProjectState.CREATING;
    }
}
