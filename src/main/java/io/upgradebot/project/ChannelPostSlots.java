package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.SlackChannelPacingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The posting slots of each Slack channel, kept in the database so every replica draws from the same pace (Slack
 * answers more than about one post per second per channel with 429, whichever process sent them).
 *
 * <p>A slot is claimed with a conditional update: the channel's row moves from the next-post time the caller read to
 * that slot plus the interval, and only if nobody moved it in between; a caller that loses the race reads again.
 * Successive slots of a channel are therefore at least the interval apart, whichever replicas hold them, as long as
 * their clocks agree: a slot further ahead than {@link #staleAfter} is not waited for (see there).
 */
@ApplicationScoped
public class ChannelPostSlots {

    /** Attempts before giving up on the shared slot (the caller then paces on its own). */
    static final int MAX_RACES = 50;
    /** Another replica moved the row between our read and our update. */
    private static final Instant LOST = Instant.MIN;
    private static final Logger LOG = Logger.getLogger(ChannelPostSlots.class);
    /** The least {@link #staleAfter}; a Retry-After the gateway honours is capped well under it. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);
    /** Posts a channel's queue may hold before its slots look stale (at Slack's pace of one a second: 16 min). */
    static final int QUEUE_HORIZON = 1000;

    /**
     * How far ahead a channel's next slot may be before it counts as stale: at least an hour, and more than a queue
     * of {@value #QUEUE_HORIZON} posts at {@code interval}. A slot further ahead was not booked by a queue of posts or
     * a Retry-After (the gateway waits five minutes at most): the clock it was booked under has since moved back (a
     * corrected clock, a replica whose clock ran ahead). It is not waited for, or the channel would stay silent for as
     * long as the clock jumped; a smaller jump back is waited out.
     */
    public static Duration staleAfter(Duration interval) {
        Duration queue = interval.multipliedBy(QUEUE_HORIZON);
        return queue.compareTo(STALE_AFTER) > 0 ? queue : STALE_AFTER;
    }

    /** Whether {@code next} is further ahead of {@code now} than {@link #staleAfter} allows at {@code interval}. */
    public static boolean isStale(Instant next, Instant now, Duration interval) {
        return next.isAfter(now.plus(staleAfter(interval)));
    }

    /**
     * Claims the next slot of {@code channel} at or after {@code now}; the slot after it is {@code interval} later. A
     * stored slot more than {@link #STALE_AFTER} ahead of {@code now} is ignored.
     */
    public Instant claim(String channel, Instant now, Duration interval) {
        // the database keeps microseconds: compare and store what it will give back
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        for (int race = 0; race < MAX_RACES; race++) {
            Instant slot = QuarkusTransaction.requiringNew().call(() -> {
                SlackChannelPacingEntity row = SlackChannelPacingEntity.findById(channel);
                if (row == null) {
                    return null;
                }
                Instant read = row.nextPostAt;
                boolean stale = isStale(read, at, interval);
                if (stale) {
                    LOG.warnf("Slack channel %s: next post slot %s is further ahead of this clock (%s) than any queue "
                            + "or Retry-After; the clock moved back or a replica's clock runs ahead, so it is not "
                            + "waited for", channel, read, at);
                }
                Instant mine = read.isAfter(at) && !stale ? read : at;
                int moved = SlackChannelPacingEntity.update("nextPostAt = ?1 where channel = ?2 and nextPostAt = ?3",
                        mine.plus(interval).truncatedTo(ChronoUnit.MICROS), channel, read);
                return moved == 1 ? mine : LOST;
            });
            if (slot == null) {
                if (insert(channel, at.plus(interval).truncatedTo(ChronoUnit.MICROS))) {
                    return at;
                }
            } else if (slot != LOST) {
                return slot;
            }
        }
        throw new IllegalStateException(
                "could not claim a posting slot of " + channel + " after " + MAX_RACES + " races");
    }

    /**
     * Nobody posts to {@code channel} before {@code until} (Slack asked to wait: 429 with Retry-After). A later slot
     * already booked is kept, unless it is stale (see {@link #staleAfter}): the hold replaces it.
     */
    public void holdUntil(String channel, Instant until, Duration interval) {
        Instant at = until.truncatedTo(ChronoUnit.MICROS);
        Instant staleFrom = at.plus(staleAfter(interval)).truncatedTo(ChronoUnit.MICROS);
        int moved = QuarkusTransaction.requiringNew().call(() -> SlackChannelPacingEntity.update(
                "nextPostAt = ?1 where channel = ?2 and (nextPostAt < ?1 or nextPostAt > ?3)", at, channel,
                staleFrom));
        if (moved == 0) {
            insert(channel, at); // no row yet; when there is one, it already holds back further
        }
    }

    /** Creates the channel's row unless it exists; answers whether this call created it. */
    private static boolean insert(String channel, Instant next) {
        // ON CONFLICT (PostgreSQL, and H2 in PostgreSQL mode): a lost race is an answer, not an exception to log
        return QuarkusTransaction.requiringNew().call(() -> SlackChannelPacingEntity.getEntityManager()
                .createNativeQuery("insert into slack_channel_pacing (channel, next_post_at) values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, channel).setParameter(2, next).executeUpdate() == 1);
    }
}
