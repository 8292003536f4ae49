package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.creation.ProjectPreview;
import io.upgradebot.project.creation.UnreachableRepo;
import io.upgradebot.slack.ActionIds;
import java.util.ArrayList;
import java.util.List;

/**
 * "Preview only": what {@code /upgrade new} would create, posted in the project channel, with the button that
 * creates it. Nothing is written to GitHub until the button is pressed. Long repository lists are packed into a
 * few sections so the message stays within Slack's 50 blocks.
 */
public final class PreviewView {

    private PreviewView() {
    }

    public static String text(ProjectPreview p) {
        return "Preview of " + p.name() + ": " + p.repos().size() + " repository issues (nothing written yet)";
    }

    public static List<LayoutBlock> blocks(ProjectPreview p) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate("Preview: " + p.name() + " upgrade", 150)))));
        blocks.add(section(s -> s.text(markdownText("Nothing has been written to GitHub yet. *Create it* below does "
                + "this:"))));
        StringBuilder roadmap = new StringBuilder("*Roadmap issue* in ").append(Mrkdwn.escape(p.roadmapRepo()))
                .append(": “").append(Mrkdwn.escape(p.roadmapTitle())).append("”");
        if (!p.roadmapLabels().isEmpty()) {
            roadmap.append(" · labels ").append(Mrkdwn.escape(String.join(", ", p.roadmapLabels())));
        }
        if (p.release() != null) {
            roadmap.append(" · milestone ").append(Mrkdwn.escape(p.release())).append(" (created if missing)");
        }
        roadmap.append(" · summary, runbook checklist and the list of repository issues")
                .append(p.orchestrationTeam() == null
                        ? ""
                        : " · orchestration team " + Mrkdwn.escape(p.orchestrationTeam()))
                .append(p.docsUrl() == null ? "" : " · " + Mrkdwn.link(p.docsUrl(), "docs"));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(roadmap.toString(), Mrkdwn.SECTION_MAX)))));
        String date = p.needsDate()
                ? ":calendar: *Completion date:* to be entered when you create it. "
                        + Mrkdwn.escape(p.completionReason())
                : ":calendar: *Completion date:* " + p.completionDate() + ". " + Mrkdwn.escape(p.completionReason());
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(date, Mrkdwn.SECTION_MAX)))));
        if (p.overlapWarning() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":warning: "
                    + Mrkdwn.truncate(Mrkdwn.escape(p.overlapWarning()), 2000))))));
        }
        StringBuilder repos = new StringBuilder("*").append(p.repos().size()).append(" repository issues* “")
                .append(Mrkdwn.escape(p.repoIssueTitle())).append("”, each linking the roadmap issue");
        if (p.searchQuery() != null) {
            repos.append(", found by the search `").append(Mrkdwn.escape(p.searchQuery())).append('`');
        }
        repos.append("; ").append(p.subIssueLinks()).append(" of them become sub-issues of the roadmap issue");
        if (p.subIssueLinks() < p.repos().size()) {
            repos.append(" (GitHub links at most 100, from the roadmap repository's organisation; the list in the "
                    + "roadmap issue names all of them)");
        }
        repos.append(':');
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(repos.toString(), Mrkdwn.SECTION_MAX)))));
        for (String chunk : Mrkdwn.chunks(p.repos().stream().map(Mrkdwn::escape).toList(), Mrkdwn.SECTION_MAX, 4)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (!p.unreachable().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (UnreachableRepo u : p.unreachable()) {
                lines.add("• " + Mrkdwn.escape(u.repo()) + ": " + Mrkdwn.escape(u.why()));
            }
            blocks.add(section(s -> s.text(markdownText("*Left out (" + p.unreachable().size() + ")*, creating the "
                    + "project confirms leaving them out:"))));
            for (String chunk : Mrkdwn.chunks(lines, Mrkdwn.SECTION_MAX, 2)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
        if (p.roadmapBoard() != null) {
            List<String> values = new ArrayList<>();
            p.roadmapBoardFields().forEach((f, v) -> values.add(Mrkdwn.escape(f) + " = " + Mrkdwn.escape(v)));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                    "*Roadmap board* " + Mrkdwn.escape(p.roadmapBoard())
                            + ": the roadmap issue added"
                            + (values.isEmpty() ? "" : " with " + String.join(" · ", values)),
                    Mrkdwn.SECTION_MAX)))));
        }
        if (p.board() != null) {
            List<String> values = new ArrayList<>();
            p.boardFields().forEach((f, v) -> values.add(Mrkdwn.escape(f) + " = " + Mrkdwn.escape(v)));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate("*Board* " + Mrkdwn.escape(p.board())
                    + ": every repository issue added with " + String.join(" · ", values)
                    + " (the Project option is added if missing, keeping every existing one)", Mrkdwn.SECTION_MAX)))));
        }
        blocks.add(actions(a -> a.blockId("preview").elements(List.of(button(b -> b
                .actionId(ActionIds.PREVIEW_CREATE.id()).value(String.valueOf(p.projectId())).style("primary")
                .text(plainText("Create it"))
                .confirm(confirmationDialog(d -> d.title(plainText("Create the project?"))
                        .text(plainText(Mrkdwn.truncate("This creates 1 roadmap issue and " + p.repos().size()
                                + " repository issues on GitHub.", 300)))
                        .confirm(plainText("Create")).deny(plainText("Not yet")))))))));
        blocks.add(context(c -> c.elements(List.of(markdownText("Requested by <@" + p.requestedBy() + "> · `"
                + p.slug() + "`")))));
        return blocks;
    }

    /** Said when a project was started but its status message could not be posted in its channel. */
    public static String statusNotPosted(String channelId, String slug) {
        return "I could not post in <#" + channelId + ">: invite me there (`/invite @upgrade-bot`) "
                + "to see the progress; `/upgrade status " + slug + "` works meanwhile.";
    }
}
