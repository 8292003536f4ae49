package io.upgradebot.slack.view;

import io.upgradebot.project.OrchestratorGate;
import java.util.ArrayList;
import java.util.List;

/** An {@link OrchestratorGate.Refusal} in Slack's words: the same text wherever an action is refused. */
public final class OrchestratorRefusal {

    /** Who can, when nobody is configured: how an operator names the orchestrators. */
    static final String NOBODY_YET = "nobody yet: an operator sets UPGRADE_BOT_ORCHESTRATORS (Slack user ids) or "
            + "UPGRADE_BOT_ORCHESTRATOR_GROUP (a user group id)";

    private OrchestratorRefusal() {
    }

    /** ":no_entry: Only orchestrators create upgrade projects: <@U1> or members of <!subteam^S1>." */
    public static String mrkdwn(OrchestratorGate.Refusal r) {
        return ":no_entry: " + sentence(r);
    }

    /** Without the emoji, where the surrounding view adds its own: "Only orchestrators …: <@U1>." */
    public static String sentence(OrchestratorGate.Refusal r) {
        String instead = r.action().instead == null ? "" : " " + r.action().instead;
        return "Only orchestrators " + r.action().onlyOrchestrators + ": " + who(r.team()) + "." + instead;
    }

    /** For a modal's field error (plain text, no mentions): "Only orchestrators create upgrade projects." */
    public static String plain(OrchestratorGate.Refusal r) {
        return "Only orchestrators " + r.action().onlyOrchestrators + ".";
    }

    /** "<@U1>, <@U2> or members of <!subteam^S1>", or how to name them when nobody is configured. */
    static String who(OrchestratorGate.OrchestrationTeam team) {
        if (team.nobody()) {
            return NOBODY_YET;
        }
        List<String> parts = new ArrayList<>();
        team.userIds().forEach(u -> parts.add("<@" + u + ">"));
        team.userGroupId().ifPresent(g -> parts.add("members of <!subteam^" + g + ">"));
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
