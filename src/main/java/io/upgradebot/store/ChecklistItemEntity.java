package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One runbook checklist item of a project: the state last wanted, by whom and when. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItemEntity extends PanacheEntityBase {

    /** Where the wanted state came from. */
    public enum Source {
        /** the bot did the step itself */
        BOT,
        /** an orchestrator clicked in Slack ({@code actor} is a Slack user id) */
        SLACK,
        /** a person edited the roadmap issue on GitHub ({@code actor} is a GitHub login) */
        GITHUB
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    public String itemId;
    public boolean ticked;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Source source;
    public Instant changedAt;
    /** Grows with every change of {@link #ticked}. */
    public int version;
    /** The write that carries the last change to GitHub (null when the change came from GitHub). */
    public String writeKey;
    /** The thread was told this item's line could not be found; cleared when it is found again. */
    public boolean missingReported;

    public static List<ChecklistItemEntity> ofProject(long projectId) {
        return list("projectId", projectId);
    }

    public static Optional<ChecklistItemEntity> find(long projectId, String itemId) {
        return find("projectId = ?1 and itemId = ?2", projectId, itemId).firstResultOptional();
    }
}
