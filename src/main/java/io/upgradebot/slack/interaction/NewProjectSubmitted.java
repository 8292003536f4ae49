package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.CreateUpgradeProject;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.project.creation.NewProjectRequest.Field;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.NewProjectModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The new-project form submitted. Syntax errors go back onto the fields ({@code response_action: errors}) before
 * the form closes; a valid form turns into a "working on it" view at once, and after the ack the bot checks the
 * repositories on GitHub and replaces that view with the outcome (preview posted, confirmation needed, or
 * creation started).
 */
@ApplicationScoped
public class NewProjectSubmitted implements ViewSubmissionHandler {

    private final CreateUpgradeProject create;
    private final OrchestratorGate orchestrators;
    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final ShowProjectOutcome show;

    public NewProjectSubmitted(CreateUpgradeProject create, OrchestratorGate orchestrators, AfterAck afterAck,
            SlackGateway slack, ShowProjectOutcome show) {
        this.create = create;
        this.orchestrators = orchestrators;
        this.afterAck = afterAck;
        this.slack = slack;
        this.show = show;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.NEW_PROJECT;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var view = payload.getView();
        String user = payload.getUser().getId();
        String team = payload.getTeam() == null ? null : payload.getTeam().getId();
        NewProjectModal.Parsed parsed = NewProjectModal.parse(view, user, team);
        Map<Field, String> errors = new EnumMap<>(Field.class);
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            errors.put(Field.NAME, OrchestratorRefusal.plain(orchestrators.refusal(OrchestratorGate.Action.NEW)));
        } else {
            errors.putAll(parsed.errors());
            create.validate(parsed.request()).forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(parsed.errorsByBlock(errors));
        }
        NewProjectRequest request = parsed.request();
        String viewId = view.getId();
        afterAck.run(() -> show.inModal(viewId, request, parsed.metadata(),
                () -> orchestrators.allowsAfterAck(orchestrator, user)
                        ? create.submit(request)
                        : new CreateUpgradeProject.Refused(
                                OrchestratorRefusal.sentence(orchestrators.refusal(OrchestratorGate.Action.NEW)))));
        return ctx.ackWithUpdate(NewProjectModal.working("Checking the repositories on GitHub for *"
                + io.upgradebot.slack.view.Mrkdwn.escape(request.name()) + "*… This view updates when done; you can "
                + "close it, the result also shows in <#" + request.channelId() + ">."));
    }
}
