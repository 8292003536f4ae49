package io.upgradebot.slack;

/** Every modal callback id, in one place. The Slack callback_id is {@code "ub." + name().toLowerCase()}. */
public enum CallbackIds {
    /** A modal with only a word ({@code LoadingModal.notice}): nothing to submit, only Close. */
    NOTICE,

    // --- Owner Does choices ---
    /** The "Choose for my repositories" modal; Done applies any pick Slack did not deliver as a block action. */
    OWNER_DOES_CHOICES,

    // --- /upgrade new ---
    /** The new-project form. */
    NEW_PROJECT,
    /** Second step after submit: create without the repositories that cannot be reached, and/or enter a date. */
    NEW_PROJECT_CONFIRM,

    // --- scheduled announcements and reminders ---
    /** The announcement modal: message, target, when. Submitting pushes the preview. */
    ANNOUNCE_COMPOSE,
    /** The preview pushed on top of it; submitting schedules (or posts) it, Back returns to editing. */
    ANNOUNCE_PREVIEW,

    // --- runbook checklist ---
    /** The checklist modal of /upgrade checklist (nothing to submit: each click applies at once). */
    CHECKLIST,

    // --- /upgrade finish and /upgrade deps ---
    /** The finish form: what is still open, the reason, the announcement, the retrospective, unmaintained ones. */
    FINISH,
    /** The outside-issues form: external dependencies and operations tickets. */
    DEPS;

    public String id() {
        return "ub." + name().toLowerCase();
    }
}
