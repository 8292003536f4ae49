package io.upgradebot.project.radar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.RadarConfig;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.DeliveryState;
import io.upgradebot.domain.SupportLookup;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.RadarPoster;
import io.upgradebot.store.RadarAlertEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The radar's scheduled post: the configured dependencies whose end of support (or suggested completion date) falls
 * within the horizon and that have no upgrade project yet, each with a button that opens the new-project form
 * filled in. Each product, version and horizon is posted about once, whichever replica runs the job and however often.
 *
 * <p>Like {@code ScheduledDeliveries}: each item's {@code radar_alert} row is claimed under a row lock before anything
 * is posted (PENDING → SENDING, committed → post → SENT). The channel is recorded before the post and the post carries
 * a delivery key in its Slack metadata, so an attempt that died mid-post is looked up in the channel's history
 * before its items are posted again. An item whose post failed stays PENDING and is posted again by
 * {@link #retryUnfinished()} (up to {@code upgrade-bot.schedule.max-attempts}) or the next run.
 */
@ApplicationScoped
public class PostRadarAlerts {

    private static final Logger LOG = Logger.getLogger(PostRadarAlerts.class);
    /** Slack stamps messages with its own clock: the history search starts this much before our attempt. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What one run did. */
    public record Outcome(boolean channelConfigured, List<String> posted, List<String> alreadyDone,
            List<String> failed) {
    }

    private final ReadUpgradeRadar radar;
    private final RadarPoster poster;
    private final RadarConfig config;
    private final ScheduleConfig schedule;
    private final Clock clock;
    private final AtomicBoolean toldNoChannel = new AtomicBoolean();

    public PostRadarAlerts(ReadUpgradeRadar radar, RadarPoster poster, RadarConfig config, ScheduleConfig schedule,
            Clock clock) {
        this.radar = radar;
        this.poster = poster;
        this.config = config;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The alert key of a row: "django@4.2/P12M". */
    static String key(RadarRow row, Period horizon) {
        return row.product() + "@" + row.cycle() + "/" + horizon;
    }

    /**
     * Picks up what the last run left unfinished (a post Slack refused or that failed, a replica that died mid-post),
     * without waiting for the next quarterly run: runs again when such an item is there and has attempts left.
     * Reads only the database otherwise.
     */
    public Optional<Outcome> retryUnfinished() {
        Instant stale = clock.instant().minus(schedule.sendingLease());
        long unfinished = QuarkusTransaction.requiringNew().call(() -> RadarAlertEntity.count(
                "attempts < ?1 and (state = ?2 or (state = ?3 and attemptedAt < ?4))", schedule.maxAttempts(),
                DeliveryState.PENDING, DeliveryState.SENDING, stale));
        return unfinished == 0 || config.channel().filter(c -> !c.isBlank()).isEmpty()
                ? Optional.empty()
                : Optional.of(run());
    }

    public Outcome run() {
        Optional<String> channel = config.channel().filter(c -> !c.isBlank()).map(String::strip);
        if (channel.isEmpty()) {
            if (toldNoChannel.compareAndSet(false, true)) {
                LOG.info("upgrade radar: no channel configured (upgrade-bot.radar.channel / UPGRADE_BOT_RADAR_CHANNEL),"
                        + " so the scheduled radar post is not made; /upgrade radar still shows the table");
            }
            return new Outcome(false, List.of(), List.of(), List.of());
        }
        Period horizon = config.horizon();
        Radar current = radar.read();
        LocalDate limit = current.today().plus(horizon);
        Map<String, RadarRow> due = new LinkedHashMap<>();
        for (RadarRow row : current.rows()) {
            if (row.project() == null && row.crosses(limit)) {
                due.put(key(row, horizon), row);
            }
        }
        List<String> posted = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        skipWhatIsNoLongerDue(current, due, horizon);
        if (due.isEmpty()) {
            return new Outcome(true, posted, done, failed);
        }
        Instant now = clock.instant();
        for (Map.Entry<String, RadarRow> e : due.entrySet()) {
            insertIfAbsent(e.getKey(), e.getValue(), horizon, now);
        }
        List<Claimed> claimed = claim(new ArrayList<>(due.keySet()), now);
        List<String> toPost = new ArrayList<>();
        for (String key : due.keySet()) {
            Claimed c = claimed.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            if (c == null) {
                done.add(key); // sent already, or another replica is posting it right now
            } else if (c.postedTo() == null) {
                toPost.add(key);
            } else {
                // an earlier attempt may have reached Slack: look before posting again
                try {
                    Optional<String> ts = poster.findPosted(c.postedTo(), c.deliveryKey(),
                            c.postedSince().minus(CLOCK_SKEW));
                    if (ts.isPresent()) {
                        LOG.infof("upgrade radar: %s was posted by an interrupted attempt (ts %s)", key, ts.get());
                        finish(List.of(key), ts.get());
                        done.add(key);
                    } else {
                        toPost.add(key);
                    }
                } catch (RuntimeException ex) {
                    // not knowing is no licence to post: keep what is known and look again next run
                    release(List.of(key), "could not tell whether an interrupted attempt posted it: "
                            + ex.getMessage(), false);
                    failed.add(key);
                }
            }
        }
        for (int from = 0; from < toPost.size(); from += RadarPoster.MAX_ROWS_PER_POST) {
            List<String> batch = toPost.subList(from, Math.min(toPost.size(), from + RadarPoster.MAX_ROWS_PER_POST));
            String deliveryKey = UUID.randomUUID().toString();
            posting(batch, channel.get(), deliveryKey);
            try {
                String ts = poster.post(channel.get(), batch.stream().map(due::get).toList(), horizon, deliveryKey);
                finish(batch, ts);
                posted.addAll(batch);
            } catch (AnnouncementPoster.PostFailed ex) {
                LOG.warnf("upgrade radar post to %s failed (%s); it is tried again later", channel.get(),
                        ex.getMessage());
                release(batch, ex.getMessage(), ex.error() != null);
                failed.addAll(batch);
            } catch (RuntimeException ex) {
                LOG.warnf(ex, "upgrade radar post to %s failed; it is tried again later", channel.get());
                release(batch, String.valueOf(ex.getMessage()), false);
                failed.addAll(batch);
            }
        }
        return new Outcome(true, posted, done, failed);
    }

    /**
     * An item left PENDING by a failed post that is no longer due (a project was created meanwhile, the product or
     * horizon changed) is SKIPPED, so it is not retried for ever. One whose lookup failed this time stays PENDING.
     */
    private void skipWhatIsNoLongerDue(Radar current, Map<String, RadarRow> due, Period horizon) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (RadarAlertEntity a : RadarAlertEntity.<RadarAlertEntity>list("state", DeliveryState.PENDING)) {
                if (due.containsKey(a.alertKey)) {
                    continue;
                }
                // endoflife.date did not answer this time: whether it is still due is not known yet
                boolean unknownNow = horizon.toString().equals(a.horizon) && current.rows().stream()
                        .anyMatch(r -> r.product().equals(a.product) && r.outcome() != SupportLookup.Outcome.FOUND);
                if (!unknownNow) {
                    a.state = DeliveryState.SKIPPED;
                    a.lastError = "no longer due";
                }
            }
        });
    }

    /** A claimed item; {@code postedTo} is set when an earlier attempt may have posted it (with that key, since then). */
    private record Claimed(String key, String postedTo, String deliveryKey, Instant postedSince) {
    }

    private void insertIfAbsent(String key, RadarRow row, Period horizon, Instant now) {
        // ON CONFLICT (PostgreSQL, and H2 in PostgreSQL mode): another replica's row stands
        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.getEntityManager()
                .createNativeQuery("insert into radar_alert (alert_key, product, version, horizon, state, attempts, "
                        + "created_at) values (?1, ?2, ?3, ?4, ?5, 0, ?6) on conflict do nothing")
                .setParameter(1, key).setParameter(2, row.product()).setParameter(3, row.cycle())
                .setParameter(4, horizon.toString()).setParameter(5, DeliveryState.PENDING.name())
                .setParameter(6, now).executeUpdate());
    }

    private List<Claimed> claim(List<String> keys, Instant now) {
        Duration lease = schedule.sendingLease();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RadarAlertEntity> rows = RadarAlertEntity.<RadarAlertEntity>find("alertKey in ?1 order by alertKey",
                    keys).withLock(LockModeType.PESSIMISTIC_WRITE).list();
            List<Claimed> out = new ArrayList<>();
            for (RadarAlertEntity a : rows) {
                boolean claimable = a.state == DeliveryState.PENDING || (a.state == DeliveryState.SENDING
                        && (a.attemptedAt == null || !a.attemptedAt.plus(lease).isAfter(now)));
                if (!claimable) {
                    continue;
                }
                if (a.state == DeliveryState.SENDING) {
                    LOG.infof("upgrade radar: the attempt of %s at %s was interrupted; taking it over", a.alertKey,
                            a.attemptedAt);
                }
                a.state = DeliveryState.SENDING;
                a.attempts++;
                a.attemptedAt = now;
                out.add(new Claimed(a.alertKey, a.postChannel, a.deliveryKey, a.postStartedAt));
            }
            return out;
        });
    }

    /** Recorded before posting: from here on the post may reach Slack, so a later attempt must look first. */
    private void posting(List<String> keys, String channel, String deliveryKey) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.update(
                "deliveryKey = ?1, postChannel = ?2, postStartedAt = ?3 where alertKey in ?4", deliveryKey, channel,
                now, keys));
    }

    private void finish(List<String> keys, String ts) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> RadarAlertEntity.update(
                "state = ?1, messageTs = ?2, sentAt = ?3, lastError = null where alertKey in ?4", DeliveryState.SENT,
                ts, now, keys));
    }

    /** {@code refused}: Slack answered with an error, so nothing was posted and no history needs reading. */
    private void release(List<String> keys, String error, boolean refused) {
        String e = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
        QuarkusTransaction.requiringNew().run(() -> {
            if (refused) {
                RadarAlertEntity.update("state = ?1, lastError = ?2, postChannel = null, deliveryKey = null, "
                        + "postStartedAt = null where alertKey in ?3", DeliveryState.PENDING, e, keys);
            } else {
                RadarAlertEntity.update("state = ?1, lastError = ?2 where alertKey in ?3", DeliveryState.PENDING, e,
                        keys);
            }
        });
    }
}
