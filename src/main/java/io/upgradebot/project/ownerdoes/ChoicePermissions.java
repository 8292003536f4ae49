package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.OwnerTeams;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.TeamAudience;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who may choose a repository's Owner Does level ({@code upgrade-bot.choice-policy}): under {@code owners} the
 * members of the repository's owning team, under {@code channel} anyone in the project channel; orchestrators
 * always. Refusals are data ({@link ChoiceRefusal}) saying who can; the Slack adapter words them.
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

    /** Who may choose for {@code repo}: the policy, the channel, the owning team and who it is, the orchestrators. */
    public ChoiceRefusal.WhoCan whoCan(UpgradeProjectEntity project, ProjectRepoEntity repo) {
        if (policy() == ChoicePolicy.CHANNEL || repo.ownerTeam == null) {
            return new ChoiceRefusal.WhoCan(policy(), project.channelId, repo.ownerTeam, null,
                    orchestrators.whoCan());
        }
        TeamAudience audience = teams.audience(repo.ownerTeam, org(repo.repo));
        return new ChoiceRefusal.WhoCan(policy(), project.channelId, repo.ownerTeam, audience,
                orchestrators.whoCan());
    }

    /** The refusal for someone who may not choose for {@code repo}, saying who can. */
    public ChoiceRefusal notAllowed(UpgradeProjectEntity project, ProjectRepoEntity repo) {
        return new ChoiceRefusal(ChoiceRefusal.Reason.NOT_ALLOWED, project.name, repo.repo, whoCan(project, repo));
    }

    /** The refusal shown when someone opens the choices and may choose for none of the repositories. */
    public ChoiceRefusal nothingToChoose(UpgradeProjectEntity project) {
        return new ChoiceRefusal(ChoiceRefusal.Reason.NOTHING_TO_CHOOSE, project.name, null,
                new ChoiceRefusal.WhoCan(policy(), project.channelId, null, null, orchestrators.whoCan()));
    }

    /** Choices are taken while the project runs: not for a preview (no issues yet) nor once it is closed. */
    public static Optional<ChoiceRefusal> notOpenForChoices(UpgradeProjectEntity project) {
        if (project.state == ProjectState.PREVIEW) {
            return Optional.of(new ChoiceRefusal(ChoiceRefusal.Reason.PREVIEW, project.name, null, null));
        }
        if (project.state == ProjectState.CLOSED) {
            return Optional.of(new ChoiceRefusal(ChoiceRefusal.Reason.CLOSED, project.name, null, null));
        }
        if (project.state == ProjectState.FINISHED) {
            return Optional.of(new ChoiceRefusal(ChoiceRefusal.Reason.FINISHED, project.name, null, null));
        }
        return Optional.empty();
    }

    static String org(String repo) {
        int slash = repo == null ? -1 : repo.indexOf('/');
        return slash < 0 ? null : repo.substring(0, slash);
    }
}
