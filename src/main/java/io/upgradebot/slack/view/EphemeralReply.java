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

    /**
     * Blocks rendered to JSON once (the usage list, say), to follow a short line that changes per request without
     * serialising them again: serialising Block Kit objects was the largest cost of answering a mistyped command.
     */
    public record Prerendered(String mrkdwn, int blockCount, String blocksJson) {
        public static Prerendered of(String mrkdwn) {
            List<LayoutBlock> blocks = sections(mrkdwn);
            String json = JSON.toJson(blocks);
            return new Prerendered(mrkdwn, blocks.size(), json.substring(1, json.length() - 1));
        }
    }

    private static final com.google.gson.Gson JSON = com.slack.api.util.json.GsonFactory.createSnakeCase();

    /**
     * The JSON body of an ephemeral slash-command answer showing {@code head} and then {@code tail}: what
     * {@code text(head + "\n\n" + tail.mrkdwn())} would show, with {@code head} in sections of its own.
     */
    /** The JSON body of an ephemeral slash-command answer showing {@code blocks} alone: what {@code text(...)} shows. */
    public static String json(Prerendered blocks) {
        return "{\"response_type\":\"ephemeral\",\"text\":" + JSON.toJson(fallback(blocks.mrkdwn()))
                + ",\"blocks\":[" + blocks.blocksJson() + "]}";
    }

    public static String json(String head, Prerendered tail) {
        List<LayoutBlock> first = sections(head);
        if (first.size() + tail.blockCount() > MESSAGE_BLOCK_LIMIT) {
            return JSON.toJson(text(head + "\n\n" + tail.mrkdwn()));
        }
        String firstJson = JSON.toJson(first);
        return "{\"response_type\":\"ephemeral\",\"text\":" + JSON.toJson(fallback(head + "\n\n" + tail.mrkdwn()))
                + ",\"blocks\":" + firstJson.substring(0, firstJson.length() - 1) + "," + tail.blocksJson() + "]}";
    }

    public static SlashCommandResponse text(String mrkdwn) {
        return blocks(mrkdwn, sections(mrkdwn));
    }

    /** {@code fallback} is the notification text; {@code blocks} what Slack shows. */
    public static SlashCommandResponse blocks(String fallback, List<LayoutBlock> blocks) {
        return SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(fallback(fallback))
                .blocks(blocks)
                .build();
    }

    private static String fallback(String text) {
        return text.length() > SECTION_TEXT_LIMIT ? text.substring(0, SECTION_TEXT_LIMIT - 1) + "…" : text;
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
