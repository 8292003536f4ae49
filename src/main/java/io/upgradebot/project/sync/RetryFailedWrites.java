package io.upgradebot.project.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * "Retry the failed writes" on a project's summary: after someone fixed what GitHub refused (a permission, an
 * archived repository brought back), the project's failed writes go back into the queue. A write that may have
 * reached GitHub is looked for before it is sent again (the queue's rule), so a retry never doubles anything.
 */
@ApplicationScoped
public class RetryFailedWrites {

    private final WriteQueue queue;
    private final StatusMessages statusMessages;
    private final Clock clock;

    public RetryFailedWrites(WriteQueue queue, StatusMessages statusMessages, Clock clock) {
        this.queue = queue;
        this.clock = clock;
        this.statusMessages = statusMessages;
    }

    /** How many writes were put back (0: nothing had failed). */
    public int retry(long projectId) {
        int retried = QuarkusTransaction.requiringNew().call(() -> {
            int n = queue.retryFailed(projectId);
            if (n > 0) {
                // back to CREATING: the status message shows progress again and a new summary follows
                UpgradeProjectEntity.update("state = ?1, updatedAt = ?2 where id = ?3 and state = ?4",
                        ProjectState.CREATING, clock.instant(), projectId, ProjectState.ACTIVE);
            }
            return n;
        });
        if (retried > 0) {
            statusMessages.refresh(projectId);
        }
        return retried;
    }
}
