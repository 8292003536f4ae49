package io.upgradebot.project.creation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The end of a project's creation: once every GitHub write of the fan-out has settled (done or failed for good) the
 * project moves from CREATING to ACTIVE, and the creation summary, with anything that failed, goes to the status
 * message's thread. The status message calls it on each refresh, because a refresh is what sees the writes settle.
 */
@ApplicationScoped
public class FinishProjectCreation {

    private final ProjectNotifier notifier;
    private final Clock clock;

    public FinishProjectCreation(ProjectNotifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Moves the project to ACTIVE when it is CREATING and its writes have all settled. True for exactly one caller
     * (the conditional update), so the summary is posted once however many refreshes race.
     */
    public boolean finishIfSettled(ProjectStatus status) {
        if (!status.creating() || status.progress() == null
                || status.progress().writesDone() + status.progress().failed() < status.progress().writesTotal()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.update(
                "state = ?1, updatedAt = ?2 where id = ?3 and state = ?4", ProjectState.ACTIVE,
                clock.instant(), status.projectId(), ProjectState.CREATING) == 1);
    }

    /** The creation summary, in the thread of the status message {@code statusTs}. */
    public void summarise(ProjectStatus status, String statusTs) {
        notifier.postCreationSummary(status.channelId(), statusTs, status);
    }
}
