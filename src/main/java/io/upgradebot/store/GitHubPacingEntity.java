package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Per-installation pacing shared by all replicas; locked (SELECT … FOR UPDATE) while a write is claimed. */
@Entity
@Table(name = "github_pacing")
public class GitHubPacingEntity extends PanacheEntityBase {

    @Id
    public String installation;

    public Instant nextWriteAt;
    public Instant throttledUntil;
    public String throttleReason;
    public int throttleCount;
}
