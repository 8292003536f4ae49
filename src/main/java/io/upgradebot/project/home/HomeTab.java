package io.upgradebot.project.home;

import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.ProjectState;
import java.time.LocalDate;
import java.util.List;

/**
 * What one person's Home tab shows, as data (slack/view renders it): a page of the repositories their teams own that
 * still need an Owner Does level, their stale issues, and, for orchestrators, the projects under way.
 *
 * @param pending      this page of the pending repositories ({@link ShowHomeTab#PAGE_SIZE} at most)
 * @param pendingTotal all pending repositories over all pages
 * @param stale        the stalest of their issues ({@link ShowHomeTab#STALE_MAX} at most)
 * @param projects     projects under way, newest first ({@link ShowHomeTab#PROJECTS_MAX} at most); empty unless
 *                     {@code orchestrator}
 */
public record HomeTab(String userId, boolean orchestrator, List<OwnerDoesLevel> levels, List<Pending> pending,
        int pendingTotal, int page, int pages, List<StaleIssue> stale, int staleTotal,
        List<RunningProject> projects, int projectsTotal, LocalDate today) {

    /** A repository of one of the person's teams whose Owner Does level is still TBD. */
    public record Pending(long projectRepoId, long projectId, String projectName, String repo, String issueUrl,
            String ownerTeam) {
    }

    /** An open issue of one of the person's teams with no human activity for {@code idleDays}. */
    public record StaleIssue(long projectRepoId, String projectName, String repo, String issueUrl, long idleDays,
            boolean tbd) {
    }

    /**
     * A project under way: its progress (issues closed, levels chosen, of {@code repositories}) and its next
     * deadline (the completion date; {@code daysLeft} negative once past).
     */
    public record RunningProject(long id, String slug, String name, ProjectState state, String channelId,
            int repositories, int issuesClosed, int chosen, LocalDate completionDate, Long daysLeft,
            String roadmapIssueUrl) {
    }

    public int firstIndex() {
        return page * ShowHomeTab.PAGE_SIZE;
    }
}
