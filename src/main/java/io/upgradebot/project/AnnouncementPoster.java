package io.upgradebot.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts scheduled announcements, reminders and nudges (port owned by project/, implemented in slack/ over the
 * SlackGateway, which paces posts to about one per second per channel and retries 429s after Retry-After).
 * Call only off Slack request threads: every method is a Web API call and may wait out a rate limit.
 *
 * <p>Failures: {@link PostFailed} once the gateway's own retries are spent. {@link PostFailed#permanent()} says
 * whether posting the same thing again can succeed (a deleted channel will not; a rate limit or a 5xx will).
 */
public interface AnnouncementPoster {

    /** Posts in a channel, in the thread of {@code threadTs} when it is set; answers the message ts. */
    String post(String channel, String threadTs, Post post);

    /**
     * Posts like {@link #post(String, String, Post)}, with {@code deliveryKey} attached to the message (Slack message
     * metadata) so that {@link #findPosted} can find it again after a crash.
     */
    String post(String channel, String threadTs, Post post, String deliveryKey);

    /**
     * The ts of the post carrying {@code deliveryKey} in the channel (in the thread of {@code threadTs} when set),
     * posted at or after {@code since}; empty when Slack has no such post. Throws {@link PostFailed} when the
     * channel's history cannot be read.
     */
    Optional<String> findPosted(String channel, String threadTs, String deliveryKey, Instant since);

    /** Posts a direct message to a person; answers the message ts. */
    String postDm(String userId, Post post);

    /** Tells the author of a scheduled message, by direct message, that it could not be posted. */
    void tellNotPosted(NotPosted notPosted);

    /**
     * A scheduled message that could not be posted.
     *
     * @param authorId    the Slack user who scheduled it (or created its project)
     * @param kindLabel   what it is ("announcement", "reminder" …)
     * @param projectName its project's name, or null for a message of no project (then {@code projectSlug} too)
     * @param error       why it failed (Slack's error code or a short reason)
     */
    record NotPosted(String authorId, String kindLabel, String projectName, String projectSlug, String error) {
    }

    /**
     * What to post (text a person wrote, or one of the bot's messages as data that the adapter words; any length: the
     * adapter splits it into blocks) and optional buttons under it.
     */
    record Post(PostContent content, List<Button> buttons) {
        public Post {
            content = content == null ? new PostContent.Text("") : content;
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        /** Text posted as it is (written by a person, or worded in slack/ already). */
        public Post(String mrkdwn, List<Button> buttons) {
            this(new PostContent.Text(mrkdwn), buttons);
        }

        public static Post of(String mrkdwn) {
            return new Post(mrkdwn, List.of());
        }
    }

    /**
     * A button under a post: a link ({@code url}), or the "choose the levels of my repositories" action of the
     * project {@code chooseLevelsOfProject} (rendered as a link to the roadmap issue where that action is unavailable).
     */
    record Button(String label, String url, Long chooseLevelsOfProject) {
        public static Button link(String label, String url) {
            return new Button(label, url, null);
        }

        public static Button chooseLevels(long projectId, String fallbackUrl) {
            return new Button("Choose levels", fallbackUrl, projectId);
        }
    }

    /** Slack refused or could not be reached after retries. {@code error} is Slack's code where it gave one. */
    class PostFailed extends RuntimeException {
        private final String error;
        private final boolean permanent;

        public PostFailed(String error, boolean permanent, String message, Throwable cause) {
            super(message, cause);
            this.error = error;
            this.permanent = permanent;
        }

        public String error() {
            return error;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
