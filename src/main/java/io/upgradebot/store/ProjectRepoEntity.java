package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.CloseReason;
import io.upgradebot.domain.RepoIssueState;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;

/** One impacted repository of a project: its issue, board item, owner and Owner Does level. */
/*
 * Only the columns a transaction changed are written: several writers touch one row at once (a write's outcome
 * records the issue number while the status message records its ts), and writing every column would put back
 * the values one of them read before the other committed.
 */
@DynamicUpdate
@Entity
@Table(name = "project_repo")
public class ProjectRepoEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    /** {@code owner/name} */
    public String repo;
    public String ownerTeam;
    /** where the owner came from: catalog-info, codeowners, mapping; null when unknown */
    public String ownerSource;
    /** the Owner Does level key; "TBD" until chosen */
    public String ownerDoes;
    public Integer issueNumber;
    public Long issueId;
    public String issueNodeId;
    public String issueUrl;
    public String boardItemId;
    /** As last seen; stored by name. */

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public RepoIssueState issueState;
    /** Why GitHub says the issue was closed, while it is closed (null: open, or closed before this was kept). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public CloseReason issueCloseReason;
    /** The board's Status as a person last set it; null: as the bot wrote it when it created the item. */
    public String boardStatus;
    /** false once removed from scope */
    public boolean inScope;
    public Instant lastHumanActivityAt;
    public Instant createdAt;
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = EntityClock.now();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = EntityClock.now();
    }

    public static List<ProjectRepoEntity> inScopeOf(long projectId) {
        return list("projectId = ?1 and inScope = true order by repo", projectId);
    }

    /** In-scope repositories per stored Owner Does key (as stored: unknown keys included). */
    public static Map<String, Long> countByOwnerDoes(long projectId) {
        Map<String, Long> out = new LinkedHashMap<>();
        getEntityManager().createQuery("select r.ownerDoes, count(r) from ProjectRepoEntity r "
                + "where r.projectId = :p and r.inScope = true group by r.ownerDoes", Object[].class)
                .setParameter("p", projectId).getResultList().forEach(r -> out.put((String) r[0], (Long) r[1]));
        return out;
    }

    public static Optional<ProjectRepoEntity> find(long projectId, String repo) {
        return find("projectId = ?1 and lower(repo) = lower(?2)", projectId, repo).firstResultOptional();
    }
}
