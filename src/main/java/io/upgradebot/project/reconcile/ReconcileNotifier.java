package io.upgradebot.project.reconcile;

import java.util.List;

/**
 * What the reconciliation posts to Slack (port owned by project/, implemented in slack/): the drift it found that
 * people must act on, in the project's status thread. Throws on failure; the caller then forgets the findings' claim,
 * so the next pass tells them again.
 */
public interface ReconcileNotifier {

    /** {@code threadTs} null: no status message yet, the findings go to the channel. */
    void findings(String channelId, String threadTs, String projectName, List<ReconcileReport.Finding> findings);
}
