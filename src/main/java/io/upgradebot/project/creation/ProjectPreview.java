package io.upgradebot.project.creation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code /upgrade new} would create, shown before anything is written ("Preview only", runbook steps
 * Identify, Schedule and Determine Scope).
 *
 * @param boardFields field → value set on every repository item; empty when no board is configured
 * @param roadmapBoard "org #number" of the roadmap board the roadmap issue is added to; null when none
 * @param roadmapBoardFields field → option the roadmap issue's item gets there
 * @param subIssueLinks how many repository issues become sub-issues of the roadmap issue (GitHub allows 100 per
 *                      parent, same owner only); the roadmap issue's list names all of them anyway
 */
public record ProjectPreview(long projectId, String name, String slug, String roadmapRepo, String roadmapTitle,
        List<String> roadmapLabels, String repoIssueTitle, List<String> repos, List<UnreachableRepo> unreachable,
        String searchQuery, String release, LocalDate completionDate, String completionReason, boolean needsDate,
        String overlapWarning, String orchestrationTeam, String docsUrl, String board, Map<String, String> boardFields,
        int subIssueLinks, String requestedBy, String roadmapBoard, Map<String, String> roadmapBoardFields) {
}
