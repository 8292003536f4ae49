package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.slack.ActionIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an announcement, reminder or nudge as Block Kit: its mrkdwn split at line ends into sections of at most
 * 3000 characters, at most 50 blocks in all (the last one says what was cut), and its buttons (at most 25 per actions
 * block, button text at most 75 characters).
 */
public final class PostBlocks {

    static final int SECTION_TEXT = 3000;
    static final int MESSAGE_BLOCKS = 50;
    static final int BUTTON_TEXT = 75;
    static final int ACTIONS_ELEMENTS = 25;
    static final int FALLBACK_TEXT = 300;

    private PostBlocks() {
    }

    public static List<LayoutBlock> blocks(AnnouncementPoster.Post post) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<BlockElement> buttons = buttons(post.buttons());
        int room = MESSAGE_BLOCKS - (buttons.isEmpty() ? 0 : 1);
        String mrkdwn = PostTexts.mrkdwn(post.content());
        List<String> chunks = chunks(mrkdwn == null || mrkdwn.isBlank() ? " " : mrkdwn);
        for (int i = 0; i < chunks.size(); i++) {
            if (blocks.size() == room - 1 && i < chunks.size() - 1) {
                blocks.add(section(
                        s -> s.text(markdownText("_…and more; the list was too long for one Slack message._"))));
                break;
            }
            String chunk = chunks.get(i);
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return blocks;
    }

    /** The notification text (push notifications, screen readers): the first line, shortened. */
    public static String fallback(AnnouncementPoster.Post post) {
        String mrkdwn = PostTexts.mrkdwn(post.content());
        String text = mrkdwn == null ? "" : mrkdwn.strip();
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        return first.length() > FALLBACK_TEXT ? first.substring(0, FALLBACK_TEXT - 1) + "…" : first;
    }

    static List<String> chunks(String mrkdwn) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : mrkdwn.split("\n", -1)) {
            String piece = line.length() > SECTION_TEXT ? line.substring(0, SECTION_TEXT - 1) + "…" : line;
            if (current.length() + piece.length() + 1 > SECTION_TEXT) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(piece);
        }
        if (current.length() > 0 && !current.toString().isBlank()) {
            out.add(current.toString());
        }
        if (out.isEmpty()) {
            out.add(" ");
        }
        return out;
    }

    private static List<BlockElement> buttons(List<AnnouncementPoster.Button> buttons) {
        List<BlockElement> out = new ArrayList<>();
        int n = 0;
        for (AnnouncementPoster.Button b : buttons) {
            if (out.size() == ACTIONS_ELEMENTS) {
                break;
            }
            if (b.chooseLevelsOfProject() != null) {
                // the Owner Does feature's own button: opens the choices modal for the person who clicks
                String project = String.valueOf(b.chooseLevelsOfProject());
                out.add(button(x -> x.text(plainText("Choose for my repositories")).style("primary")
                        .actionId(ActionIds.OWNER_DOES_OPEN.id()).value(project)));
                continue;
            }
            if (b.url() == null) {
                continue;
            }
            String label = b.label().length() > BUTTON_TEXT ? b.label().substring(0, BUTTON_TEXT - 1) + "…" : b.label();
            String actionId = ActionIds.OPEN_LINK.id(String.valueOf(n++));
            out.add(button(x -> x.text(plainText(label)).url(b.url()).actionId(actionId)));
        }
        return out;
    }
}
