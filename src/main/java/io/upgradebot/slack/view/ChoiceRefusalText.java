package io.upgradebot.slack.view;

import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.project.ownerdoes.ChoiceRefusal;

/** A {@link ChoiceRefusal} in Slack mrkdwn: why a person may not choose an Owner Does level, and who can. */
public final class ChoiceRefusalText {

    private ChoiceRefusalText() {
    }

    /** The whole refusal, without an emoji (callers that want one add it). */
    public static String mrkdwn(ChoiceRefusal r) {
        return switch (r.reason()) {
            case PREVIEW -> "*" + r.projectName() + "* is only a preview: levels are chosen once it is created.";
            case CLOSED -> "*" + r.projectName() + "* is closed: its Owner Does levels no longer change.";
            case FINISHED -> FinishedProject.mrkdwn(r.projectName(), null);
            case NOT_ALLOWED -> "You can't choose for *" + r.repo() + "*: " + whoCan(r.who()) + " can.";
            case NOTHING_TO_CHOOSE -> nothingToChoose(r.who());
        };
    }

    /** "members of <!subteam^S1> (the owning team, `openedx/arch`) or an orchestrator (<@U1>)". */
    public static String whoCan(ChoiceRefusal.WhoCan w) {
        String orchestration = "an orchestrator (" + OrchestratorRefusal.who(w.orchestrators()) + ")";
        if (w.policy() == ChoicePolicy.CHANNEL) {
            return (w.channelId() == null
                    ? "people in the project channel"
                    : "anyone in <#" + w.channelId() + ">")
                    + " or " + orchestration;
        }
        if (w.ownerTeam() == null) {
            return "its owning team, which is not known yet, so only " + orchestration;
        }
        String who = w.ownerAudience() != null && w.ownerAudience().known()
                ? SlackMentions.of(w.ownerAudience()) + " (the owning team, `" + w.ownerTeam() + "`)"
                : "the owning team `" + w.ownerTeam() + "` (not linked to Slack people yet)";
        return "members of " + who + " or " + orchestration;
    }

    private static String nothingToChoose(ChoiceRefusal.WhoCan w) {
        String orchestration = "orchestrators (" + OrchestratorRefusal.who(w.orchestrators()) + ")";
        if (w.policy() == ChoicePolicy.CHANNEL) {
            return "Only people in "
                    + (w.channelId() == null ? "the project channel" : "<#" + w.channelId() + ">")
                    + " and " + orchestration + " choose for this project's repositories.";
        }
        return "None of this project's repositories is owned by a team you are in, as far as the bot knows. "
                + "Each repository's owning team chooses for it, and " + orchestration + " can choose for any. "
                + "If your team is missing, ask an orchestrator to add it to UPGRADE_BOT_OWNERS_SLACK.";
    }
}
