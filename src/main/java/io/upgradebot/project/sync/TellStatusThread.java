package io.upgradebot.project.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.GitHubChangeNotifier;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Shows changes people made on GitHub: the project's status message is refreshed (counts change in place) and each
 * change gets one line in its thread. Slack failing is logged: the change itself is already recorded.
 */
@ApplicationScoped
public class TellStatusThread {

    private static final Logger LOG = Logger.getLogger(TellStatusThread.class);

    private final StatusMessages statusMessages;
    private final GitHubChangeNotifier notifier;

    public TellStatusThread(StatusMessages statusMessages, GitHubChangeNotifier notifier) {
        this.statusMessages = statusMessages;
        this.notifier = notifier;
    }

    /** Refreshes the status message and posts {@code changes} (may be empty) in its thread. */
    public void tell(long projectId, List<GitHubChange> changes) {
        try {
            if (changes.isEmpty() || where(projectId) != null) {
                statusMessages.refresh(projectId);
            } else {
                statusMessages.refreshNow(projectId); // the lines below need a thread to go to
            }
        } catch (RuntimeException e) {
            LOG.warnf("status message of project %d not refreshed after a GitHub change: %s", projectId,
                    e.getMessage());
        }
        if (changes.isEmpty()) {
            return;
        }
        String[] where = where(projectId);
        if (where == null) {
            LOG.infof("project %d has no status message: %d GitHub change(s) not told", projectId, changes.size());
            return;
        }
        for (GitHubChange change : changes) {
            try {
                notifier.changed(where[0], where[1], change);
            } catch (RuntimeException e) {
                LOG.warnf("GitHub change of %s not told in project %d's thread: %s", change.repo(), projectId,
                        e.getMessage());
            }
        }
    }

    /** Channel and ts of the status message, or null while there is none. */
    private static String[] where(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null || p.statusMessageTs == null) {
                return null;
            }
            return new String[]{p.statusChannelId != null ? p.statusChannelId : p.channelId, p.statusMessageTs};
        });
    }
}
