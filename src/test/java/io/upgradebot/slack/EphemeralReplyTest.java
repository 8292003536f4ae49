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
}
