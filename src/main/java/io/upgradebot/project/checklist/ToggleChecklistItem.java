package io.upgradebot.project.checklist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * An orchestrator's click on a checklist item in Slack: ticks or unticks it (the caller has checked the person is
 * an orchestrator with OrchestratorGate). Clicking an item into the state it already has changes nothing, so a
 * double click or a retried request is one write.
 */
@ApplicationScoped
public class ToggleChecklistItem {

    public enum Result {
        CHANGED, UNKNOWN_PROJECT, NOT_UNDER_WAY, UNKNOWN_ITEM
    }

    private final ChecklistTicks ticks;

    public ToggleChecklistItem(ChecklistTicks ticks) {
        this.ticks = ticks;
    }

    public Result toggle(long projectId, String itemId, boolean tick, String slackUserId) {
        try {
            return once(projectId, itemId, tick, slackUserId);
        } catch (RuntimeException e) {
            if (!constraintViolation(e)) {
                throw e;
            }
            // two first clicks at once both inserted the item's row and one lost on the unique key: the winner's
            // state is there now, so trying again finds nothing to change
            return once(projectId, itemId, tick, slackUserId);
        }
    }

    private Result once(long projectId, String itemId, boolean tick, String slackUserId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null) {
                return Result.UNKNOWN_PROJECT;
            }
            if (!ShowChecklist.changeable(p.state)) {
                return Result.NOT_UNDER_WAY;
            }
            if (ticks.checklist().item(itemId).isEmpty()) {
                return Result.UNKNOWN_ITEM;
            }
            if (tick) {
                ticks.tick(projectId, Set.of(itemId), slackUserId);
            } else {
                ticks.untick(projectId, Set.of(itemId), slackUserId);
            }
            return Result.CHANGED;
        });
    }

    private static boolean constraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
