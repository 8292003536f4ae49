package io.upgradebot.slack.api;

import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.slack.view.PostBlocks;
import io.upgradebot.slack.view.ScheduleFailureText;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AnnouncementPoster} over the {@link SlackGateway} (which paces posts per channel and waits out 429s).
 * Slack's error codes that no retry can fix are reported as permanent, everything else as worth retrying later.
 */
@ApplicationScoped
public class SlackAnnouncementPoster implements AnnouncementPoster {

    /** Errors that posting the same thing again will meet again. */
    static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "channel_is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
            "missing_scope", "restricted_action", "restricted_action_read_only_channel",
            "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel", "msg_too_long",
            "no_text", "invalid_blocks", "invalid_blocks_format", "user_not_found", "user_disabled", "cannot_dm_bot",
            "team_access_not_granted", "invalid_arguments", "thread_not_found", "ekm_access_denied", "no_permission");

    private final SlackGateway gateway;

    public SlackAnnouncementPoster(SlackGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String post(String channel, String threadTs, Post post) {
        return post(channel, threadTs, post, null);
    }

    @Override
    public String post(String channel, String threadTs, Post post, String deliveryKey) {
        try {
            return gateway.postMessage(channel, threadTs, PostBlocks.fallback(post), PostBlocks.blocks(post),
                    deliveryKey);
        } catch (SlackGateway.SlackException e) {
            throw new PostFailed(e.error(), e.error() != null && PERMANENT.contains(e.error()),
                    "Slack refused the post: " + e.error(), e);
        } catch (RuntimeException e) {
            throw new PostFailed(null, false, "Slack could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> findPosted(String channel, String threadTs, String deliveryKey, Instant since) {
        try {
            return gateway.findDelivery(channel, threadTs, deliveryKey, since);
        } catch (SlackGateway.SlackException e) {
            throw new PostFailed(e.error(), e.error() != null && PERMANENT.contains(e.error()),
                    "Slack refused to show the channel's history: " + e.error(), e);
        } catch (RuntimeException e) {
            throw new PostFailed(null, false, "Slack could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public String postDm(String userId, Post post) {
        String channel;
        try {
            channel = gateway.openDm(userId);
        } catch (SlackGateway.SlackException e) {
            throw new PostFailed(e.error(), e.error() != null && PERMANENT.contains(e.error()),
                    "Slack could not open a DM with " + userId + ": " + e.error(), e);
        } catch (RuntimeException e) {
            throw new PostFailed(null, false, "Slack could not be reached: " + e.getMessage(), e);
        }
        return post(channel, null, post);
    }

    @Override
    public void tellNotPosted(NotPosted notPosted) {
        postDm(notPosted.authorId(), Post.of(ScheduleFailureText.mrkdwn(notPosted)));
    }
}
