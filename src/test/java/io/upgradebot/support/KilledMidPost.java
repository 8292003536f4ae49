package io.upgradebot.support;

import io.upgradebot.project.AnnouncementPoster;
import java.time.Instant;
import java.util.Optional;

/**
 * An {@link AnnouncementPoster} whose replica is killed while posting: the post reaches Slack (or not, with
 * {@code reachesSlack} false) and then the process is gone, so nothing after it (recording the post as sent) runs.
 * The kill is an {@link Error}, which the delivery code does not catch, as a {@code kill -9} leaves no chance to.
 */
public final class KilledMidPost implements AnnouncementPoster {

    /** The replica died here. */
    public static final class Killed extends Error {
        Killed() {
            super("replica killed while posting");
        }
    }

    private final AnnouncementPoster real;
    private final boolean reachesSlack;

    public KilledMidPost(AnnouncementPoster real, boolean reachesSlack) {
        this.real = real;
        this.reachesSlack = reachesSlack;
    }

    @Override
    public String post(String channel, String threadTs, Post post) {
        return post(channel, threadTs, post, null);
    }

    @Override
    public String post(String channel, String threadTs, Post post, String deliveryKey) {
        if (reachesSlack) {
            real.post(channel, threadTs, post, deliveryKey);
        }
        throw new Killed();
    }

    @Override
    public Optional<String> findPosted(String channel, String threadTs, String deliveryKey, Instant since) {
        return real.findPosted(channel, threadTs, deliveryKey, since);
    }

    @Override
    public String postDm(String userId, Post post) {
        throw new Killed();
    }

    @Override
    public void tellNotPosted(NotPosted notPosted) {
        throw new Killed();
    }
}
