package io.upgradebot.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.upgradebot.domain.MessageState;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/** An announcement or reminder: once at {@code runAt}, or recurring by {@code cron} in {@code timeZone}. */
@Entity
@Table(name = "scheduled_message")
public class ScheduledMessageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long projectId;
    /** ANNOUNCEMENT, ASK, TBD_REMINDER, DEADLINE_REMINDER, DIGEST … */
    public String kind;
    public String text;
    /** CHANNEL or THREAD */
    public String target;
    public String channelId;
    public String threadTs;
    public Instant runAt;
    public String cron;
    public String timeZone;
    /** Stored by name. */

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public MessageState state;
    public String createdBy;
    /** Built-in runbook moment ("ask", "tbd-reminder", "digest", "deadline-30", "at-risk-14"); null for announcements. */
    public String moment;
    /** For deadline reminders and at-risk escalations: days before the project's completion date. */
    public Integer daysBefore;
    /** Stopped when the project was finished: a reopen resumes it. */
    public boolean pausedByFinish;
    public Instant createdAt;
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = EntityClock.now();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = EntityClock.now();
    }
}
