package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One runbook checklist item of a project's roadmap issue as people last left it on GitHub (read back from
 * {@code issues.edited}): ticked or not, by which GitHub login, when.
 */
@Entity
@Table(name = "roadmap_checklist_readback")
public class ChecklistReadbackEntity extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "project_id")
        public long projectId;
        @Column(name = "item_id")
        public String itemId;

        public Key() {
        }

        public Key(long projectId, String itemId) {
            this.projectId = projectId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.projectId == projectId && Objects.equals(k.itemId, itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, itemId);
        }
    }

    @EmbeddedId
    public Key key;
    public boolean ticked;
    public String changedBy;
    public Instant changedAt;

    public static List<ChecklistReadbackEntity> ofProject(long projectId) {
        return list("key.projectId = ?1 order by key.itemId", projectId);
    }
}
