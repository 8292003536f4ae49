package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.slack.ActionIds;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's status message (edited in place), the answer to {@code /upgrade status}, and the end-of-creation
 * summary. Stays far below Slack's 50 blocks and 3000 characters per section however many repositories there are:
 * long lists are cut with "…and N more".
 */
public final class ProjectStatusView {

    /** Repositories named in the "still TBD" list; the rest are counted. */
    static final int TBD_SHOWN = 60;
    static final int FAILURES_SHOWN = 15;

    private ProjectStatusView() {
    }

    /** Notification text (what Slack shows where blocks are not rendered). */
    public static String text(ProjectStatus s) {
        if (s.progress() != null) {
            return s.name() + ": creating repository issues " + s.progress().issuesCreated() + " / "
                    + s.progress().issuesTotal();
        }
        return s.name() + ": " + s.repositories() + " repositories, " + tbdCount(s) + " still TBD";
    }

    public static List<LayoutBlock> blocks(ProjectStatus s) {
        return blocks(s, null);
    }

    /** With a "Status page" link button when {@code statusPageUrl} is set (a signed, expiring link). */
    public static List<LayoutBlock> blocks(ProjectStatus s, String statusPageUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(s.name() + " upgrade", 150)))));
        blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(headline(s), Mrkdwn.SECTION_MAX)))));
        if (s.progress() != null) {
            blocks.add(section(b -> b.text(markdownText(progressLine(s.progress())))));
        }
        blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(counts(s), Mrkdwn.SECTION_MAX)))));
        List<ProjectStatus.RepoLine> tbd = s.tbd();
        if (!tbd.isEmpty() && s.progress() == null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tbd.size() && i < TBD_SHOWN; i++) {
                ProjectStatus.RepoLine r = tbd.get(i);
                names.add(r.issueUrl() == null ? Mrkdwn.escape(r.repo()) : Mrkdwn.link(r.issueUrl(), r.repo()));
            }
            String more = tbd.size() > TBD_SHOWN ? " …and " + (tbd.size() - TBD_SHOWN) + " more" : "";
            String list = "*Still TBD (" + tbd.size() + "):* " + String.join(", ", names) + more;
            blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(list, Mrkdwn.SECTION_MAX)))));
        }
        if (!s.failures().isEmpty()) {
            blocks.add(section(b -> b.text(markdownText(failures(s)))));
        }
        if (s.overlapWarning() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":warning: " + Mrkdwn.truncate(
                    Mrkdwn.escape(s.overlapWarning()), 2000))))));
        }
        if (s.progress() == null) {
            List<BlockElement> buttons = new ArrayList<>();
            buttons.add(button(btn -> btn.actionId(ActionIds.PROJECT_CHART.id()).value(String.valueOf(s.projectId()))
                    .text(plainText(":chart_with_downwards_trend: Chart", true))));
            if (statusPageUrl != null) {
                buttons.add(button(btn -> btn.actionId(ActionIds.OPEN_LINK.id("status-page")).url(statusPageUrl)
                        .text(plainText("Status page"))));
            }
            blocks.add(actions(a -> a.elements(buttons)));
        }
        List<String> foot = new ArrayList<>();
        if (s.completionReason() != null) {
            foot.add("Why this date: " + Mrkdwn.truncate(Mrkdwn.escape(s.completionReason()), 1200));
        } else if (s.completionDate() != null && s.createdBy() != null) {
            foot.add("Why this date: Date chosen by <@" + s.createdBy() + "> when creating the project.");
        }
        foot.add("`/upgrade status " + s.slug() + "`");
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.truncate(String.join(" · ", foot),
                Mrkdwn.SECTION_MAX))))));
        return blocks;
    }

    static String headline(ProjectStatus s) {
        StringBuilder b = new StringBuilder();
        b.append(switch (s.state()) {
            case CREATING -> ":hourglass_flowing_sand: *Being created*";
            case ACTIVE -> ":large_green_circle: *Active*";
            case CLOSED -> ":white_check_mark: *Closed*";
            case FINISHED -> ":checkered_flag: *Finished*";
            default -> ":eyes: *Preview*";
        });
        if (s.roadmapIssueUrl() != null) {
            b.append(" · ").append(Mrkdwn.link(s.roadmapIssueUrl(), "roadmap issue"
                    + (s.roadmapIssueNumber() == null ? "" : " #" + s.roadmapIssueNumber())));
        } else {
            b.append(" · roadmap issue in ").append(Mrkdwn.escape(s.roadmapRepo()));
        }
        if (s.completionDate() != null) {
            b.append(" · due *").append(s.completionDate()).append('*');
        }
        if (s.release() != null) {
            b.append(" (").append(Mrkdwn.escape(s.release())).append(')');
        }
        if (s.orchestrationTeam() != null) {
            b.append(" · orchestrated by ").append(Mrkdwn.escape(s.orchestrationTeam()));
        }
        if (s.docsUrl() != null) {
            b.append(" · ").append(Mrkdwn.link(s.docsUrl(), "docs"));
        }
        if (s.boardUrl() != null) {
            b.append(" · ").append(Mrkdwn.link(s.boardUrl(), "board"));
        }
        return b.toString();
    }

    /** "Creating repository issues: 37 / 80 · GitHub asked us to slow down, resuming at 14:02 · 0 failed" */
    static String progressLine(ProjectStatus.Progress p) {
        StringBuilder b = new StringBuilder();
        if (p.issuesCreated() < p.issuesTotal()) {
            b.append("Creating repository issues: *").append(p.issuesCreated()).append(" / ").append(p.issuesTotal())
                    .append('*');
        } else {
            b.append("Repository issues created: *").append(p.issuesCreated()).append(" / ").append(p.issuesTotal())
                    .append("*; linking them and filling the board");
        }
        b.append(" · GitHub writes ").append(p.writesDone()).append(" / ").append(p.writesTotal());
        if (p.throttledUntil() != null) { // set only while GitHub throttles, as of the snapshot
            b.append(" · GitHub asked us to slow down, resuming at ").append(Mrkdwn.time(p.throttledUntil()));
        }
        b.append(" · ").append(p.failed()).append(" failed");
        return b.toString();
    }

    static String counts(ProjectStatus s) {
        StringBuilder b = new StringBuilder();
        b.append("*").append(s.repositories()).append(" repositories* · ").append(s.issuesCreated())
                .append(" issues (").append(s.issuesOpen()).append(" open, ").append(s.issuesClosed())
                .append(" closed");
        if (!s.closedUndone().isEmpty()) {
            // closed as not planned is no work done: said apart, so the closed count does not read as progress
            b.append(": ").append(s.closedUndone().stream().map(c -> c.count() + " " + Mrkdwn.escape(c.value()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        b.append(")");
        if (!s.boardStatuses().isEmpty()) {
            b.append("\n*Board status:* ").append(s.boardStatuses().stream()
                    .map(c -> Mrkdwn.escape(c.value()) + " " + c.count())
                    .collect(java.util.stream.Collectors.joining(" · ")));
        }
        if (s.progress() == null) {
            b.append("\n*Owner Does:* ");
            List<String> parts = new ArrayList<>();
            for (ProjectStatus.LevelCount l : s.levels()) {
                if (l.count() > 0 || "TBD".equalsIgnoreCase(l.level())) {
                    parts.add(Mrkdwn.escape(l.label()) + " " + l.count());
                }
            }
            b.append(String.join(" · ", parts));
        }
        return b.toString();
    }

    static String failures(ProjectStatus s) {
        StringBuilder b = new StringBuilder(":warning: *" + s.failures().size() + " GitHub write"
                + (s.failures().size() == 1 ? "" : "s") + " failed:*");
        int shown = 0;
        for (ProjectStatus.Failure f : s.failures()) {
            if (shown == FAILURES_SHOWN) {
                b.append("\n…and ").append(s.failures().size() - shown).append(" more");
                break;
            }
            b.append("\n• ").append(Mrkdwn.escape(f.what())).append(": ")
                    .append(Mrkdwn.truncate(Mrkdwn.escape(f.why() == null ? "unknown error" : f.why()), 150));
            shown++;
        }
        return Mrkdwn.truncate(b.toString(), Mrkdwn.SECTION_MAX);
    }

    private static long tbdCount(ProjectStatus s) {
        return s.tbd().size();
    }

    /** The thread reply when creation is over: links, counts, and what failed and why. */
    public static List<LayoutBlock> summary(ProjectStatus s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder b = new StringBuilder(s.failures().isEmpty() ? ":white_check_mark: " : ":warning: ");
        b.append("*").append(Mrkdwn.escape(s.name())).append("* is set up: ");
        if (s.roadmapIssueUrl() != null) {
            b.append(Mrkdwn.link(s.roadmapIssueUrl(), "roadmap issue")).append(", ");
        }
        b.append(s.issuesCreated()).append(" of ").append(s.repositories()).append(" repository issues created");
        if (s.boardUrl() != null) {
            b.append(" and on the ").append(Mrkdwn.link(s.boardUrl(), "board"))
                    .append(" (Owner Does: TBD, Status: Todo)");
        }
        b.append(s.failures().isEmpty() ? ". Nothing failed." : ".");
        blocks.add(section(x -> x.text(markdownText(Mrkdwn.truncate(b.toString(), Mrkdwn.SECTION_MAX)))));
        if (!s.failures().isEmpty()) {
            blocks.add(section(x -> x.text(markdownText(failures(s)))));
            blocks.add(actions(a -> a.elements(List.of(button(btn -> btn.actionId(ActionIds.PROJECT_RETRY_FAILED.id())
                    .value(String.valueOf(s.projectId())).text(plainText("Retry the failed writes")))))));
        }
        return blocks;
    }

    public static String summaryText(ProjectStatus s) {
        return s.name() + " is set up: " + s.issuesCreated() + " of " + s.repositories()
                + " repository issues created, "
                + s.failures().size() + " failures";
    }
}
