package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.OwnerTeams;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.SlackMentions;
import io.upgradebot.project.TeamAudience;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who may choose a repository's Owner Does level ({@code upgrade-bot.choice-policy}): under {@code owners} the
 * members of the repository's owning team, under {@code channel} anyone in the project channel; orchestrators
 * always. Refusals say who can, in Slack mrkdwn.
 *
 * <p>May call Slack (user groups, channel members) and GitHub (team members): after the ack only.
 */
@ApplicationScoped
public class ChoicePermissions {

    private final OwnerDoesConfig config;
    private final Orchestrators orchestrators;
    private final OwnerTeams teams;
    private final SlackDirectory directory;

    public ChoicePermissions(OwnerDoesConfig config, Orchestrators orchestrators, OwnerTeams teams,
            SlackDirectory directory) {
        this.config = config;
        this.orchestrators = orchestrators;
        this.teams = teams;
        this.directory = directory;
    }

    public ChoicePolicy policy() {
        return config.choicePolicy();
    }

    /** May choose for every repository of the project (an orchestrator, or anyone in the channel under "channel"). */
    public boolean mayChooseAll(String userId, UpgradeProjectEntity project) {
        if (orchestrators.isOrchestrator(userId)) {
            return true;
        }
        return policy() == ChoicePolicy.CHANNEL && project.channelId != null
                && directory.channelMembers(project.channelId).contains(userId);
    }

    public boolean mayChoose(String userId, UpgradeProjectEntity project, ProjectRepoEntity repo) {
        if (mayChooseAll(userId, project)) {
            return true;
        }
        return policy() == ChoicePolicy.OWNERS && repo.ownerTeam != null
                && teams.isMember(userId, repo.ownerTeam, org(repo.repo));
    }

    /** "members of <!subteam^S1> (the owning team, `openedx/arch`) or an orchestrator (<@U1>)". */
    public String whoCan(UpgradeProjectEntity project, ProjectRepoEntity repo) {
        String orchestration = "an orchestrator (" + orchestrators.whoCan() + ")";
        if (policy() == ChoicePolicy.CHANNEL) {
            return (project.channelId == null
                    ? "people in the project channel"
                    : "anyone in <#" + project.channelId + ">")
                    + " or " + orchestration;
        }
        if (repo.ownerTeam == null) {
            return "its owning team, which is not known yet, so only " + orchestration;
        }
        TeamAudience audience = teams.audience(repo.ownerTeam, org(repo.repo));
        String who = audience.known()
                ? SlackMentions.of(audience) + " (the owning team, `" + repo.ownerTeam + "`)"
                : "the owning team `" + repo.ownerTeam + "` (not linked to Slack people yet)";
        return "members of " + who + " or " + orchestration;
    }

    /** The refusal shown when someone opens the choices and may choose for none of the repositories. */
    public String nothingToChoose(UpgradeProjectEntity project) {
        String orchestration = "orchestrators (" + orchestrators.whoCan() + ")";
        if (policy() == ChoicePolicy.CHANNEL) {
            return "Only people in "
                    + (project.channelId == null ? "the project channel" : "<#" + project.channelId + ">")
                    + " and " + orchestration + " choose for this project's repositories.";
        }
        return "None of this project's repositories is owned by a team you are in, as far as the bot knows. "
                + "Each repository's owning team chooses for it, and " + orchestration + " can choose for any. "
                + "If your team is missing, ask an orchestrator to add it to UPGRADE_BOT_OWNERS_SLACK.";
    }

    /** Choices are taken while the project runs: not for a preview (no issues yet) nor once it is closed. */
    public static Optional<String> notOpenForChoices(UpgradeProjectEntity project) {
        if (project.state == ProjectState.PREVIEW) {
            return Optional.of("*" + project.name + "* is only a preview: levels are chosen once it is created.");
        }
        if (project.state == ProjectState.CLOSED) {
            return Optional.of("*" + project.name + "* is closed: its Owner Does levels no longer change.");
        }
        return Optional.empty();
    }

    static String org(String repo) {
        int slash = repo == null ? -1 : repo.indexOf('/');
        return slash < 0 ? null : repo.substring(0, slash);
    }
}
