package io.upgradebot.project.announce;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.MessageState;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.When;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Announcements people schedule, and edits to the built-in moments: drafts from the modal, confirming them (the
 * row and its Quartz trigger change in one transaction), cancelling, "send now", and the list behind
 * {@code /upgrade schedule}.
 */
@ApplicationScoped
public class ScheduledMessages {

    private final MessageTriggers triggers;
    private final Clock clock;

    public ScheduledMessages(MessageTriggers triggers, Clock clock) {
        this.triggers = triggers;
        this.clock = clock;
    }

    /** What the modal collected. {@code editOf}: the message being edited, or null for a new announcement. */
    public record Draft(long projectId, Long editOf, String text, MessageTarget target, When when, String author) {
    }

    /** Stores the draft the preview shows; it becomes real only when confirmed. Answers its id. */
    public long saveDraft(Draft d) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = new ScheduledMessageEntity();
            m.projectId = d.projectId();
            m.kind = MessageKind.ANNOUNCEMENT.name();
            if (d.editOf() != null) {
                ScheduledMessageEntity original = ScheduledMessageEntity.findById(d.editOf());
                if (original != null) {
                    m.kind = original.kind;
                }
            }
            m.text = d.text() == null || d.text().isBlank() ? null : d.text().strip();
            m.target = d.target().name();
            apply(m, d.when());
            m.state = MessageState.DRAFT;
            m.createdBy = d.author();
            m.persist();
            return m.id;
        });
    }

    /** A scheduled message as the adapters show and edit it (a copy of the row, not the entity). */
    public record Message(long id, long projectId, String kind, String text, String target, Instant runAt, String cron,
            String timeZone, MessageState state, Integer daysBefore) {

        public boolean active() {
            return state == MessageState.ACTIVE;
        }

        static Message of(ScheduledMessageEntity m) {
            return m == null
                    ? null
                    : new Message(m.id, m.projectId, m.kind, m.text, m.target, m.runAt, m.cron,
                            m.timeZone, m.state, m.daysBefore);
        }
    }

    /** How a message's last firing went. */
    public record Delivery(DeliveryState state, Instant sentAt, String lastError, int attempts) {

        static Delivery of(ScheduledDeliveryEntity d) {
            return new Delivery(d.state, d.sentAt, d.lastError, d.attempts);
        }
    }

    public Optional<Message> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional
                .ofNullable(ScheduledMessageEntity.<ScheduledMessageEntity>findById(id)).map(Message::of));
    }

    /** What confirming did: the message that is now scheduled, or why nothing happened. */
    public record Confirmed(Message message, boolean alreadyConfirmed, String problem) {

        Confirmed(ScheduledMessageEntity message, boolean alreadyConfirmed, String problem) {
            this(Message.of(message), alreadyConfirmed, problem);
        }
    }

    /**
     * Turns a draft into a scheduled message (or applies it to the message it edits). Confirming twice (a double
     * click, a Slack retry) changes nothing the second time.
     */
    public Confirmed confirm(long draftId, Long editOf) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity draft = ScheduledMessageEntity.find("id", draftId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (draft == null || draft.state != MessageState.DRAFT) {
                ScheduledMessageEntity target = editOf != null ? ScheduledMessageEntity.findById(editOf) : draft;
                return new Confirmed(target, true, target == null ? "This draft no longer exists." : null);
            }
            if (draft.runAt != null && draft.cron == null && draft.daysBefore == null
                    && draft.runAt.isBefore(now.minusSeconds(60))) {
                return new Confirmed(draft, false, "That time has passed; choose a later one.");
            }
            ScheduledMessageEntity m;
            if (editOf == null) {
                m = draft;
                if (m.runAt == null && m.cron == null) {
                    m.runAt = now; // "now": a one-shot due at once, through the same exactly-once path
                }
            } else {
                m = ScheduledMessageEntity.find("id", editOf).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
                if (m == null || m.state == MessageState.CANCELLED) {
                    draft.delete();
                    return new Confirmed(m, false, "That message was cancelled meanwhile.");
                }
                Instant runAt = draft.runAt != null || draft.cron != null ? draft.runAt : now;
                if (draft.daysBefore != null) {
                    runAt = daysBeforeRunAt(m.projectId, draft.daysBefore, ZoneId.of(draft.timeZone), draft.runAt);
                    if (runAt.isBefore(now)) {
                        return new Confirmed(m, false,
                                draft.daysBefore + " days before the completion date has passed.");
                    }
                }
                m.text = draft.text;
                m.target = draft.target;
                m.runAt = runAt;
                m.cron = draft.cron;
                m.timeZone = draft.timeZone;
                m.daysBefore = draft.daysBefore;
                draft.delete();
            }
            m.state = MessageState.ACTIVE;
            triggers.schedule(m);
            return new Confirmed(m, false, null);
        });
    }

    /** For "days before" the draft carries the local time of day; the date follows the project's completion date. */
    private static Instant daysBeforeRunAt(long projectId, int days, ZoneId zone, Instant timeCarrier) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null || p.completionDate == null) {
            return timeCarrier;
        }
        return ZonedDateTime.of(p.completionDate.minusDays(days), timeCarrier.atZone(zone).toLocalTime(), zone)
                .toInstant();
    }

    /**
     * Deletes drafts nobody confirmed (the author closed the announcement modal) created before {@code before}.
     * Answers how many went.
     */
    public long purgeAbandonedDrafts(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.delete(
                "state = ?2 and createdAt < ?1", before, MessageState.DRAFT));
    }

    /** Stops a message: its triggers go, and retries still pending are dropped. False when it was not active. */
    public boolean cancel(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = ScheduledMessageEntity.find("id", messageId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (m == null || m.state != MessageState.ACTIVE) {
                return false;
            }
            m.state = MessageState.CANCELLED;
            triggers.unschedule(messageId);
            ScheduledDeliveryEntity.update("state = ?2, lastError = 'cancelled' where scheduledMessageId = ?1 "
                    + "and state = ?3", messageId, DeliveryState.SKIPPED,
                    DeliveryState.PENDING);
            return true;
        });
    }

    public enum SendNow {
        SENDING, ALREADY_SENDING, NOT_ACTIVE
    }

    /**
     * Posts the message now. A one-shot is moved to now (so it cannot also go out later); a recurring one gets an
     * extra firing named by {@code token} (the button's render token: a double click posts once).
     */
    public SendNow sendNow(long messageId, String token) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = ScheduledMessageEntity.find("id", messageId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (m == null || m.state != MessageState.ACTIVE) {
                return SendNow.NOT_ACTIVE;
            }
            if (m.cron == null) {
                if (m.runAt != null && !m.runAt.isAfter(now)) {
                    return SendNow.ALREADY_SENDING;
                }
                m.runAt = now;
                m.daysBefore = null; // sent by hand: it no longer follows the completion date
                triggers.schedule(m);
                return SendNow.SENDING;
            }
            FireKeys.Firing firing = FireKeys.manual(token, now);
            if (ScheduledDeliveryEntity.count("scheduledMessageId = ?1 and fireKey = ?2", messageId,
                    firing.key()) > 0) {
                return SendNow.ALREADY_SENDING;
            }
            triggers.fireNow(messageId, firing.key(), firing.dueAt());
            return SendNow.SENDING;
        });
    }

    /** A line of {@code /upgrade schedule}: the message, when it fires next, and how its last firing went. */
    public record Listed(Message message, Optional<Instant> next, Optional<Delivery> last) {
    }

    /** Active messages by next firing, then the most recent finished ones. */
    public List<Listed> list(long projectId, int finishedToShow) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ScheduledMessageEntity> all = ScheduledMessageEntity.list(
                    "projectId = ?1 and state <> ?2 order by id", projectId,
                    MessageState.DRAFT);
            List<Listed> active = all.stream().filter(m -> m.state == MessageState.ACTIVE)
                    .map(m -> new Listed(Message.of(m), triggers.nextFireTime(m.id), last(m.id)))
                    .sorted(Comparator.comparing((Listed l) -> l.next().orElse(Instant.MAX)))
                    .toList();
            List<Listed> finished = all.stream().filter(m -> m.state != MessageState.ACTIVE)
                    .sorted(Comparator.comparing((ScheduledMessageEntity m) -> m.updatedAt).reversed())
                    .limit(finishedToShow)
                    .map(m -> new Listed(Message.of(m), Optional.empty(), last(m.id)))
                    .toList();
            return java.util.stream.Stream.concat(active.stream(), finished.stream()).toList();
        });
    }

    private static Optional<Delivery> last(long messageId) {
        return ScheduledDeliveryEntity
                .<ScheduledDeliveryEntity>find("scheduledMessageId = ?1 order by createdAt desc, id desc",
                        messageId)
                .firstResultOptional().map(Delivery::of);
    }

    /** Sets the schedule fields from a When. */
    static void apply(ScheduledMessageEntity m, When when) {
        m.runAt = null;
        m.cron = null;
        m.daysBefore = null;
        if (when instanceof When.At at) {
            m.runAt = at.instant();
            m.timeZone = at.zone().getId();
        } else if (when instanceof When.Repeating r) {
            m.cron = r.recurrence().cron();
            m.timeZone = r.recurrence().zone().getId();
        } else if (when instanceof When.DaysBefore d) {
            m.daysBefore = d.days();
            m.timeZone = d.zone().getId();
            // carries the local time of day; confirm() puts it on the right date
            m.runAt = ZonedDateTime.of(LocalDate.of(2000, 1, 1), d.time(), d.zone()).toInstant();
        } else if (m.timeZone == null) {
            m.timeZone = "UTC";
        }
    }
}
