package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person who has opened the bot's Home tab, with what was last published there. Only these people get
 * re-publishes; a re-publish owed is {@code changedAt}, claimed by a conditional update so one replica sends it.
 */
@Entity
@Table(name = "home_tab_viewer")
public class HomeTabViewerEntity extends PanacheEntityBase {

    @Id
    public String userId;

    public int page;

    public String lastHash;

    public Instant publishedAt;

    public Instant changedAt;

    public Instant openedAt;
}
