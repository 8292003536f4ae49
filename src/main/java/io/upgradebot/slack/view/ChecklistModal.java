package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import io.upgradebot.project.checklist.ChecklistOverview;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.CallbackIds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook checklist of a project in a modal ({@code /upgrade checklist}): a header per runbook phase, one section
 * per item with its state and who changed it when, and for orchestrators a Tick / Untick button beside each item
 * (one click; the modal is redrawn in place). Others see it read-only.
 *
 * <p>Sized for the runbook's ~40 items: 1 section per item + 1 header per phase (7 at most) + 2 intro blocks ≈ 50
 * blocks of the modal's 100 (a message would allow only 50). {@code private_metadata} holds only the project id.
 */
public final class ChecklistModal {

    public static final String TITLE = "Runbook checklist";
    /** Block Kit: a modal has at most 100 blocks; items beyond what fits are left out with a note. */
    static final int MAX_BLOCKS = 100;
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    private ChecklistModal() {
    }

    public static View of(ChecklistOverview c, String notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder intro = new StringBuilder("*").append(Mrkdwn.escape(c.name())).append("* — ")
                .append(c.ticked()).append(" of ").append(c.total()).append(" done");
        if (c.roadmapIssueUrl() != null) {
            intro.append(" · ").append(Mrkdwn.link(c.roadmapIssueUrl(), "roadmap issue"));
        }
        if (c.boardViewUrl() != null) {
            intro.append(" · ").append(Mrkdwn.link(c.boardViewUrl(), "this project on the board"));
        }
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(intro.toString(), Mrkdwn.SECTION_MAX)))));
        String hint = notice != null
                ? notice
                : c.editable()
                        ? "Each click changes only that line of the roadmap issue on GitHub. :robot_face: marks the"
                                + " steps the bot ticks itself when it does them."
                        : "Read only: orchestrators tick and untick items here; anyone can tick them on GitHub.";
        blocks.add(context(x -> x.elements(List.of(markdownText(Mrkdwn.truncate(hint, Mrkdwn.SECTION_MAX))))));
        int total = c.total();
        int shown = 0;
        for (ChecklistOverview.Phase phase : c.phases()) {
            if (blocks.size() + 2 > MAX_BLOCKS - 1) {
                break;
            }
            blocks.add(header(h -> h.text(plainText(phase.title()))));
            for (ChecklistOverview.Entry e : phase.entries()) {
                if (blocks.size() + 1 > MAX_BLOCKS - 1) {
                    break;
                }
                blocks.add(item(c, e));
                shown++;
            }
        }
        if (shown < total) {
            int left = total - shown;
            blocks.add(context(x -> x.elements(List.of(markdownText(left + " more items are only on GitHub: "
                    + Mrkdwn.link(c.roadmapIssueUrl(), "roadmap issue"))))));
        }
        return view(v -> v.type("modal")
                .callbackId(CallbackIds.CHECKLIST.id())
                .privateMetadata(String.valueOf(c.projectId()))
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(x -> x.type("plain_text").text("Close")))
                .blocks(blocks));
    }

    /** A modal in place of the checklist when there is none to show (project gone). */
    public static View notice(String mrkdwn) {
        return view(v -> v.type("modal")
                .callbackId(CallbackIds.CHECKLIST.id())
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(x -> x.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(mrkdwn))))));
    }

    /** The project id a checklist modal remembers; null when the view is not one. */
    public static Long projectOf(String privateMetadata) {
        try {
            return privateMetadata == null ? null : Long.valueOf(privateMetadata.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LayoutBlock item(ChecklistOverview c, ChecklistOverview.Entry e) {
        String text = (e.ticked() ? ":white_check_mark: " : ":white_large_square: ")
                + (e.byBot() ? ":robot_face: " : "")
                + mrkdwnOf(e.text()) + who(e);
        String bounded = Mrkdwn.truncate(text, Mrkdwn.SECTION_MAX);
        if (!c.editable()) {
            return section(s -> s.blockId("item:" + e.id()).text(markdownText(bounded)));
        }
        ButtonElement button = ButtonElement.builder()
                .actionId(ActionIds.CHECKLIST_TOGGLE.id(e.id()))
                .text(plainText(e.ticked() ? "Untick" : "Tick"))
                .value(e.ticked() ? "untick" : "tick")
                .style(e.ticked() ? null : "primary")
                .build();
        return section(s -> s.blockId("item:" + e.id()).text(markdownText(bounded)).accessory(button));
    }

    private static String who(ChecklistOverview.Entry e) {
        if (e.source() == null || e.changedAt() == null) {
            return "";
        }
        String by = switch (e.source()) {
            case "SLACK" -> "<@" + e.actor() + ">";
            case "GITHUB" -> "@" + Mrkdwn.escape(e.actor()) + " on GitHub";
            default -> "the bot";
        };
        String at = "<!date^" + e.changedAt().getEpochSecond() + "^{date_short} {time}|"
                + e.changedAt().toString().substring(0, 16).replace('T', ' ') + " UTC>";
        return "\n_" + (e.ticked() ? "ticked" : "unticked") + " by " + by + ", " + at + "_";
    }

    /** The checklist's Markdown links as Slack links, the rest escaped. */
    static String mrkdwnOf(String markdown) {
        StringBuilder out = new StringBuilder();
        Matcher m = MD_LINK.matcher(markdown);
        int last = 0;
        while (m.find()) {
            out.append(Mrkdwn.escape(markdown.substring(last, m.start()))).append(Mrkdwn.link(m.group(2), m.group(1)));
            last = m.end();
        }
        return out.append(Mrkdwn.escape(markdown.substring(last))).toString();
    }
}
