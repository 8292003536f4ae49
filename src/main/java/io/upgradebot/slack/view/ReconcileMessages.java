package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.reconcile.ReconcileReport;
import java.util.ArrayList;
import java.util.List;

/** The reconciliation in Slack's words: findings in the status thread, and the answer to {@code /upgrade sync}. */
public final class ReconcileMessages {

    private ReconcileMessages() {
    }

    /** One line per finding, saying what people may want to do about it (the bot undoes none of them). */
    public static String findingsText(String projectName, List<ReconcileReport.Finding> findings) {
        List<String> lines = new ArrayList<>();
        lines.add(":mag: *" + Mrkdwn.escape(projectName) + "*: found on GitHub since the last check");
        findings.forEach(f -> lines.add("• " + line(f)));
        return String.join("\n", lines);
    }

    public static List<LayoutBlock> findings(String projectName, List<ReconcileReport.Finding> findings) {
        List<String> lines = findings.stream().map(f -> "• " + line(f)).toList();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":mag: *" + Mrkdwn.escape(projectName)
                + "*: found on GitHub since the last check"))));
        // at most 45 sections: a message takes 50 blocks
        for (String chunk : Mrkdwn.chunks(lines, Mrkdwn.SECTION_MAX, 45)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }

    static String line(ReconcileReport.Finding f) {
        String issue = Mrkdwn.link(f.issueUrl(), f.repo() + (f.issueNumber() == null ? "" : "#" + f.issueNumber()));
        return switch (f.kind()) {
            case ITEM_REMOVED -> issue + " was removed from the board. The bot does not add it back; add it again "
                    + "if that was a mistake.";
            case ISSUE_DELETED -> issue + " no longer exists on GitHub (deleted, or the bot can no longer see it). "
                    + "Its repository stays in the project: remove it with `/upgrade repos … remove` if it is done.";
            case ISSUE_TRANSFERRED -> issue + " was transferred to *" + Mrkdwn.escape(f.detail()) + "*. The bot "
                    + "keeps following the repository, not the moved issue.";
        };
    }

    /** The ephemeral answer to {@code /upgrade sync <project>}. */
    public static String summary(ReconcileReport r) {
        List<String> lines = new ArrayList<>();
        String head = "*" + Mrkdwn.escape(r.name()) + "*: compared " + r.repositories() + " repository issue"
                + (r.repositories() == 1 ? "" : "s") + " with GitHub in " + r.requests() + " request"
                + (r.requests() == 1 ? "" : "s") + ".";
        if (r.stopped() != null && r.requests() == 0) {
            return ":information_source: *" + Mrkdwn.escape(r.name()) + "*: " + Mrkdwn.escape(r.stopped()) + ".";
        }
        if (r.stopped() != null) {
            lines.add(":warning: " + head + " Stopped early: " + Mrkdwn.escape(Mrkdwn.truncate(r.stopped(), 300))
                    + (r.retryAt() == null ? "" : " GitHub asks to wait until " + Mrkdwn.time(r.retryAt()) + ".")
                    + " The hourly check tries again.");
            return String.join("\n", lines);
        }
        lines.add((r.changedAnything() ? ":white_check_mark: " : ":white_check_mark: Nothing had drifted. ") + head);
        list(lines, "Closed on GitHub", r.closed());
        list(lines, "Reopened on GitHub", r.reopened());
        list(lines, "Owner Does set on the board, recorded via GitHub", r.choices());
        list(lines, "Board value written again (the bot's own older value)", r.boardRewritten());
        if (!r.reported().isEmpty()) {
            lines.add("Told in the status thread:");
            // an ephemeral reply stays within 50 blocks: the thread has the full list
            r.reported().stream().limit(30).forEach(f -> lines.add("• " + line(f)));
            if (r.reported().size() > 30) {
                lines.add("…and " + (r.reported().size() - 30) + " more in the status thread.");
            }
        }
        if (r.alreadyKnown() > 0) {
            lines.add(r.alreadyKnown() + " finding" + (r.alreadyKnown() == 1 ? " was" : "s were")
                    + " already told in the status thread.");
        }
        return String.join("\n", lines);
    }

    private static void list(List<String> lines, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        List<String> shown = items.size() > 20 ? items.subList(0, 20) : items;
        lines.add(title + " (" + items.size() + "): " + Mrkdwn.escape(String.join(", ", shown))
                + (items.size() > shown.size() ? ", …" : ""));
    }
}
