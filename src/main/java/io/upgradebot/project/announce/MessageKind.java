package io.upgradebot.project.announce;

/**
 * What a scheduled message is. ANNOUNCEMENT carries a person's own text; the others are the runbook's moments,
 * whose text the bot writes when they fire (from the project's state at that moment), with an optional note.
 */
public enum MessageKind {
    ANNOUNCEMENT("Announcement"),
    /** "Clarify Distribution of Work": ask owners to choose an Owner Does level. */
    ASK("Service-level request"),
    /** Weekly while any repository is still TBD; stops itself when none is left. */
    TBD_REMINDER("TBD reminder"),
    /** N days before the completion date. */
    DEADLINE_REMINDER("Completion-date reminder"),
    /** Weekly progress in the status message's thread. */
    DIGEST("Weekly digest"),
    /** "Deploy the Upgrade": near the date, open / stale / TBD repositories go to the orchestration team. */
    AT_RISK("At-risk escalation");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MessageKind of(String name) {
        return valueOf(name);
    }

    /** Built-in moments compose their text when they fire. */
    public boolean composed() {
        return this != ANNOUNCEMENT;
    }
}
