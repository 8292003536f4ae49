package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.checklist.ToggleChecklistItem;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.http.InteractionGuard;
import io.upgradebot.slack.view.ChecklistModal;
import io.upgradebot.slack.view.ChecklistRefusals;
import io.upgradebot.slack.view.ChecklistScreen;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tick / Untick beside a checklist item in the modal: an orchestrator's click ticks or unticks that one item (after
 * the ack) and the modal is redrawn in place; anyone else is told, in the modal only they see, that only
 * orchestrators do this, and nothing changes.
 */
@ApplicationScoped
public class ToggleChecklistPressed implements BlockActionHandler {

    private final OrchestratorGate orchestrators;
    private final ToggleChecklistItem toggle;
    private final ChecklistScreen screen;
    private final AfterAck afterAck;

    public ToggleChecklistPressed(OrchestratorGate orchestrators, ToggleChecklistItem toggle, ChecklistScreen screen,
            AfterAck afterAck) {
        this.orchestrators = orchestrators;
        this.toggle = toggle;
        this.screen = screen;
        this.afterAck = afterAck;
    }

    @Override
    public ActionIds action() {
        return ActionIds.CHECKLIST_TOGGLE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var action = payload.getActions().get(0);
        String itemId = ActionIds.suffixOf(action.getActionId());
        Long projectId = payload.getView() == null
                ? null
                : ChecklistModal.projectOf(payload.getView().getPrivateMetadata());
        String value = action.getValue();
        if (itemId == null || projectId == null || !("tick".equals(value) || "untick".equals(value))) {
            throw new InteractionGuard.Stale("checklist click without item, project or tick/untick");
        }
        String viewId = payload.getView().getId();
        String user = payload.getUser().getId();
        OrchestratorGate.Answer answer = orchestrators.beforeAck(user);
        afterAck.run(() -> {
            if (!orchestrators.allowsAfterAck(answer, user)) {
                screen.render(viewId, projectId, false, OrchestratorRefusal.mrkdwn(
                        orchestrators.refusal(OrchestratorGate.Action.TICK_CHECKLIST)) + " Nothing was changed.");
                return;
            }
            ToggleChecklistItem.Result result = toggle.toggle(projectId, itemId, "tick".equals(value), user);
            screen.render(viewId, projectId, true, ChecklistRefusals.of(result));
        });
        return ctx.ack();
    }
}
