package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A GitHub write, stored before it is attempted. {@code idempotencyKey} is unique. */
@Entity
@Table(name = "github_write")
public class GitHubWriteEntity extends PanacheEntityBase {

    /** PENDING (not yet done, maybe attempted), RUNNING (claimed under a lease), DONE, FAILED (gave up). */
    public enum State {
        PENDING, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String idempotencyKey;
    public String installation;
    public String kind;
    public boolean contentCreating;
    /** JSON */
    public String payload;
    public Long dependsOn;
    public Long projectId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    public int attempts;
    public Instant notBefore;
    public Instant leaseUntil;
    /** JSON */
    public String result;
    public String lastError;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    public static Optional<GitHubWriteEntity> findByKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }
}
