package io.upgradebot.project.sync;

import io.upgradebot.domain.CloseReason;

/**
 * A change a person made on GitHub to one of a project's repository issues, told in the project's status thread as
 * one short line. Only real changes are told: the same state arriving twice (a redelivery, a second webhook) or
 * the bot's own writes coming back are not.
 */
public sealed interface GitHubChange {

    /** {@code owner/name} */
    String repo();

    /** The repository issue's number, or null when unknown. */
    Integer number();

    String issueUrl();

    /** GitHub login of whoever made the change. */
    String login();

    /** The issue was closed ({@code closeReason} set) or reopened ({@code closeReason} null). */
    record IssueStateChanged(String repo, Integer number, String issueUrl, String login, boolean closed,
            CloseReason closeReason) implements GitHubChange {
    }

    /** A board field of the issue's item set by a person ({@code from} null when it was not known). */
    record BoardFieldChanged(String repo, Integer number, String issueUrl, String login, String field, String from,
            String to) implements GitHubChange {
    }
}
