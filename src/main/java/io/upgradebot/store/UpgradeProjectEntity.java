package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.ProjectState;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;

/** One upgrade project ("Django 5.2"): the roadmap issue, its channel, its date. */
/*
 * Only the columns a transaction changed are written: several writers touch one row at once (a write's outcome
 * records the issue number while the status message records its ts), and writing every column would put back
 * the values one of them read before the other committed.
 */
@DynamicUpdate
@Entity
@Table(name = "upgrade_project")
public class UpgradeProjectEntity extends PanacheEntityBase {

    /** Lifecycle. PREVIEW writes nothing; CREATING while the fan-out runs; ACTIVE once created; CLOSED at the end. */

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    public String teamId;
    public String dependency;
    public String currentVersion;
    public String targetVersion;
    public String roadmapRepo;
    public String releaseName;
    public LocalDate completionDate;
    public String completionReason;
    public String orchestrationTeam;
    public String channelId;
    public String docsUrl;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public ProjectState state;

    public Integer roadmapIssueNumber;
    public Long roadmapIssueId;
    public String roadmapIssueNodeId;
    public String roadmapIssueUrl;
    public String statusChannelId;
    public String statusMessageTs;
    public Integer staleAfterDays;
    public String createdBy;
    /** Set by {@code /upgrade finish}; kept after a reopen (the round counts finishes). */
    public Instant finishedAt;
    public String finishedBy;
    public String finishReason;
    public int finishRound;
    /** A call for help on the open dependency issues waits for the issues being created. */
    public boolean helpCallPending;
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

    public static Optional<UpgradeProjectEntity> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<UpgradeProjectEntity> newestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
