package io.upgradebot.project.finish;

import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;

/** The GitHub Markdown a finish and a reopen write (comments, follow-up issues). */
final class FinishTexts {

    private FinishTexts() {
    }

    static String finishedWithOpenItems(String reason, String actor) {
        return "This upgrade was marked finished from Slack by " + who(actor)
                + " while some items were still open. The reason given:\n\n> "
                + reason.strip().replace("\n", "\n> ");
    }

    static String reopened(String actor) {
        return "This upgrade was reopened from Slack by " + who(actor) + ".";
    }

    static String followUpTitle(String dependency) {
        return "Replace or take over maintenance of " + dependency;
    }

    /** The runbook's last Clean Up step: a dependency found inadequately maintained gets work scheduled. */
    static String followUpBody(UpgradeProjectEntity p, OutsideIssueEntity o) {
        StringBuilder b = new StringBuilder();
        b.append("During the ").append(p.name).append(" upgrade, **").append(o.name)
                .append("** was found to be inadequately maintained. Schedule work to replace it or, if necessary, ")
                .append("take over its maintenance.\n\n");
        if (o.upstreamUrl != null) {
            b.append("- Upstream: ").append(o.upstreamUrl).append('\n');
        }
        if (o.issueUrl != null) {
            b.append("- Issue opened during the upgrade: ").append(o.issueUrl).append('\n');
        }
        if (p.roadmapIssueUrl != null) {
            b.append("- Roadmap issue: ").append(p.roadmapIssueUrl).append('\n');
        }
        return b.toString().strip();
    }

    private static String who(String actor) {
        return actor == null || actor.isBlank() ? "an orchestrator" : "an orchestrator (" + actor.strip() + ")";
    }
}
