package io.upgradebot.slack.view;

import io.upgradebot.project.PostContent;
import io.upgradebot.project.PostContent.AtRisk;
import io.upgradebot.project.PostContent.DeadlineReminder;
import io.upgradebot.project.PostContent.RepoLink;
import io.upgradebot.project.PostContent.TbdReminder;
import io.upgradebot.project.PostContent.WeeklyDigest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Words the runbook's scheduled moments: the TBD reminder, the completion-date reminder, the digest, at-risk. */
public final class MomentTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private MomentTexts() {
    }

    public static String tbdReminder(TbdReminder r) {
        StringBuilder text = new StringBuilder(note(r.note()));
        text.append(":hourglass_flowing_sand: *").append(r.projectName()).append("*: ").append(r.tbd())
                .append(" of ").append(r.total()).append(r.total() == 1 ? " repository has" : " repositories have")
                .append(" no Owner Does level yet. Owners, please choose who does what");
        if (r.completionDate() != null) {
            text.append(" (completion date ").append(DATE.format(r.completionDate())).append(")");
        }
        text.append(".\n");
        for (PostContent.TeamRepos t : r.teams()) {
            text.append("• ").append(t.contact() == null
                    ? "Owner unknown"
                    : Mentions.of(t.contact()) + (t.contact().reachable() ? " (" + t.team() + ")" : ""))
                    .append(": ").append(links(t.repos())).append('\n');
        }
        return text.toString().strip();
    }

    public static String deadlineReminder(DeadlineReminder r) {
        StringBuilder text = new StringBuilder(note(r.note()));
        text.append(":calendar: *").append(r.projectName()).append("* is due ").append(DATE.format(r.completionDate()))
                .append(": ").append(daysLeft(r.daysLeft())).append(".\n")
                .append("Done: ").append(r.done()).append(" of ").append(r.total()).append(" repositories")
                .append(percent(r.done(), r.total())).append(" · open: ").append(r.open());
        if (r.tbd() > 0) {
            text.append(" · still TBD: ").append(r.tbd());
        }
        return text.toString();
    }

    public static String digest(WeeklyDigest d) {
        StringBuilder text = new StringBuilder(note(d.note()));
        text.append(":bar_chart: *Weekly digest: ").append(d.projectName()).append("*\n")
                .append("*Progress:* ").append(d.done()).append(" of ").append(d.total()).append(" done")
                .append(percent(d.done(), d.total())).append(" · ").append(d.open()).append(" open");
        if (d.stale() > 0) {
            text.append(" · ").append(d.stale()).append(" stale (no activity for ").append(d.staleAfterDays())
                    .append("+ days)");
        }
        if (d.completionDate() != null && d.daysLeft() != null) {
            text.append(" · due ").append(DATE.format(d.completionDate())).append(" (")
                    .append(daysLeft(d.daysLeft())).append(")");
        }
        if (d.openDependencies() > 0) {
            text.append("\n*External dependencies:* ").append(d.openDependencies())
                    .append(d.openDependencies() == 1 ? " issue" : " issues").append(" still open (`/upgrade deps ")
                    .append(d.projectSlug()).append("`)");
        }
        text.append("\n*By level* (done / all):\n");
        for (PostContent.LevelCount c : d.byLevel()) {
            text.append("• ").append(c.levelLabel()).append(": ").append(c.done()).append(" / ").append(c.all())
                    .append('\n');
        }
        text.append("*This week:*\n");
        int before = text.length();
        if (!d.closed().isEmpty()) {
            text.append("• Done: ").append(links(d.closed())).append('\n');
        }
        if (!d.chosen().isEmpty()) {
            text.append("• Levels chosen: ")
                    .append(d.chosen().stream().map(MomentTexts::choice).collect(Collectors.joining("; ")))
                    .append('\n');
        }
        if (!d.added().isEmpty()) {
            text.append("• Added to scope: ").append(links(d.added())).append('\n');
        }
        if (text.length() == before) {
            text.append("• Nothing changed.\n");
        }
        if (!d.fromGitHub()) {
            text.append("_GitHub could not be read just now; figures are from the last time it could._");
        }
        return text.toString().strip();
    }

    public static String atRisk(AtRisk r) {
        List<String> lines = r.repos().stream().map(MomentTexts::riskLine).toList();
        StringBuilder text = new StringBuilder(note(r.note()));
        text.append(":rotating_light: *").append(r.projectName()).append("* is due ")
                .append(DATE.format(r.completionDate())).append(" (").append(daysLeft(r.daysLeft())).append(") and ")
                .append(lines.size()).append(lines.size() == 1 ? " repository is" : " repositories are")
                .append(" at risk. ").append(Mentions.of(r.orchestration()))
                .append(", please work with the owning teams to make sure they get the help they need.\n")
                .append(String.join("\n", lines));
        return text.toString();
    }

    private static String riskLine(PostContent.RiskRepo r) {
        String why = switch (r.risk()) {
            case TBD -> "still TBD";
            case IDLE -> "no activity for " + r.idleDays() + " days";
            case OPEN -> "open";
        };
        return "• " + Mentions.link(r.repo()) + ": " + why + " (owner: "
                + (r.ownerTeam() == null ? "unknown" : r.ownerTeam())
                + (r.levelLabel() == null ? "" : ", " + r.levelLabel()) + ")";
    }

    private static String choice(PostContent.LevelChoice c) {
        String by = c.chosenBy() == null
                ? ""
                : c.chosenBy().matches("[UW][A-Z0-9]+")
                        ? " (" + Mentions.user(c.chosenBy()) + ")"
                        : " (" + c.chosenBy()
                                + ")";
        return c.repo() + " → " + c.levelLabel() + by;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : note.strip() + "\n\n";
    }

    private static String links(List<RepoLink> repos) {
        return repos.stream().map(Mentions::link).collect(Collectors.joining(", "));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : " (" + Math.round(100.0 * part / whole) + "%)";
    }

    static String daysLeft(long days) {
        if (days == 0) {
            return "today";
        }
        if (days < 0) {
            return -days == 1 ? "1 day overdue" : -days + " days overdue";
        }
        return days == 1 ? "1 day left" : days + " days left";
    }
}
