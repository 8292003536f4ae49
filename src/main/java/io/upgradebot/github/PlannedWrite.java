package io.upgradebot.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A write a service wants done. {@code key} is the idempotency key: enqueueing the same key twice stores one row.
 * {@code projectId} groups writes for progress reporting (may be null).
 */
public record PlannedWrite(String key, WriteKind kind, Long projectId, ObjectNode payload) {
}
