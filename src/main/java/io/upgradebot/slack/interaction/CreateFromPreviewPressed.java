package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.creation.CreateUpgradeProject;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ConfirmProjectModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.PreviewView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * "Create it" on a preview: turns the preview into the real project (orchestrators only; a second click does
 * nothing more). The preview message then becomes the project's status message, edited in place. A preview
 * without a completion date opens a small form for it first (with the click's trigger_id, before the ack).
 */
@ApplicationScoped
public class CreateFromPreviewPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(CreateFromPreviewPressed.class);

    private final CreateUpgradeProject create;
    private final OrchestratorGate orchestrators;
    private final AfterAck afterAck;
    private final ProjectSummaries summaries;
    private final SlackGateway slack;

    public CreateFromPreviewPressed(CreateUpgradeProject create, OrchestratorGate orchestrators, AfterAck afterAck,
            SlackGateway slack, ProjectSummaries summaries) {
        this.summaries = summaries;
        this.create = create;
        this.orchestrators = orchestrators;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.PREVIEW_CREATE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String user = payload.getUser().getId();
        String responseUrl = payload.getResponseUrl();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            afterAck.run(() -> respond(responseUrl, refusal()));
            return ctx.ack();
        }
        long projectId;
        try {
            projectId = Long.parseLong(payload.getActions().get(0).getValue());
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        if (create.needsDate(projectId)) {
            ProjectSummaries.ProjectSummary p = summaries.byId(projectId).orElseThrow();
            slack.openView(payload.getTriggerId(), ConfirmProjectModal.render(projectId, p.name(), List.of(), 0, true,
                    p.completionReason()));
            return ctx.ack();
        }
        afterAck.run(() -> {
            if (!orchestrators.allowsAfterAck(orchestrator, user)) {
                respond(responseUrl, refusal());
                return;
            }
            CreateUpgradeProject.Outcome outcome = create.createFromPreview(projectId, user);
            if (outcome instanceof CreateUpgradeProject.Refused r) {
                respond(responseUrl, ":x: " + r.message());
            } else if (outcome instanceof CreateUpgradeProject.Started s && s.statusNotPosted()) {
                respond(responseUrl, ":warning: " + PreviewView.statusNotPosted(s.channelId(), s.slug()));
            } else if (outcome instanceof CreateUpgradeProject.AlreadyStarted a) {
                respond(responseUrl, "This project is being created already (`/upgrade status " + a.slug() + "`).");
            }
        });
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.NEW));
    }

    private void respond(String responseUrl, String text) {
        try {
            slack.respond(responseUrl, text, null, false);
        } catch (SlackGateway.SlackException e) {
            LOG.infof("could not answer a Create it click: %s", e.error());
        }
    }
}
