package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.SlackChannelPacingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The posting slots of each Slack channel, kept in the database so every replica draws from the same pace (Slack
 * answers more than about one post per second per channel with 429, whichever process sent them).
 *
 * <p>A slot is claimed with a conditional update: the channel's row moves from the next-post time the caller read to
 * that slot plus the interval, and only if nobody moved it in between; a caller that loses the race reads again.
 * Successive slots of a channel are therefore at least the interval apart, whichever replicas hold them.
 */
@ApplicationScoped
public class ChannelPostSlots {

    /** Attempts before giving up on the shared slot (the caller then paces on its own). */
    static final int MAX_RACES = 50;
    /** Another replica moved the row between our read and our update. */
    private static final Instant LOST = Instant.MIN;
    /**
     * A next slot further ahead than this was not booked by a queue of posts or a Retry-After (Slack's are seconds):
     * the clock it was booked under has since moved back (a corrected clock, a replica whose clock ran ahead). Such a
     * slot is not waited for, or the channel would stay silent for as long as the clock jumped.
     */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

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
                Instant mine = read.isAfter(at) && !read.isAfter(at.plus(STALE_AFTER)) ? read : at;
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

    /** Nobody posts to {@code channel} before {@code until} (Slack asked to wait: 429 with Retry-After). */
    public void holdUntil(String channel, Instant until) {
        Instant at = until.truncatedTo(ChronoUnit.MICROS);
        int moved = QuarkusTransaction.requiringNew().call(() -> SlackChannelPacingEntity.update(
                "nextPostAt = ?1 where channel = ?2 and nextPostAt < ?1", at, channel));
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
