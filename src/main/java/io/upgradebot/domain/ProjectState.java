package io.upgradebot.domain;

/** The life of an upgrade project: a preview nobody has created yet, its GitHub fan-out running, under way, done. Stored by name. */
public enum ProjectState {
    PREVIEW, CREATING, ACTIVE, CLOSED
}
