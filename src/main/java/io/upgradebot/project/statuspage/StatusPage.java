package io.upgradebot.project.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as its status page (and {@code GET /api/projects/{slug}}) shows it: a read-only snapshot.
 *
 * @param percentDone    closed repository issues out of the in-scope repositories, 0-100
 * @param chartQuery     {@code exp=…&sig=…} of the link that opened the page, for its chart images
 * @param burndownEmpty  no issue history yet: the page says so under the (empty) chart
 */
public record StatusPage(String slug, String name, String state, LocalDate completionDate, String release,
        String orchestrationTeam, String roadmapIssueUrl, String boardUrl, int repositories, int issuesOpen,
        int issuesClosed, int percentDone, List<Level> levels, List<Repository> rows, boolean burndownEmpty,
        String burndownNote, String chartQuery) {

    public record Level(String label, int count) {
    }

    /**
     * One in-scope repository.
     *
     * @param status "open", "closed", or "no issue yet"
     */
    public record Repository(String repo, String repoUrl, String owner, String ownerDoes, String status,
            String issueUrl, Instant lastHumanActivity) {
    }
}
