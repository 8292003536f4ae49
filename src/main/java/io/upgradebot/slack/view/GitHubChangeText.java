package io.upgradebot.slack.view;

import io.upgradebot.domain.CloseReason;
import io.upgradebot.project.sync.GitHubChange;

/**
 * The status thread's line for a change made on GitHub: "acme/service-a#12 closed by @alice". The GitHub login is
 * shown as GitHub shows it (it is not a Slack user, so it mentions nobody).
 */
public final class GitHubChangeText {

    private GitHubChangeText() {
    }

    public static String text(GitHubChange change) {
        String issue = Mrkdwn.link(change.issueUrl(),
                change.repo() + (change.number() == null ? "" : "#" + change.number()));
        String by = " by @" + Mrkdwn.escape(change.login());
        if (change instanceof GitHubChange.BoardFieldChanged f) {
            return ":clipboard: " + issue + ": " + Mrkdwn.escape(f.field())
                    + (f.from() == null ? "" : " " + Mrkdwn.escape(f.from()) + " →") + " *" + Mrkdwn.escape(f.to())
                    + "* on the board" + by;
        }
        GitHubChange.IssueStateChanged s = (GitHubChange.IssueStateChanged) change;
        if (!s.closed()) {
            return ":arrows_counterclockwise: " + issue + " reopened" + by;
        }
        if (s.closeReason() == null || s.closeReason() == CloseReason.COMPLETED) {
            return ":white_check_mark: " + issue + " closed" + by;
        }
        // not planned / duplicate: no work was done, so it must not read like progress
        return ":heavy_minus_sign: " + issue + " closed as *" + s.closeReason().words() + "*" + by;
    }
}
