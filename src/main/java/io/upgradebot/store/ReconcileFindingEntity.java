package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A drift the reconciliation pass reported in a project's status thread, or an issue state change it replayed: acted
 * on once, never again.
 */
@Entity
@Table(name = "reconcile_finding")
public class ReconcileFindingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    public Long projectRepoId;
    public String findingKey;
    public String kind;
    public Instant reportedAt;

    public static Set<String> keysOf(long projectId) {
        return ReconcileFindingEntity.<ReconcileFindingEntity>list("projectId", projectId).stream()
                .map(f -> f.findingKey).collect(Collectors.toSet());
    }
}
