package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.DeliveryState;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One firing of a scheduled message; unique per (message, fire key) so a firing is posted once. */
@Entity
@Table(name = "scheduled_delivery")
public class ScheduledDeliveryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long scheduledMessageId;
    public String fireKey;
    /** Stored by name. */

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public DeliveryState state;
    public String messageTs;
    public int attempts;
    public String lastError;
    /** The occurrence this delivery is for (scheduled fire time, or the click time for "send now"). */
    public Instant dueAt;
    /** When the last attempt started. */
    public Instant attemptedAt;
    public Instant createdAt;
    public Instant sentAt;
    /** Carried by the post (Slack message metadata), so a later attempt can find out whether it went out. */
    public String deliveryKey;
    /** Where an attempt posted (thread ts in it, if any), set before the post; null while nothing may have been posted. */
    public String postChannel;
    public String postThreadTs;
    /** When the first attempt that may have reached Slack started: the history is searched from there. */
    public Instant postStartedAt;
}
