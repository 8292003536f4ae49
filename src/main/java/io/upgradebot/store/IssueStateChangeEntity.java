package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.RepoIssueState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * History of repository issue states: one row each time an issue is seen opened, closed or reopened. Never updated,
 * only appended; the burndown is drawn from it.
 */
@Entity
@Table(name = "issue_state_change")
public class IssueStateChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    public Long projectRepoId;

    @Enumerated(EnumType.STRING)
    public RepoIssueState state;
    public Instant changedAt;

    /**
     * Sets the repository's issue state and, when that changes it, records the change now (inside the caller's
     * transaction). Every place that changes {@code ProjectRepoEntity.issueState} goes through here, so the history
     * and the current state cannot disagree.
     */
    public static void change(ProjectRepoEntity repo, RepoIssueState to) {
        if (to == null || to == repo.issueState) {
            return;
        }
        repo.issueState = to;
        IssueStateChangeEntity row = new IssueStateChangeEntity();
        row.projectId = repo.projectId;
        row.projectRepoId = repo.id;
        row.state = to;
        row.changedAt = EntityClock.now();
        row.persist();
    }

    public static List<IssueStateChangeEntity> ofProject(long projectId) {
        return list("projectId = ?1 order by changedAt, id", projectId);
    }

    /** One change as the burndown reads it (no entity loaded: a project of 500 repositories has thousands). */
    public record Change(long projectRepoId, Instant at, RepoIssueState state) {
    }

    public static List<Change> changesOf(long projectId) {
        return getEntityManager().createQuery("select c.projectRepoId, c.changedAt, c.state "
                + "from IssueStateChangeEntity c where c.projectId = :p", Object[].class)
                .setParameter("p", projectId).getResultList().stream()
                .map(r -> new Change((Long) r[0], (Instant) r[1], (RepoIssueState) r[2])).toList();
    }
}
