package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When the next post to a Slack channel may go out, shared by all replicas; claimed by a conditional update. */
@Entity
@Table(name = "slack_channel_pacing")
public class SlackChannelPacingEntity extends PanacheEntityBase {

    @Id
    public String channel;

    public Instant nextPostAt;
}
