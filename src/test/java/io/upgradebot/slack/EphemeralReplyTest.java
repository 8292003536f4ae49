package io.upgradebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.SectionBlock;
import io.upgradebot.slack.view.EphemeralReply;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EphemeralReplyTest {

    @Test
    void longTextIsSplitAtLineEndsIntoSectionsWithinSlacksLimit() {
        String text = IntStream.range(0, 200).mapToObj(i -> "• line " + i + " " + "x".repeat(40))
                .collect(Collectors.joining("\n"));
        SlashCommandResponse reply = EphemeralReply.text(text);

        assertEquals("ephemeral", reply.getResponseType());
        assertTrue(reply.getBlocks().size() > 1);
        String joined = reply.getBlocks().stream().map(b -> ((SectionBlock) b).getText().getText())
                .peek(t -> assertTrue(t.length() <= 3000, "section of " + t.length() + " chars"))
                .collect(Collectors.joining("\n"));
        assertEquals(text, joined);
        assertTrue(reply.getText().length() <= 3000);
    }

    @Test
    void aLineFollowedByPrerenderedBlocksIsTheAnswerBothWouldMakeTogether() {
        String head = "I don't know `/upgrade stauts`. Did you mean `/upgrade status`? \"quoted\" \\ ünïcode";
        String tail = IntStream.range(0, 5).mapToObj(i -> "• `/upgrade x" + i + "` — does x")
                .collect(Collectors.joining("\n"));
        com.google.gson.Gson gson = com.slack.api.util.json.GsonFactory.createSnakeCase();

        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
                EphemeralReply.json(head, EphemeralReply.Prerendered.of(tail))).getAsJsonObject();

        assertEquals("ephemeral", json.get("response_type").getAsString());
        assertEquals(head + "\n\n" + tail, json.get("text").getAsString());
        com.google.gson.JsonArray expected = new com.google.gson.JsonArray();
        gson.toJsonTree(EphemeralReply.sections(head)).getAsJsonArray().forEach(expected::add);
        gson.toJsonTree(EphemeralReply.sections(tail)).getAsJsonArray().forEach(expected::add);
        assertEquals(expected, json.get("blocks"));
    }

    @Test
    void prerenderedBlocksAloneAreTheSameAnswerAsText() {
        String text = "*`/upgrade` runs upgrades.*\n• `/upgrade help` — \"this\" list";
        com.google.gson.Gson gson = com.slack.api.util.json.GsonFactory.createSnakeCase();
        assertEquals(gson.toJsonTree(EphemeralReply.text(text)),
                com.google.gson.JsonParser.parseString(EphemeralReply.json(EphemeralReply.Prerendered.of(text))));
    }
}
