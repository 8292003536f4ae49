package io.upgradebot.project.announce;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Gives every active project the runbook's moments as scheduled messages of its own (so each can be edited,
 * cancelled or sent early like any announcement): the service-level request, the weekly TBD reminder, the weekly
 * digest, completion-date reminders and at-risk escalations. Idempotent: one row per project and moment; a row a
 * person cancelled stays cancelled. When the completion date moves, the dated moments move with it (keeping the
 * local time of day someone may have chosen); a moment whose new day has passed is not sent late.
 */
@ApplicationScoped
public class RunbookMoments {

    private static final Logger LOG = Logger.getLogger(RunbookMoments.class);

    private final ScheduleConfig config;
    private final MessageTriggers triggers;
    private final SlackDirectory directory;
    private final Clock clock;
    private final Map<String, Map.Entry<ZoneId, Instant>> zones = new ConcurrentHashMap<>();

    public RunbookMoments(ScheduleConfig config, MessageTriggers triggers, SlackDirectory directory, Clock clock) {
        this.config = config;
        this.triggers = triggers;
        this.directory = directory;
        this.clock = clock;
    }

    /** For every project: creates missing moments, moves dated ones, stops them all once the project is closed. */
    public void syncAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.<UpgradeProjectEntity>list(
                "state in ?1", List.of(ProjectState.ACTIVE, ProjectState.CLOSED))
                .stream().map(p -> p.id).toList());
        for (Long id : ids) {
            try {
                sync(id);
            } catch (RuntimeException e) {
                // one broken project must not keep the others' reminders from being scheduled
                LOG.warnf(e, "could not sync the runbook moments of project %d", id);
            }
        }
    }

    public void sync(long projectId) {
        sync(projectId, clock.instant());
    }

    /** As of {@code now}: moments whose time has passed by then are not created or moved to. */
    public void sync(long projectId, Instant now) {
        UpgradeProjectEntity snapshot = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.findById(projectId));
        if (snapshot == null) {
            return;
        }
        // the creator's time zone (Slack users.info) is looked up outside the transaction: it is a Web API call
        ZoneId zone = zoneOf(snapshot);
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.find("id", projectId).withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResult();
            if (p.state == ProjectState.CLOSED) {
                stopAll(p.id);
                return;
            }
            if (p.state != ProjectState.ACTIVE) {
                return;
            }
            LocalTime at = config.momentTime();
            if (find(p.id, "ask").isEmpty()) {
                Instant askAt = ZonedDateTime
                        .of(p.createdAt.plus(config.askAfter()).atZone(zone).toLocalDate(), at, zone).toInstant();
                if (askAt.isAfter(now)) {
                    create(p, "ask", MessageKind.ASK, MessageTarget.CHANNEL, zone, askAt, null, null);
                }
            }
            if (find(p.id, "tbd-reminder").isEmpty()) {
                create(p, "tbd-reminder", MessageKind.TBD_REMINDER, MessageTarget.CHANNEL, zone, null,
                        config.tbdReminderCron(), null);
            } else {
                reviveTbdReminder(p);
            }
            if (find(p.id, "digest").isEmpty()) {
                create(p, "digest", MessageKind.DIGEST, MessageTarget.THREAD, zone, null, config.digestCron(), null);
            }
            dated(p, zone, at, now, "deadline-", MessageKind.DEADLINE_REMINDER, config.deadlineReminderDays());
            dated(p, zone, at, now, "at-risk-", MessageKind.AT_RISK, config.atRiskDays());
        });
    }

    private void dated(UpgradeProjectEntity p, ZoneId zone, LocalTime at, Instant now, String prefix, MessageKind kind,
            List<Integer> days) {
        for (int d : days) {
            Optional<ScheduledMessageEntity> existing = find(p.id, prefix + d);
            if (existing.isEmpty()) {
                if (p.completionDate != null) {
                    Instant runAt = runAt(p.completionDate, d, at, zone);
                    if (runAt.isAfter(now)) {
                        create(p, prefix + d, kind, MessageTarget.CHANNEL, zone, runAt, null, d);
                    }
                }
                continue;
            }
            ScheduledMessageEntity m = existing.get();
            if (m.daysBefore == null || m.state == MessageState.CANCELLED || p.completionDate == null
                    || m.runAt == null) {
                continue; // sent by hand, cancelled, or nothing to follow
            }
            ZoneId mz = ZoneId.of(m.timeZone);
            Instant moved = runAt(p.completionDate, m.daysBefore, m.runAt.atZone(mz).toLocalTime(), mz);
            if (moved.equals(m.runAt)) {
                continue;
            }
            m.runAt = moved;
            if (moved.isAfter(now)) {
                m.state = MessageState.ACTIVE;
                triggers.schedule(m);
            } else if (m.state == MessageState.ACTIVE) {
                m.state = MessageState.DONE;
                triggers.unschedule(m.id);
            }
        }
    }

    /** The TBD reminder stopped when nobody was TBD; repositories added later start at TBD again. */
    private void reviveTbdReminder(UpgradeProjectEntity p) {
        ScheduledMessageEntity m = find(p.id, "tbd-reminder").orElseThrow();
        if (m.state == MessageState.DONE && io.upgradebot.store.ProjectRepoEntity.count(
                "projectId = ?1 and inScope = true and upper(ownerDoes) = 'TBD'", p.id) > 0) {
            m.state = MessageState.ACTIVE;
            triggers.schedule(m);
        }
    }

    private void stopAll(long projectId) {
        for (ScheduledMessageEntity m : ScheduledMessageEntity.<ScheduledMessageEntity>list(
                "projectId = ?1 and state = ?2 and moment is not null", projectId,
                MessageState.ACTIVE)) {
            m.state = MessageState.DONE;
            triggers.unschedule(m.id);
        }
    }

    private static Instant runAt(LocalDate completion, int daysBefore, LocalTime at, ZoneId zone) {
        return ZonedDateTime.of(completion.minusDays(daysBefore), at, zone).toInstant();
    }

    private static Optional<ScheduledMessageEntity> find(long projectId, String moment) {
        return ScheduledMessageEntity.find("projectId = ?1 and moment = ?2", projectId, moment).firstResultOptional();
    }

    private void create(UpgradeProjectEntity p, String moment, MessageKind kind, MessageTarget target, ZoneId zone,
            Instant runAt, String cron, Integer daysBefore) {
        ScheduledMessageEntity m = new ScheduledMessageEntity();
        m.projectId = p.id;
        m.moment = moment;
        m.kind = kind.name();
        m.target = target.name();
        m.runAt = runAt;
        m.cron = cron;
        m.daysBefore = daysBefore;
        m.timeZone = zone.getId();
        m.state = MessageState.ACTIVE;
        m.createdBy = p.createdBy;
        m.persist();
        triggers.schedule(m);
    }

    /**
     * The project creator's time zone when Slack knows it, else the configured one. Remembered for a day: the sync
     * runs every few minutes for every project, and users.info is rate limited.
     */
    ZoneId zoneOf(UpgradeProjectEntity p) {
        ZoneId fallback = ZoneId.of(config.timeZone());
        if (p.createdBy == null) {
            return fallback;
        }
        Instant now = clock.instant();
        Map.Entry<ZoneId, Instant> known = zones.get(p.createdBy);
        if (known != null && known.getValue().isAfter(now)) {
            return known.getKey();
        }
        try {
            ZoneId zone = directory.person(p.createdBy).map(SlackDirectory.Person::timeZone)
                    .filter(z -> z != null && !z.isBlank())
                    .map(ZoneId::of).orElse(fallback);
            zones.put(p.createdBy, Map.entry(zone, now.plus(Duration.ofDays(1))));
            return zone;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
