package io.upgradebot.project;

import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.ProjectPreview;
import io.upgradebot.project.status.ProjectStatus;

/**
 * How the project services speak in Slack (port owned by project/, implemented in slack/ by an adapter that renders
 * with the slack/view mappers and posts through the SlackGateway). Call only off Slack request threads (after the
 * ack, from the write queue's events, from jobs): every method does Web API calls.
 *
 * <p>Failures: a method that cannot reach Slack throws {@link NotifyException}; {@link #updateStatus} answers
 * false instead when the message is gone (deleted), so the caller can post a new one.
 */
public interface ProjectNotifier {

    /** Posts a project's status message in its channel; answers the message ts. */
    String postStatus(String channelId, ProjectStatus status);

    /** Edits the status message in place; false when it no longer exists. */
    boolean updateStatus(String channelId, String ts, ProjectStatus status);

    /** Posts the preview of a project not created yet, with the button that creates it; answers the ts. */
    String postPreview(String channelId, ProjectPreview preview);

    /** A scope change's details (who, added or removed, each repository's line), as a reply in the thread. */
    void postScopeChange(String channelId, String threadTs, ChangeProjectScope.ScopeChange change);

    /** In the status thread: runbook checklist lines of the roadmap issue that could not be ticked or unticked. */
    void postChecklistLinesNotFound(String channelId, String threadTs,
            java.util.List<io.upgradebot.project.checklist.ChecklistWriteOutcomes.LineNotFound> lines);

    /** The end-of-creation summary in the status message's thread: links, counts, every failure and why. */
    void postCreationSummary(String channelId, String threadTs, ProjectStatus status);

    /** A note only {@code userId} sees, in the channel when the bot is in it, else as a direct message. */
    void tell(String channelId, String userId, String mrkdwn);

    /** Slack said no (channel_not_found, not_in_channel …) after retries. */
    class NotifyException extends RuntimeException {
        private final String error;

        public NotifyException(String error, String message, Throwable cause) {
            super(message, cause);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
