package io.upgradebot.slack.api;

import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.outside.CommunityCallForHelp;
import io.upgradebot.slack.view.DepsModal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@link CommunityCallForHelp} in Slack: one message in the community channel, rendered by slack/view. */
@ApplicationScoped
public class SlackCommunityCallForHelp implements CommunityCallForHelp {

    private final AnnouncementPoster poster;

    public SlackCommunityCallForHelp(AnnouncementPoster poster) {
        this.poster = poster;
    }

    @Override
    public void post(String channelId, String projectName, String roadmapIssueUrl, List<OpenDependency> open) {
        poster.post(channelId, null, AnnouncementPoster.Post.of(DepsModal.callForHelp(projectName, roadmapIssueUrl,
                open)));
    }
}
