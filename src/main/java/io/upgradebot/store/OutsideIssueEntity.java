package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.RepoIssueState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An issue of a project outside its repositories: an external dependency that needs a change or a release
 * (kind DEPENDENCY), or an operations ticket for another group (kind OPS, {@code target} names the group).
 */
@DynamicUpdate
@Entity
@Table(name = "outside_issue")
public class OutsideIssueEntity extends PanacheEntityBase {

    public static final String DEPENDENCY = "DEPENDENCY";
    public static final String OPS = "OPS";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    public String kind;
    public String target;
    public String repo;
    public String name;
    public String upstreamUrl;
    public String needed;
    /** The CREATE_ISSUE write's idempotency key (unique). */
    public String writeKey;
    public Integer issueNumber;
    public String issueUrl;

    @Enumerated(EnumType.STRING)
    public RepoIssueState issueState;
    /** Marked when the project finished: a follow-up issue asks to replace it or take over its maintenance. */
    public boolean inadequatelyMaintained;
    public String createdBy;
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = EntityClock.now();
    }

    public static List<OutsideIssueEntity> of(long projectId) {
        return list("projectId = ?1 order by id", projectId);
    }
}
