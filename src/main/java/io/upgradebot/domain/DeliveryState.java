package io.upgradebot.domain;

/** One firing of a scheduled message. Stored by name. */
public enum DeliveryState {
    /** claimed, not posted yet or to retry */
    PENDING,
    /** posting now */
    SENDING, SENT,
    /** nothing to say */
    SKIPPED, FAILED
}
