package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.CreateUpgradeProject;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.OrchestratorCheckBeforeAck;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.ConfirmProjectModal;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
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
    private final OrchestratorCheckBeforeAck orchestrators;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public CreateFromPreviewPressed(CreateUpgradeProject create, OrchestratorCheckBeforeAck orchestrators, AfterAck afterAck,
            SlackGateway slack) {
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
        Optional<Boolean> orchestrator = orchestrators.quickly(user);
        if (orchestrator.isPresent() && !orchestrator.get()) {
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
            String[] what = QuarkusTransaction.requiringNew().call(() -> {
                UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
                return new String[] {p.name, p.completionReason};
            });
            slack.openView(payload.getTriggerId(), ConfirmProjectModal.render(projectId, what[0], List.of(), 0, true,
                    what[1]));
            return ctx.ack();
        }
        afterAck.run(() -> {
            if (!orchestrators.isOrchestrator(user)) {
                respond(responseUrl, refusal());
                return;
            }
            CreateUpgradeProject.Outcome outcome = create.createFromPreview(projectId, user);
            if (outcome instanceof CreateUpgradeProject.Refused r) {
                respond(responseUrl, ":x: " + r.message());
            } else if (outcome instanceof CreateUpgradeProject.Started s && s.warning() != null) {
                respond(responseUrl, ":warning: " + s.warning());
            } else if (outcome instanceof CreateUpgradeProject.AlreadyStarted a) {
                respond(responseUrl, "This project is being created already (`/upgrade status " + a.slug() + "`).");
            }
        });
        return ctx.ack();
    }

    private String refusal() {
        return ":no_entry: Only orchestrators create upgrade projects: " + orchestrators.whoCan() + ".";
    }

    private void respond(String responseUrl, String text) {
        try {
            slack.respond(responseUrl, text, null, false);
        } catch (SlackGateway.SlackException e) {
            LOG.infof("could not answer a Create it click: %s", e.error());
        }
    }
}
