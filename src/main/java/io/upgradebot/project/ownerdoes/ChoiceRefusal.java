package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.project.OrchestratorGate.OrchestrationTeam;
import io.upgradebot.project.TeamAudience;

/**
 * Why a person may not choose an Owner Does level, as data: the Slack adapter says it in its own words.
 *
 * @param reason      why
 * @param projectName the project's name
 * @param repo        the repository refused ({@link Reason#NOT_ALLOWED}), else null
 * @param who         who can choose ({@link Reason#NOT_ALLOWED}, {@link Reason#NOTHING_TO_CHOOSE}), else null
 */
public record ChoiceRefusal(Reason reason, String projectName, String repo, WhoCan who) {

    public enum Reason {
        /** The project is only a preview: levels are chosen once it is created. */
        PREVIEW,
        /** The project is closed: its levels no longer change. */
        CLOSED,
        /** The project is finished: read-only until an orchestrator reopens it. */
        FINISHED,
        /** This person may not choose for this repository. */
        NOT_ALLOWED,
        /** This person may choose for none of the project's repositories. */
        NOTHING_TO_CHOOSE
    }

    /**
     * Who may choose under the policy.
     *
     * @param policy        the choosing policy
     * @param channelId     the project channel, or null when it has none
     * @param ownerTeam     the repository's owning team, or null when unknown or not about one repository
     * @param ownerAudience who the owning team is in Slack, or null when {@code ownerTeam} is null or the policy is
     *                      {@code channel}
     * @param orchestrators who the orchestrators are
     */
    public record WhoCan(ChoicePolicy policy, String channelId, String ownerTeam, TeamAudience ownerAudience,
            OrchestrationTeam orchestrators) {
    }
}
