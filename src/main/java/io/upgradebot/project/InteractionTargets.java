package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether what a button or form names still exists: a click on a button of a deleted project or message is stale,
 * and is answered as such instead of reaching its handler.
 */
@ApplicationScoped
public class InteractionTargets {

    public boolean projectExists(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(projectId) != null);
    }

    public boolean scheduledMessageExists(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.findById(messageId) != null);
    }
}
