package io.upgradebot.project.ownerdoes;

import io.upgradebot.domain.Markers;
import io.upgradebot.domain.OwnerDoesLevel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The comment left on a repository issue for each Owner Does choice: the level, what the owning team and the
 * orchestration team each do at that level, who chose it and when. The hidden marker (one per choice) lets the
 * write queue find the comment again after a crash instead of posting it twice.
 */
final class OwnerDoesComment {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private OwnerDoesComment() {
    }

    static String marker(long choiceId) {
        return Markers.comment("owner-does", String.valueOf(choiceId));
    }

    static String body(long choiceId, OwnerDoesLevel from, OwnerDoesLevel to, String ownerTeam,
            String orchestrationTeam,
            String chosenBy, Instant at) {
        String owner = ownerTeam == null ? "Owning team (unknown yet)" : "Owning team (`" + ownerTeam + "`)";
        String orchestration = orchestrationTeam == null || orchestrationTeam.isBlank()
                ? "Orchestration team"
                : "Orchestration team (" + orchestrationTeam + ")";
        String orchestrationSteps = OwnerDoesLevelText.steps(to.orchestratorSteps())
                + (to.orchestratorNote().isEmpty() ? "" : " " + to.orchestratorNote());
        return "**Owner Does: " + to.label() + "**"
                + (from == null || from.isTbd() ? "" : " (was: " + from.label() + ")") + "\n\n"
                + "| Who | Does |\n|---|---|\n"
                + "| " + owner + " | " + OwnerDoesLevelText.steps(to.ownerSteps()) + " |\n"
                + "| " + orchestration + " | " + orchestrationSteps + " |\n\n"
                + "Chosen by " + chosenBy + " in Slack on " + WHEN.format(at) + ". "
                + "Changing your mind is fine: choose again in Slack or set the board's Owner Does field.\n\n"
                + marker(choiceId);
    }
}
