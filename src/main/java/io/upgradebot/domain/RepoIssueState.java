package io.upgradebot.domain;

/** A repository issue's state on GitHub. Stored by name. */
public enum RepoIssueState {
    OPEN, CLOSED
}
