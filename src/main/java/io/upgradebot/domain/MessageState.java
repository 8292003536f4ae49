package io.upgradebot.domain;

/** A scheduled announcement or runbook moment: a draft whose modal is not confirmed yet, scheduled, cancelled, done. Stored by name. */
public enum MessageState {
    /** the modal is not confirmed yet */
    DRAFT, ACTIVE, CANCELLED, DONE
}
