package io.upgradebot.slack.api;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.ProjectPreview;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.project.statuspage.StatusPageLinks;
import io.upgradebot.slack.view.Mrkdwn;
import io.upgradebot.slack.view.PreviewView;
import io.upgradebot.slack.view.ProjectStatusView;
import io.upgradebot.slack.view.ScopeChangeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** {@link ProjectNotifier} in Slack: renders with the slack/view mappers, posts through the {@link SlackGateway}. */
@ApplicationScoped
public class SlackProjectNotifier implements ProjectNotifier {

    /** chat.update errors meaning "that message is gone": post a new one instead. */
    private static final Set<String> GONE = Set.of("message_not_found", "cant_update_message", "channel_not_found");
    /** chat.postEphemeral errors meaning "not here": fall back to a direct message. */
    private static final Set<String> NOT_HERE = Set.of("not_in_channel", "channel_not_found", "is_archived",
            "user_not_in_channel");

    private final SlackGateway slack;
    /** Field-injected so the constructor stays as it is. */
    @Inject
    StatusPageLinks statusPageLinks;

    public SlackProjectNotifier(SlackGateway slack) {
        this.slack = slack;
    }

    /** A fresh signed link at every edit: the message always carries one valid for the configured lifetime. */
    private String statusPageUrl(ProjectStatus status) {
        return statusPageLinks == null ? null : statusPageLinks.link(status.slug()).orElse(null);
    }

    @Override
    public String postStatus(String channelId, ProjectStatus status) {
        try {
            return slack.postMessage(channelId, null, ProjectStatusView.text(status),
                    ProjectStatusView.blocks(status, statusPageUrl(status)));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "status message not posted in " + channelId + ": " + e.error(), e);
        }
    }

    @Override
    public boolean updateStatus(String channelId, String ts, ProjectStatus status) {
        try {
            slack.updateMessage(channelId, ts, ProjectStatusView.text(status),
                    ProjectStatusView.blocks(status, statusPageUrl(status)));
            return true;
        } catch (SlackGateway.SlackException e) {
            if (GONE.contains(e.error())) {
                return false;
            }
            throw new NotifyException(e.error(), "status message not updated: " + e.error(), e);
        }
    }

    @Override
    public String postPreview(String channelId, ProjectPreview preview) {
        try {
            return slack.postMessage(channelId, null, PreviewView.text(preview), PreviewView.blocks(preview));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "preview not posted in " + channelId + ": " + e.error(), e);
        }
    }

    @Override
    public void postCreationSummary(String channelId, String threadTs, ProjectStatus status) {
        try {
            slack.postMessage(channelId, threadTs, ProjectStatusView.summaryText(status),
                    ProjectStatusView.summary(status));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "summary not posted: " + e.error(), e);
        }
    }

    @Override
    public void postChecklistLinesNotFound(String channelId, String threadTs,
            java.util.List<io.upgradebot.project.checklist.ChecklistWriteOutcomes.LineNotFound> lines) {
        String mrkdwn = io.upgradebot.slack.view.ChecklistThreadText.linesNotFound(lines);
        try {
            slack.postMessage(channelId, threadTs, Mrkdwn.truncate(mrkdwn, 3000), textBlocks(mrkdwn));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "thread reply not posted: " + e.error(), e);
        }
    }

    @Override
    public void postScopeChange(String channelId, String threadTs, ChangeProjectScope.ScopeChange change) {
        String mrkdwn = ScopeChangeView.threadText(change);
        try {
            slack.postMessage(channelId, threadTs, Mrkdwn.truncate(mrkdwn, 3000), textBlocks(mrkdwn));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "thread reply not posted: " + e.error(), e);
        }
    }

    @Override
    public void tell(String channelId, String userId, String mrkdwn) {
        try {
            if (channelId != null) {
                slack.postEphemeral(channelId, userId, Mrkdwn.truncate(mrkdwn, 3000), textBlocks(mrkdwn));
                return;
            }
        } catch (SlackGateway.SlackException e) {
            if (!NOT_HERE.contains(e.error())) {
                throw new NotifyException(e.error(), "note not delivered: " + e.error(), e);
            }
        }
        try {
            slack.postMessage(slack.openDm(userId), null, Mrkdwn.truncate(mrkdwn, 3000), textBlocks(mrkdwn));
        } catch (SlackGateway.SlackException e) {
            throw new NotifyException(e.error(), "direct message not delivered: " + e.error(), e);
        }
    }

    /** Long text split over sections of at most 3000 characters (Slack's section limit), at most 10. */
    static List<LayoutBlock> textBlocks(String mrkdwn) {
        return Mrkdwn.chunks(List.of(mrkdwn.split("\n")), Mrkdwn.SECTION_MAX, 10).stream()
                .<LayoutBlock>map(chunk -> section(s -> s.text(markdownText(chunk)))).toList();
    }
}
