package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** History of Owner Does choices: who, when, from → to, via Slack or GitHub. Never updated, only appended. */
@Entity
@Table(name = "owner_does_choice")
public class OwnerDoesChoiceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectRepoId;
    public String fromLevel;
    public String toLevel;
    public String chosenBy;
    /** SLACK or GITHUB */
    public String via;
    public Instant chosenAt;

    public static List<OwnerDoesChoiceEntity> historyOf(long projectRepoId) {
        return list("projectRepoId = ?1 order by chosenAt, id", projectRepoId);
    }
}
