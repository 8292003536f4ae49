package io.upgradebot.project;

import io.upgradebot.project.radar.RadarRow;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Posts the radar's scheduled message (port owned by project/, implemented in slack/ over the SlackGateway, which
 * paces and retries). Failures are {@link AnnouncementPoster.PostFailed}, as for announcements.
 */
public interface RadarPoster {

    /** At most this many rows go in one post (Slack: 50 blocks a message; one block per row and a heading). */
    int MAX_ROWS_PER_POST = 40;

    /**
     * Posts the rows that cross {@code horizon} with no project yet, each with a button that opens the new-project
     * form filled in; {@code deliveryKey} travels in the message metadata. Answers the message ts.
     */
    String post(String channel, List<RadarRow> rows, Period horizon, String deliveryKey);

    /** The ts of the post carrying {@code deliveryKey} in the channel since {@code since}; empty when there is none. */
    Optional<String> findPosted(String channel, String deliveryKey, Instant since);
}
