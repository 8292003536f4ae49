package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fired (CDI, synchronously, inside the transaction that records the outcome) when a write is done or has
 * failed for good, so services can update their own rows atomically with the queue.
 */
public record WriteOutcome(long writeId, String key, WriteKind kind, Long projectId, JsonNode payload, JsonNode result,
        boolean succeeded, String error) {

    /** The payload as its kind's record (null when there is none). */
    public WritePayload typedPayload() {
        return payload == null ? null : WritePayload.parse(kind, payload);
    }
}
