package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.DeliveryState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing the radar's scheduled post says once: a product version crossing a horizon with no project yet. */
@Entity
@Table(name = "radar_alert")
public class RadarAlertEntity extends PanacheEntityBase {

    /** "django@4.2/P12M": product, version in use, horizon. */
    @Id
    public String alertKey;
    public String product;
    public String version;
    public String horizon;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    /** Carried by the post (Slack message metadata), so a later attempt can find out whether it went out. */
    public String deliveryKey;
    /** Where an attempt posted, set before the post; null while nothing may have been posted. */
    public String postChannel;
    public Instant postStartedAt;
    public Instant attemptedAt;
    public String messageTs;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;
}
