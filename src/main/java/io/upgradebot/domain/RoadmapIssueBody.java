package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The roadmap issue's description: a bot-owned summary section, the runbook checklist (people tick it, so it
 * sits outside any bot section), and a bot-owned "children" section listing every repository issue.
 *
 * <p>GitHub links at most 100 sub-issues to a parent, so the list in the body is what names every child. GitHub
 * also refuses bodies over {@value #MAX_BODY_CHARS} characters; the list gets as compact as it must to fit:
 * <ol>
 * <li>a task list, one {@code - [ ] org/repo#12} line per child (fits about 1000 children);</li>
 * <li>one line of comma-separated references per state (open, closed): still linked by GitHub;</li>
 * <li>references grouped by organisation ({@code openedx/: repo#12, …}): complete, but GitHub no longer links
 *     them;</li>
 * <li>only then cut, saying how many are not shown and where the full list is.</li>
 * </ol>
 * Whenever the list is not a task list it says why.
 */
public final class RoadmapIssueBody {

    /** GitHub rejects issue bodies longer than this. */
    public static final int MAX_BODY_CHARS = 65_536;
    /** Head-room below the limit for small human edits outside the bot's sections. */
    static final int SAFETY_MARGIN = 512;

    public static final String SUMMARY = "summary";
    public static final String CHILDREN = "children";

    private RoadmapIssueBody() {
    }

    public static String render(RoadmapSummary s, String checklistMarkdown, List<ChildIssue> children) {
        String head = Markers.roadmap(s.projectSlug()) + "\n" + BodySections.wrap(SUMMARY, summary(s)) + "\n\n"
                + "## Runbook checklist\n\n" + checklistMarkdown.strip() + "\n\n";
        String emptyChildren = BodySections.wrap(CHILDREN, "") + "\n";
        int budget = MAX_BODY_CHARS - SAFETY_MARGIN - head.length() - emptyChildren.length();
        return head + BodySections.wrap(CHILDREN, children(children, budget, s.projectSlug())) + "\n";
    }

    /** The body with only the children section rewritten (the rest, including human edits, untouched). */
    public static String replaceChildren(String body, List<ChildIssue> children, String projectSlug) {
        int budget = MAX_BODY_CHARS - SAFETY_MARGIN - BodySections.lengthOutside(body, CHILDREN);
        return BodySections.replace(body, CHILDREN, children(children, budget, projectSlug));
    }

    /** The body with only the summary section rewritten (date, milestone or team changed). */
    public static String replaceSummary(String body, RoadmapSummary s) {
        return BodySections.replace(body, SUMMARY, summary(s));
    }

    static String summary(RoadmapSummary s) {
        StringBuilder b = new StringBuilder();
        for (String warning : s.warnings()) {
            b.append("> [!WARNING]\n> ").append(warning).append("\n\n");
        }
        b.append("- **Upgrade:** ").append(s.dependency()).append(' ').append(s.currentVersion()).append(" → ")
                .append(s.targetVersion()).append('\n');
        b.append("- **Target completion date:** ")
                .append(s.completionDate() == null ? "not set yet" : s.completionDate().toString()).append('\n');
        if (s.completionReason() != null && !s.completionReason().isBlank()) {
            b.append("- **Why this date:** ").append(s.completionReason().strip()).append('\n');
        }
        b.append("- **Release (milestone):** ").append(blankTo(s.release(), "not set yet")).append('\n');
        b.append("- **Orchestration team:** ").append(blankTo(s.orchestrationTeam(), "not selected yet"))
                .append(" — plans the upgrade and makes sure it is completed on time\n");
        b.append("- **Documentation:** ").append(s.docsUrl() == null || s.docsUrl().isBlank()
                ? "not written yet"
                : "[upgrade documentation](" + s.docsUrl().strip() + ")").append('\n');
        if (s.boardViewUrl() != null) {
            b.append("- **Board view:** [this project's issues on the board](").append(s.boardViewUrl())
                    .append(") — GitHub's API cannot save a view: open the link and save it as a view\n");
        }
        b.append("\nEach impacted repository has its own issue (listed below); its owning team chooses there who does"
                + " what (\"Owner Does\").");
        return b.toString();
    }

    /**
     * The children section's content, as compact as needed to stay within {@code budget} characters.
     */
    static String children(List<ChildIssue> children, int budget, String projectSlug) {
        long closed = children.stream().filter(ChildIssue::closed).count();
        // "3 closed: 1 not planned" — closed without being done is no progress, so the heading says how many
        Map<String, Long> undone = new LinkedHashMap<>();
        children.stream().filter(ChildIssue::closedUndone)
                .forEach(c -> undone.merge(c.closeReason().words(), 1L, Long::sum));
        String reasons = undone.isEmpty()
                ? ""
                : ": " + undone.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
        String heading = "### Repository issues (" + children.size() + ": " + (children.size() - closed) + " open, "
                + closed + " closed" + reasons + ")\n\n";
        if (children.isEmpty()) {
            return heading + "None yet.";
        }
        String cap = children.size() > 100
                ? "GitHub links at most 100 sub-issues to an issue; this list names all " + children.size() + ".\n\n"
                : "";

        String taskList = heading + cap + children.stream().map(ChildIssue::taskLine)
                .collect(Collectors.joining("\n"));
        if (taskList.length() <= budget) {
            return taskList;
        }

        String tooLong = "A task list of " + children.size() + " issues would not fit GitHub's "
                + MAX_BODY_CHARS + "-character limit for an issue body, so the list is compact.";
        List<ChildIssue> open = children.stream().filter(c -> !c.closed()).toList();
        List<ChildIssue> done = children.stream().filter(ChildIssue::closed).toList();
        String inline = heading + cap + tooLong + "\n\n" + inlineLine("Open", open) + inlineLine("Closed", done);
        if (inline.length() <= budget) {
            return inline.strip();
        }

        String grouped = heading + cap + tooLong + " References are grouped by organisation (not linked).\n\n"
                + groupedLine("Open", open) + groupedLine("Closed", done);
        if (grouped.length() <= budget) {
            return grouped.strip();
        }

        // Still too long (several thousand repositories): keep the open ones first, they are what needs attention.
        List<ChildIssue> ordered = new ArrayList<>(open);
        ordered.addAll(done);
        String lead = heading + cap + tooLong + " Not every issue fits; run `/upgrade status " + projectSlug
                + "` for the full list.\n\n";
        StringBuilder b = new StringBuilder(lead);
        int shown = 0;
        for (ChildIssue c : ordered) {
            String piece = (shown == 0 ? "" : ", ") + c.reference() + (c.closed() ? " (closed)" : "");
            if (b.length() + piece.length() + 40 > budget) {
                break;
            }
            b.append(piece);
            shown++;
        }
        b.append("\n\n… and ").append(ordered.size() - shown).append(" more.");
        return b.toString();
    }

    private static String inlineLine(String label, List<ChildIssue> issues) {
        if (issues.isEmpty()) {
            return "";
        }
        return "**" + label + " (" + issues.size() + "):** "
                + issues.stream().map(ChildIssue::reference).collect(Collectors.joining(", ")) + "\n\n";
    }

    private static String groupedLine(String label, List<ChildIssue> issues) {
        if (issues.isEmpty()) {
            return "";
        }
        Map<String, List<ChildIssue>> byOwner = new LinkedHashMap<>();
        for (ChildIssue c : issues) {
            byOwner.computeIfAbsent(c.repo().owner().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(c);
        }
        StringBuilder b = new StringBuilder("**" + label + " (" + issues.size() + "):**");
        byOwner.forEach((owner, list) -> b.append(" ").append(list.get(0).repo().owner()).append("/: ")
                .append(list.stream().map(c -> c.repo().name() + "#" + c.number()).collect(Collectors.joining(", ")))
                .append(";"));
        b.setLength(b.length() - 1);
        return b + "\n\n";
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
