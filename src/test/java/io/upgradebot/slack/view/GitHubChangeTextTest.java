package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upgradebot.domain.CloseReason;
import io.upgradebot.project.sync.GitHubChange;
import org.junit.jupiter.api.Test;

/** The status thread's one-line words for a change made on GitHub. */
class GitHubChangeTextTest {

    private static final String URL = "https://github.com/acme/service-a/issues/12";

    @Test
    void closedReopenedNotPlannedAndBoardEditsReadApart() {
        assertEquals(":white_check_mark: <" + URL + "|acme/service-a#12> closed by @alice", GitHubChangeText.text(
                new GitHubChange.IssueStateChanged("acme/service-a", 12, URL, "alice", true, CloseReason.COMPLETED)));
        assertEquals(":heavy_minus_sign: <" + URL + "|acme/service-a#12> closed as *not planned* by @alice",
                GitHubChangeText.text(new GitHubChange.IssueStateChanged("acme/service-a", 12, URL, "alice", true,
                        CloseReason.NOT_PLANNED)));
        assertEquals(":arrows_counterclockwise: <" + URL + "|acme/service-a#12> reopened by @bob",
                GitHubChangeText.text(
                        new GitHubChange.IssueStateChanged("acme/service-a", 12, URL, "bob", false, null)));
        assertEquals(":clipboard: <" + URL + "|acme/service-a#12>: Status Todo → *In Progress* on the board by @jane",
                GitHubChangeText.text(new GitHubChange.BoardFieldChanged("acme/service-a", 12, URL, "jane", "Status",
                        "Todo", "In Progress")));
    }

    @Test
    void aLoginIsEscaped() {
        assertEquals(":white_check_mark: acme/x#1 closed by @a&lt;b&gt;", GitHubChangeText.text(
                new GitHubChange.IssueStateChanged("acme/x", 1, null, "a<b>", true, null)));
    }
}
