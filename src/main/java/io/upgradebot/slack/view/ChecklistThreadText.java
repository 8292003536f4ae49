package io.upgradebot.slack.view;

import io.upgradebot.project.checklist.ChecklistWriteOutcomes;
import java.util.List;
import java.util.stream.Collectors;

/** The status thread's words when checklist lines of the roadmap issue could not be ticked or unticked. */
public final class ChecklistThreadText {

    private ChecklistThreadText() {
    }

    public static String linesNotFound(List<ChecklistWriteOutcomes.LineNotFound> lines) {
        return "Could not change the runbook checklist of the roadmap issue: these lines are no longer in it as written"
                + " (reworded or removed), so they were left alone. Change them by hand on GitHub if they still apply.\n"
                + lines.stream()
                        .map(l -> "• " + (l.tick() ? "tick" : "untick") + " \"" + Mrkdwn.escape(l.text()) + "\"")
                        .collect(Collectors.joining("\n"));
    }
}
