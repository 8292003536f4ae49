package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Slack or GitHub request already handled (trigger_id, event_id, action timestamp, delivery id). */
@Entity
@Table(name = "processed_request")
public class ProcessedRequestEntity extends PanacheEntityBase {

    @Id
    public String requestKey;

    public String kind;
    public Instant receivedAt;
}
