package io.upgradebot.slack;

/** Every modal callback id, in one place. The Slack callback_id is {@code "ub." + name().toLowerCase()}. */
public enum CallbackIds {
    /** placeholder until features add theirs */
    NOOP;

    public String id() {
        return "ub." + name().toLowerCase();
    }
}
