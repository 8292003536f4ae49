package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.CreateUpgradeProject;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ConfirmProjectModal;
import io.upgradebot.slack.view.NewProjectModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** "Create without them" / "Create" on the confirmation step: the draft becomes the real project, once. */
@ApplicationScoped
public class NewProjectConfirmed implements ViewSubmissionHandler {

    private final CreateUpgradeProject create;
    private final OrchestratorGate orchestrators;
    private final AfterAck afterAck;
    private final ShowProjectOutcome show;

    public NewProjectConfirmed(CreateUpgradeProject create, OrchestratorGate orchestrators, AfterAck afterAck,
            ShowProjectOutcome show) {
        this.create = create;
        this.orchestrators = orchestrators;
        this.afterAck = afterAck;
        this.show = show;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.NEW_PROJECT_CONFIRM;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var view = req.getPayload().getView();
        String user = req.getPayload().getUser().getId();
        Long projectId = ConfirmProjectModal.projectId(view);
        if (projectId == null) {
            return ctx
                    .ackWithUpdate(NewProjectModal.notice(":x: This form lost track of its project; run `/upgrade new` "
                            + "again."));
        }
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ackWithUpdate(NewProjectModal.notice(
                    OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.NEW))));
        }
        LocalDate date;
        try {
            date = ConfirmProjectModal.date(view);
        } catch (DateTimeParseException e) {
            return ctx.ackWithErrors(Map.of(ConfirmProjectModal.DATE, "That is not a date"));
        }
        if (ConfirmProjectModal.asksForDate(view)) {
            if (date == null) {
                return ctx.ackWithErrors(Map.of(ConfirmProjectModal.DATE, "Pick the completion date"));
            }
            if (date.isBefore(LocalDate.now(java.time.ZoneOffset.UTC))) {
                return ctx.ackWithErrors(
                        Map.of(ConfirmProjectModal.DATE, "That date has passed; pick one from today on"));
            }
        }
        String reason = ConfirmProjectModal.reason(view);
        String viewId = view.getId();
        afterAck.run(() -> show.inModal(viewId, () -> orchestrators.allowsAfterAck(orchestrator, user)
                ? create.confirm(projectId, user, date, reason)
                : new CreateUpgradeProject.Refused(
                        OrchestratorRefusal.sentence(orchestrators.refusal(OrchestratorGate.Action.NEW)))));
        return ctx.ackWithUpdate(NewProjectModal.working("Creating the project…"));
    }
}
