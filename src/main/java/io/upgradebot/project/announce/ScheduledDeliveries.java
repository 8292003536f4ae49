package io.upgradebot.project.announce;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.MessageState;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.chart.PostProjectCharts;
import io.upgradebot.store.ScheduledDeliveryEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Posts one firing of a scheduled message exactly once, whichever replica runs it and however often.
 *
 * <p>Each firing has a key ({@link FireKeys}); its {@code scheduled_delivery} row (unique per message and key) is
 * claimed, under a row lock, before anything is posted: PENDING → SENDING (committed) → post → SENT. A second run of
 * the same firing (Quartz recovery after a replica died, a retry racing a late run) finds the row SENT, or SENDING
 * and leaves it alone until the lease runs out.
 *
 * <p>A replica can die (or time out) after its post reached Slack and before SENT is recorded. So every post carries
 * the delivery's key in Slack message metadata, and the channel it goes to is recorded before posting; an attempt
 * that finds such a record (a SENDING row past its lease, or a retry after an ambiguous failure) reads the channel's
 * history since then and posts only when the key is not there (marking the row SENT with the found ts when it is).
 * A transient failure (429 beyond the gateway's retries, 5xx, GitHub unreachable while composing)
 * puts the row back to PENDING with the error and schedules a retry in the same transaction, so it is never lost; a
 * permanent one (channel gone) or too many attempts mark it FAILED and tell the author.
 */
@ApplicationScoped
public class ScheduledDeliveries {

    private static final Logger LOG = Logger.getLogger(ScheduledDeliveries.class);

    /** Slack stamps messages with its own clock: the history search starts this much before our attempt. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public enum Outcome {
        SENT, SKIPPED, ALREADY_DONE, IN_PROGRESS, RETRY_SCHEDULED, FAILED, NOT_ACTIVE
    }

    private final MomentComposer composer;
    private final AnnouncementPoster poster;
    private final MessageTriggers triggers;
    private final ScheduleConfig config;
    private static final List<DeliveryState> FINISHED = List.of(DeliveryState.SENT,
            DeliveryState.SKIPPED, DeliveryState.FAILED);

    private final Clock clock;
    /** Field-injected so the constructor other features call stays as it is. */
    @Inject
    PostProjectCharts charts;

    public ScheduledDeliveries(MomentComposer composer, AnnouncementPoster poster, MessageTriggers triggers,
            ScheduleConfig config, Clock clock) {
        this.composer = composer;
        this.poster = poster;
        this.triggers = triggers;
        this.config = config;
        this.clock = clock;
    }

    /** A trigger of the message fired, for the occurrence scheduled at {@code scheduledFireTime}. */
    public Outcome fired(long messageId, Instant scheduledFireTime) {
        Optional<FireKeys.Firing> firing = QuarkusTransaction.requiringNew()
                .call(() -> Optional.ofNullable(ScheduledMessageEntity.<ScheduledMessageEntity>findById(messageId))
                        .flatMap(m -> FireKeys.forRun(m, scheduledFireTime)));
        if (firing.isEmpty()) {
            LOG.debugf("message %d has no schedule any more; firing at %s ignored", messageId, scheduledFireTime);
            return Outcome.NOT_ACTIVE;
        }
        return deliver(messageId, firing.get().key(), firing.get().dueAt());
    }

    /** Posts the firing {@code fireKey} of the message unless it already went out. */
    public Outcome deliver(long messageId, String fireKey, Instant dueAt) {
        Claim claim = claim(messageId, fireKey, dueAt);
        if (claim.outcome() != null) {
            return claim.outcome();
        }
        long deliveryId = claim.deliveryId();
        Composition composition;
        String ts;
        if (claim.postedTo() != null) {
            // an earlier attempt may have reached Slack (it crashed, or timed out, while posting): look first
            Optional<String> found;
            try {
                found = poster.findPosted(claim.postedTo(), claim.postedInThread(), claim.key(),
                        claim.postedSince().minus(CLOCK_SKEW));
            } catch (RuntimeException e) {
                // not knowing is no licence to post: keep what is known and look again at the retry
                boolean permanent = e instanceof AnnouncementPoster.PostFailed f && f.permanent();
                return failed(deliveryId, messageId, fireKey, dueAt, permanent,
                        "could not tell whether an interrupted attempt posted it: " + e.getMessage(), false);
            }
            if (found.isPresent()) {
                LOG.infof("scheduled message %d (%s) was posted by an interrupted attempt (ts %s); not posting again",
                        messageId, fireKey, found.get());
                finishSent(deliveryId, messageId, fireKey, found.get());
                return Outcome.ALREADY_DONE;
            }
        }
        try {
            composition = composer.compose(messageId, dueAt, clock.instant());
            if (composition instanceof Composition.Skip skip) {
                finishSkipped(deliveryId, messageId, skip);
                return Outcome.SKIPPED;
            }
            if (composition instanceof Composition.Send send) {
                posting(deliveryId, send.channel(), send.threadTs());
                ts = poster.post(send.channel(), send.threadTs(), send.post(), claim.key());
            } else {
                Composition.Delegate delegate = (Composition.Delegate) composition;
                posting(deliveryId, delegate.channel(), null);
                ts = delegate.post().apply(claim.key());
            }
        } catch (AnnouncementPoster.PostFailed e) {
            return failed(deliveryId, messageId, fireKey, dueAt, e.permanent(),
                    e.error() == null ? e.getMessage() : e.error(), e.error() != null);
        } catch (MomentComposer.CannotCompose e) {
            return failed(deliveryId, messageId, fireKey, dueAt, true, e.getMessage(), false);
        } catch (RuntimeException e) {
            // GitHub unreachable while reading the digest's figures, Slack I/O: worth trying again later
            LOG.warnf(e, "scheduled message %d (%s) failed; will retry", messageId, fireKey);
            return failed(deliveryId, messageId, fireKey, dueAt, false, String.valueOf(e.getMessage()), false);
        }
        finishSent(deliveryId, messageId, fireKey, ts);
        if (composition instanceof Composition.Send send) {
            attachCharts(messageId, send.channel(), send.threadTs() != null ? send.threadTs() : ts);
        }
        return Outcome.SENT;
    }

    /**
     * The weekly digest carries the project's charts, in its thread. Best effort, after the digest is recorded as
     * sent: a chart Slack refuses never makes the digest itself go out again.
     */
    private void attachCharts(long messageId, String channel, String threadTs) {
        if (charts == null) {
            return; // built by hand (tests of the delivery alone)
        }
        Long projectId = QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
            return m != null && MessageKind.DIGEST.name().equals(m.kind) ? m.projectId : null;
        });
        if (projectId == null) {
            return;
        }
        try {
            PostProjectCharts.Posted posted = charts.to(projectId, channel, threadTs);
            if (!posted.posted()) {
                LOG.warnf("charts of the digest of project %d not posted: %s", projectId, posted.error());
            }
        } catch (RuntimeException e) {
            LOG.warnf("charts of the digest of project %d not posted: %s", projectId, e.toString());
        }
    }

    /**
     * A claimed delivery. {@code postedTo} is set when an earlier attempt may have reached Slack: the channel (and
     * thread) it posted to and since when, to be searched for {@code key} before posting again.
     */
    private record Claim(Long deliveryId, Outcome outcome, String key, String postedTo, String postedInThread,
            Instant postedSince) {
        static Claim done(Outcome outcome) {
            return new Claim(null, outcome, null, null, null, null);
        }
    }

    private Claim claim(long messageId, String fireKey, Instant dueAt) {
        Instant now = clock.instant();
        Outcome inactive = QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity message = ScheduledMessageEntity.findById(messageId);
            if (message != null && message.state == MessageState.ACTIVE) {
                return null;
            }
            ScheduledDeliveryEntity done = ScheduledDeliveryEntity.find("scheduledMessageId = ?1 and fireKey = ?2 "
                    + "and state in ?3", messageId, fireKey, FINISHED).firstResult();
            // cancelled (or deleted) after the trigger was taken: a cancellation wins over a late firing
            return done != null ? Outcome.ALREADY_DONE : Outcome.NOT_ACTIVE;
        });
        if (inactive != null) {
            return Claim.done(inactive);
        }
        insertIfAbsent(messageId, fireKey, dueAt, now);
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledDeliveryEntity d = ScheduledDeliveryEntity
                    .find("scheduledMessageId = ?1 and fireKey = ?2", messageId, fireKey)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            switch (d.state) {
                case SENT, SKIPPED, FAILED :
                    return Claim.done(Outcome.ALREADY_DONE);
                case SENDING :
                    if (d.attemptedAt != null && d.attemptedAt.plus(config.sendingLease()).isAfter(now)) {
                        return Claim.done(Outcome.IN_PROGRESS);
                    }
                    // the attempt that set SENDING never finished (its replica died): this one takes over, and
                    // looks in the channel's history before posting when that attempt had got as far as posting
                    LOG.infof("scheduled message %d (%s): attempt of %s was interrupted; taking it over", messageId,
                            fireKey, d.attemptedAt);
                    break;
                default :
                    break;
            }
            if (d.deliveryKey == null) {
                d.deliveryKey = UUID.randomUUID().toString();
            }
            d.state = DeliveryState.SENDING;
            d.attempts++;
            d.attemptedAt = now;
            return new Claim(d.id, null, d.deliveryKey, d.postChannel, d.postThreadTs, d.postStartedAt);
        });
    }

    /** Recorded before posting: from here on the post may reach Slack, so a later attempt must look before posting. */
    private void posting(long deliveryId, String channel, String threadTs) {
        if (channel == null) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledDeliveryEntity d = ScheduledDeliveryEntity.findById(deliveryId);
            d.postChannel = channel;
            d.postThreadTs = threadTs;
            if (d.postStartedAt == null) {
                // the earliest attempt that may have posted bounds the history search of every later one
                d.postStartedAt = now;
            }
        });
    }

    private void insertIfAbsent(long messageId, String fireKey, Instant dueAt, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ScheduledDeliveryEntity.count("scheduledMessageId = ?1 and fireKey = ?2", messageId,
                        fireKey) == 0) {
                    ScheduledDeliveryEntity d = new ScheduledDeliveryEntity();
                    d.scheduledMessageId = messageId;
                    d.fireKey = fireKey;
                    d.dueAt = dueAt;
                    d.state = DeliveryState.PENDING;
                    d.attempts = 0;
                    d.createdAt = now;
                    d.persist();
                }
            });
        } catch (RuntimeException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // another replica inserted the same (message, fire key) between our check and our insert: theirs stands
            LOG.debugf("delivery %d/%s claimed concurrently", messageId, fireKey);
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private void finishSent(long deliveryId, long messageId, String fireKey, String ts) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledDeliveryEntity d = ScheduledDeliveryEntity.findById(deliveryId);
            d.state = DeliveryState.SENT;
            d.messageTs = ts;
            d.sentAt = now;
            d.lastError = null;
            ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
            if (m != null && m.cron == null && FireKeys.isOnce(fireKey) && m.state == MessageState.ACTIVE
                    && fireKey.equals(FireKeys.once(m.runAt).key())) {
                m.state = MessageState.DONE;
            }
        });
    }

    private void finishSkipped(long deliveryId, long messageId, Composition.Skip skip) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledDeliveryEntity d = ScheduledDeliveryEntity.findById(deliveryId);
            d.state = DeliveryState.SKIPPED;
            d.lastError = skip.reason();
            ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
            if (m != null && m.state == MessageState.ACTIVE && (skip.finished() || m.cron == null)) {
                m.state = MessageState.DONE;
                if (m.cron != null) {
                    triggers.unschedule(messageId);
                }
            }
        });
        LOG.infof("scheduled message %d skipped: %s", messageId, skip.reason());
    }

    /** {@code refused}: Slack answered with an error, so this attempt posted nothing. */
    private Outcome failed(long deliveryId, long messageId, String fireKey, Instant dueAt, boolean permanent,
            String error,
            boolean refused) {
        Instant now = clock.instant();
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            ScheduledDeliveryEntity d = ScheduledDeliveryEntity.findById(deliveryId);
            d.lastError = truncate(error, 2000);
            if (refused) {
                // Slack said no to this attempt, and an earlier one was looked for and not found: nothing is out
                d.postChannel = null;
                d.postThreadTs = null;
                d.postStartedAt = null;
            }
            if (permanent || d.attempts >= config.maxAttempts()) {
                d.state = DeliveryState.FAILED;
                return Outcome.FAILED;
            }
            d.state = DeliveryState.PENDING;
            triggers.retryAt(messageId, fireKey, dueAt, now.plus(backoff(d.attempts)));
            return Outcome.RETRY_SCHEDULED;
        });
        if (outcome == Outcome.FAILED) {
            LOG.warnf("scheduled message %d (%s) failed for good: %s", messageId, fireKey, error);
            tellAuthor(messageId, error);
        }
        return outcome;
    }

    Duration backoff(int attempts) {
        Duration d = config.retryBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return d.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : d;
    }

    /**
     * Picks up what a crash left behind: firings stuck in SENDING past the lease are run again (which posts them
     * unless Slack's history shows the interrupted attempt's post); PENDING firings whose retry should have run long
     * ago are fired again.
     */
    public void sweep() {
        Instant now = clock.instant();
        Instant stale = now.minus(config.sendingLease());
        List<ScheduledDeliveryEntity> stuck = QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.<ScheduledDeliveryEntity>list(
                        "state = ?2 and attemptedAt < ?1", stale, DeliveryState.SENDING));
        for (ScheduledDeliveryEntity d : stuck) {
            deliver(d.scheduledMessageId, d.fireKey, d.dueAt);
        }
        Instant overdue = now.minus(config.retryBackoffMax()).minus(config.sendingLease());
        List<ScheduledDeliveryEntity> lost = QuarkusTransaction.requiringNew()
                .call(() -> ScheduledDeliveryEntity.<ScheduledDeliveryEntity>list(
                        "state = ?2 and coalesce(attemptedAt, createdAt) < ?1", overdue,
                        DeliveryState.PENDING));
        for (ScheduledDeliveryEntity d : lost) {
            QuarkusTransaction.requiringNew().run(() -> triggers.fireNow(d.scheduledMessageId, d.fireKey, d.dueAt));
        }
    }

    private void tellAuthor(long messageId, String error) {
        try {
            AnnouncementPoster.NotPosted notPosted = QuarkusTransaction.requiringNew().call(() -> {
                ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
                if (m == null) {
                    return null;
                }
                UpgradeProjectEntity p = m.projectId == null ? null : UpgradeProjectEntity.findById(m.projectId);
                String author = m.createdBy != null ? m.createdBy : p == null ? null : p.createdBy;
                return author == null
                        ? null
                        : new AnnouncementPoster.NotPosted(author, MessageKind.of(m.kind).label(),
                                p == null ? null : p.name, p == null ? null : p.slug, error);
            });
            if (notPosted != null) {
                poster.tellNotPosted(notPosted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not tell the author of scheduled message %d about its failure: %s", messageId,
                    e.getMessage());
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
