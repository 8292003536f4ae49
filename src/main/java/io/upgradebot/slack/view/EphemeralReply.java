package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers to a slash command that only the person who typed it sees: {@code return ctx.ack(EphemeralReply.text("…"))}.
 * Long mrkdwn is split over several section blocks (Slack: 3000 characters per section text, 50 blocks per message).
 */
public final class EphemeralReply {

    static final int SECTION_TEXT_LIMIT = 3000;
    static final int MESSAGE_BLOCK_LIMIT = 50;

    private EphemeralReply() {
    }

    public static SlashCommandResponse text(String mrkdwn) {
        return blocks(mrkdwn, sections(mrkdwn));
    }

    /** {@code fallback} is the notification text; {@code blocks} what Slack shows. */
    public static SlashCommandResponse blocks(String fallback, List<LayoutBlock> blocks) {
        return SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(fallback.length() > SECTION_TEXT_LIMIT ? fallback.substring(0, SECTION_TEXT_LIMIT - 1) + "…" : fallback)
                .blocks(blocks)
                .build();
    }

    /** Splits mrkdwn at line ends into section blocks that each stay under Slack's limit. */
    public static List<LayoutBlock> sections(String mrkdwn) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : mrkdwn.split("\n", -1)) {
            String piece = line.length() > SECTION_TEXT_LIMIT ? line.substring(0, SECTION_TEXT_LIMIT - 1) + "…" : line;
            if (current.length() + piece.length() + 1 > SECTION_TEXT_LIMIT) {
                blocks.add(sectionOf(current.toString()));
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(piece);
        }
        if (current.length() > 0 || blocks.isEmpty()) {
            blocks.add(sectionOf(current.length() == 0 ? " " : current.toString()));
        }
        return blocks.size() > MESSAGE_BLOCK_LIMIT ? blocks.subList(0, MESSAGE_BLOCK_LIMIT) : blocks;
    }

    private static LayoutBlock sectionOf(String text) {
        return section(s -> s.text(markdownText(text)));
    }
}
