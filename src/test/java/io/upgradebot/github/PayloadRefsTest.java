package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadRefsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsEveryReferencedKeyAndTheAfterList() throws Exception {
        JsonNode payload = JSON.readTree("""
                {"repo":"o/r","parent_number":"${ref:roadmap#number}","child_id":"${ref:repo:o/a#id}",
                 "body":"see ${ref:roadmap#url} and ${ref:roadmap#number}","after":["milestone:o/r"]}""");
        assertEquals(List.of("roadmap", "repo:o/a", "milestone:o/r"), List.copyOf(PayloadRefs.keys(payload)));
    }

    @Test
    void aWholeStringReferenceKeepsTheResultTypeAndEmbeddedOnesBecomeText() throws Exception {
        JsonNode payload = JSON.readTree("""
                {"parent_number":"${ref:roadmap#number}","body":"Part of ${ref:roadmap#url} (#${ref:roadmap#number})",
                 "labels":["${ref:roadmap#number}"]}""");
        Map<String, JsonNode> results = Map.of("roadmap",
                JSON.readTree("{\"number\":7,\"url\":\"https://github.com/o/r/issues/7\"}"));
        JsonNode resolved = PayloadRefs.resolve(payload, results::get);
        assertTrue(resolved.get("parent_number").isInt());
        assertEquals(7, resolved.get("parent_number").asInt());
        assertEquals("Part of https://github.com/o/r/issues/7 (#7)", resolved.get("body").asText());
        assertEquals("7", resolved.get("labels").get(0).asText());
        assertEquals("${ref:roadmap#number}", payload.get("parent_number").asText(), "the stored payload is untouched");
    }

    @Test
    void aMissingResultFieldIsAClearError() throws Exception {
        JsonNode payload = JSON.readTree("{\"n\":\"${ref:a#number}\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PayloadRefs.resolve(payload, k -> JSON.createObjectNode()));
        assertEquals("write a has no result field \"number\"", e.getMessage());
    }
}
