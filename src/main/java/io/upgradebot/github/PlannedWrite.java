package io.upgradebot.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A write a service wants done. {@code key} is the idempotency key: enqueueing the same key twice stores one row.
 * {@code projectId} groups writes for progress reporting (may be null). Services build it with {@link #of} from a
 * typed {@link WritePayload}; {@code payload} is its stored JSON form.
 */
public record PlannedWrite(String key, WriteKind kind, Long projectId, ObjectNode payload) {

    /**
     * The write of {@code payload}, held until every write in {@code after} is done (without taking a value from
     * them; values are taken with {@link WritePayload.Num#ref references}).
     */
    public static PlannedWrite of(String key, Long projectId, WritePayload payload, String... after) {
        ObjectNode json = WritePayload.toJson(payload);
        if (after.length > 0) {
            ArrayNode keys = json.putArray(PayloadRefs.AFTER);
            for (String k : after) {
                keys.add(k);
            }
        }
        return new PlannedWrite(key, payload.kind(), projectId, json);
    }
}
