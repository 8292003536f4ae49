package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether what a button or form names still exists: a click on a button of a deleted project or message is stale,
 * and is answered as such instead of reaching its handler.
 */
@ApplicationScoped
public class InteractionTargets {

    public boolean projectExists(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(projectId) != null);
    }

    /**
     * The slug of the project a button of {@code projectId} (or of scheduled message {@code messageId}, when
     * {@code projectId} is null) belongs to, when that project is finished: such buttons no longer change it.
     */
    public Optional<String> finishedProject(Long projectId, Long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long id = projectId;
            if (id == null && messageId != null) {
                ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
                id = m == null ? null : m.projectId;
            }
            UpgradeProjectEntity p = id == null ? null : UpgradeProjectEntity.findById(id);
            return p != null && p.state == ProjectState.FINISHED
                    ? Optional.of(p.slug)
                    : Optional.<String>empty();
        });
    }

    public boolean scheduledMessageExists(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.findById(messageId) != null);
    }
}
