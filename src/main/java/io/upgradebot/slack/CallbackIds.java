package io.upgradebot.slack;

/** Every modal callback id, in one place. The Slack callback_id is {@code "ub." + name().toLowerCase()}. */
public enum CallbackIds {
    /** placeholder until features add theirs */
    NOOP,

    // --- Owner Does choices (issue 4) ---
    /** The "Choose for my repositories" modal; Done applies any pick Slack did not deliver as a block action. */
    OWNER_DOES_CHOICES;

    public String id() {
        return "ub." + name().toLowerCase();
    }
}
