package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upgradebot.github.WritePayload.Num;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritePayloadTest {

    @Test
    void aRoadmapIssueIsStoredWithTheFieldNamesOfTheContract() {
        PlannedWrite write = PlannedWrite.of("p:x:roadmap", 7L,
                new WritePayload.CreateIssue("acme/roadmap", "X upgrade",
                        "body", "<!-- m -->", List.of("maintenance"), Num.ref("p:x:milestone", "number")));
        assertEquals(WriteKind.CREATE_ISSUE, write.kind());
        assertEquals("{\"repo\":\"acme/roadmap\",\"title\":\"X upgrade\",\"body\":\"body\",\"marker\":\"<!-- m -->\","
                + "\"labels\":[\"maintenance\"],\"milestone\":\"${ref:p:x:milestone#number}\"}",
                write.payload().toString());
    }

    @Test
    void optionalFieldsAreLeftOutAndAfterListsTheWritesToWaitFor() {
        PlannedWrite write = PlannedWrite.of("k", null, new WritePayload.SetBoardField("acme", Num.of(3), "ITEM",
                "Owner Does", "TBD", null), "option-key");
        assertEquals("{\"org\":\"acme\",\"board_number\":3,\"item_id\":\"ITEM\",\"field\":\"Owner Does\","
                + "\"option\":\"TBD\",\"after\":[\"option-key\"]}", write.payload().toString());
        assertEquals(List.of("option-key"), List.copyOf(PayloadRefs.keys(write.payload())));
    }

    @Test
    void storedPayloadsParseWithNumericStringsAndUnknownFields() {
        WritePayload parsed = WritePayload.parse(WriteKind.COMMENT,
                "{\"repo\":\"a/b\",\"number\":\"42\",\"body\":\"hi\",\"after\":[\"k\"],\"extra\":1}");
        WritePayload.Comment comment = assertInstanceOf(WritePayload.Comment.class, parsed);
        assertEquals(42, comment.number().asInt("number"));
        assertNull(comment.marker());
        WritePayload.CloseIssue close = assertInstanceOf(WritePayload.CloseIssue.class,
                WritePayload.parse(WriteKind.CLOSE_ISSUE,
                        "{\"repo\":\"a/b\",\"number\":5,\"state_reason\":\"not_planned\"}"));
        assertEquals(new WritePayload.CloseIssue("a/b", Num.of(5), "not_planned"), close);
    }

    @Test
    void everyKindRoundTrips() {
        List<WritePayload> all = List.of(
                new WritePayload.CreateIssue("a/b", "t", "b", null),
                new WritePayload.Comment("a/b", Num.of(1), "b", "m"),
                new WritePayload.ReplaceBodySection("a/b", Num.of(1), "s", "c"),
                new WritePayload.CloseIssue("a/b", Num.of(1), null),
                new WritePayload.ReopenIssue("a/b", Num.of(1)),
                new WritePayload.EnsureMilestone("a/b", "v1"),
                new WritePayload.AddSubIssue("a/b", Num.of(1), Num.ref("k", "id")),
                new WritePayload.EnsureBoardOption("acme", Num.of(3), "f", "o"),
                new WritePayload.AddBoardItem("acme", Num.of(3), "NODE"),
                new WritePayload.SetBoardField("acme", Num.of(3), "ITEM", "f", null, "OPT"),
                new WritePayload.SetChecklistItems("a/b", Num.of(1),
                        List.of(new WritePayload.ChecklistItem("t", true))));
        assertEquals(WriteKind.values().length, all.size());
        for (WritePayload payload : all) {
            assertEquals(payload, WritePayload.parse(payload.kind(), WritePayload.toJson(payload)), payload.toString());
        }
    }

    @Test
    void aNumberThatIsNotOneIsAnInvalidWrite() {
        WritePayload.ReopenIssue reopen = (WritePayload.ReopenIssue) WritePayload.parse(WriteKind.REOPEN_ISSUE,
                "{\"repo\":\"a/b\",\"number\":\"abc\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reopen.number().asInt("number"));
        assertEquals("payload field \"number\" is not a number: abc", e.getMessage());
    }
}
