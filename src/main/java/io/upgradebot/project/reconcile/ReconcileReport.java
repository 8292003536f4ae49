package io.upgradebot.project.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation pass over a project found and did; rendered by slack/view for {@code /upgrade sync}.
 *
 * @param repositories   repository issues compared
 * @param requests       GitHub requests the pass sent (board read included)
 * @param closed         repositories whose issue was found closed ({@code owner/name#12})
 * @param reopened       repositories whose issue was found reopened
 * @param choices        Owner Does values people set on the board, recorded as choices via GitHub
 * @param boardRewritten repositories whose board value the bot had written wrong, written again
 * @param reported       findings told in the status thread by this pass
 * @param alreadyKnown   findings told by an earlier pass (not told again)
 * @param stopped        why the pass stopped early (GitHub's rate limit, an error), or null when it ran through
 * @param retryAt        when GitHub said to come back, when it said
 */
public record ReconcileReport(long projectId, String slug, String name, int repositories, int requests,
        List<String> closed, List<String> reopened, List<String> choices, List<String> boardRewritten,
        List<Finding> reported, int alreadyKnown, String stopped, Instant retryAt) {

    public enum Kind {
        /** A person removed the repository issue's item from the board: told, not added back. */
        ITEM_REMOVED,
        /** The issue no longer exists (or the bot can no longer see it). */
        ISSUE_DELETED,
        /** The issue now lives in another repository. */
        ISSUE_TRANSFERRED
    }

    /** @param detail the new {@code owner/name} of a transferred issue, else null */
    public record Finding(Kind kind, String repo, Integer issueNumber, String issueUrl, String detail) {
    }

    public boolean changedAnything() {
        return !closed.isEmpty() || !reopened.isEmpty() || !choices.isEmpty() || !boardRewritten.isEmpty()
                || !reported.isEmpty();
    }
}
