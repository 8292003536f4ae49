package io.upgradebot.github;

import io.upgradebot.domain.HumanActivity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads what happened lately on many repository issues at once, for stale-issue nudges and the weekly digest.
 * Batched: at most ⌈N/100⌉ requests for N issues (GraphQL {@code nodes(ids:)}, 100 ids a request), never one per
 * issue.
 *
 * <p>Failure semantics as {@link GitHubGateway}: {@link GitHubException.RateLimited} (with when to retry),
 * {@link GitHubException.Transient}, {@link GitHubException.Permanent}. Issues that no longer exist or cannot be
 * seen are left out of the answer, not an error.
 */
public interface IssueActivityReader {

    /** Linked pull requests (those that will close the issue), as far as they got. */
    enum PullRequests {
        NONE, OPEN, MERGED
    }

    record IssueActivity(String nodeId, String repo, int number, String url, String title, boolean open,
            Instant createdAt, Instant closedAt, List<HumanActivity.Event> events, PullRequests pullRequests) {
    }

    /** {@code viewerLogin}: the account the bot reads and writes as; {@code requests}: how many were sent. */
    record Batch(String viewerLogin, Map<String, IssueActivity> issues, int requests) {
    }

    Batch read(Collection<String> issueNodeIds);
}
