package io.upgradebot.domain;

/**
 * The life of an upgrade project: a preview nobody has created yet, its GitHub fan-out running, under way, done.
 * FINISHED is the runbook's Clean Up done by an orchestrator ({@code /upgrade finish}): read-only until reopened.
 * Stored by name.
 */
public enum ProjectState {
    PREVIEW, CREATING, ACTIVE, CLOSED, FINISHED
}
