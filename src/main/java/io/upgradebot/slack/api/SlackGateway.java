package io.upgradebot.slack.api;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port in front of Slack's Web API (Bolt's MethodsClient behind it).
 *
 * <p>Failure semantics: HTTP 429 is retried after {@code Retry-After}, transient failures (5xx, I/O) with backoff,
 * up to {@code upgrade-bot.slack.max-retries}; posts to one channel are paced about one per second. What still fails
 * throws {@link SlackException} with Slack's error code (e.g. {@code channel_not_found}). Callers on a Slack
 * request thread must only call {@link #openView} (trigger_id expires in 3 s); everything else runs after the ack.
 */
public interface SlackGateway {

    /** The metadata event type of posts that carry a delivery key ({@code event_payload: {key: …}}). */
    String DELIVERY_EVENT_TYPE = "upgrade_bot_delivery";

    /** Posts a message (in a thread when {@code threadTs} is set); answers its ts. */
    String postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks);

    /**
     * Posts a message carrying {@code deliveryKey} in its metadata (event type {@link #DELIVERY_EVENT_TYPE}), so
     * that {@link #findDelivery} can tell later whether it reached Slack; answers its ts.
     */
    String postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks, String deliveryKey);

    /**
     * The ts of the message posted with {@code deliveryKey} in the channel (in the thread of {@code threadTs} when
     * set) since {@code since}, or empty when there is none. Reads the channel's history with its metadata.
     */
    Optional<String> findDelivery(String channel, String threadTs, String deliveryKey, Instant since);

    void updateMessage(String channel, String ts, String text, List<LayoutBlock> blocks);

    /**
     * Shares a file in a channel (in the thread of {@code threadTs} when set) through Slack's external upload:
     * {@code files.getUploadURLExternal}, the bytes POSTed to the URL it answers, then
     * {@code files.completeUploadExternal}. Answers the file id. Needs the {@code files:write} scope.
     */
    String uploadFile(String channel, String threadTs, String fileName, String title, byte[] bytes);

    void postEphemeral(String channel, String user, String text, List<LayoutBlock> blocks);

    /** Opens a modal; answers the view id. Call at once: trigger_id is valid for 3 s, once. */
    String openView(String triggerId, View view);

    /** Replaces an open modal (by view id). */
    void updateView(String viewId, View view);

    /** Publishes {@code view} (type home) as the user's App Home tab, replacing what it showed. */
    void publishHome(String userId, View view);

    /**
     * Sends to a slash command's / interaction's response_url (ephemeral unless {@code inChannel}); with none (a click
     * outside a message), nothing is sent.
     */
    void respond(String responseUrl, String text, List<LayoutBlock> blocks, boolean inChannel);

    Optional<SlackUser> user(String userId);

    Optional<String> userIdByEmail(String email);

    List<String> userGroupMembers(String userGroupId);

    List<String> channelMembers(String channelId);

    /** Opens (or finds) the DM channel with a user. */
    String openDm(String userId);

    record SlackUser(String id, String name, String realName, String email, String timeZone, boolean bot) {
    }

    /** A Slack Web API error that retries did not fix. */
    class SlackException extends RuntimeException {
        private final String error;

        public SlackException(String error, String message, Throwable cause) {
            super(message, cause);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
