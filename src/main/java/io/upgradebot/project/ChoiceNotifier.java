package io.upgradebot.project;

import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import java.time.LocalDate;
import java.util.List;

/**
 * What the Owner Does feature posts to Slack (port owned by project/, implemented in slack/). Implementations
 * throw on failure; callers log and carry on, because the choice itself is already recorded.
 */
public interface ChoiceNotifier {

    /** The runbook's announcement asking owners to choose, posted in the project channel; answers its ts. */
    String announce(Announcement announcement);

    /** The same announcement carrying {@code deliveryKey} (see {@link AnnouncementPoster#findPosted}). */
    String announce(Announcement announcement, String deliveryKey);

    /** One change's details, in the thread of the project's status message (never as a new channel post). */
    void choiceRecorded(ChoiceDetail detail);

    /**
     * @param teams         owning teams with how many repositories each owns, most repositories first
     * @param unknownOwners repositories whose owner is unknown
     */
    record Announcement(long projectId, String projectName, String channelId, String dependency, String currentVersion,
            String targetVersion, LocalDate completionDate, String completionReason, String docsUrl,
            String roadmapIssueUrl, String orchestrationTeam, int repositories, List<TeamRepos> teams,
            int unknownOwners, List<OwnerDoesLevel> levels) {
    }

    record TeamRepos(TeamAudience audience, int repositories) {
    }

    /**
     * @param chosenBy a Slack user id (via SLACK) or a GitHub login (via GITHUB)
     */
    record ChoiceDetail(long projectId, String channelId, String threadTs, String repo, String issueUrl,
            OwnerDoesLevel from, OwnerDoesLevel to, String chosenBy, OwnerDoesChoices.Via via) {
    }
}
