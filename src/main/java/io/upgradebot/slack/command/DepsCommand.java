package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.outside.AddOutsideIssues;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.DepsModal;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade deps <project>}: external dependency issues and operations tickets. Opens the modal at once and
 * fills it after the ack, once the project is looked up.
 */
@ApplicationScoped
public class DepsCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(DepsCommand.class);

    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final FindProject projects;
    private final ProjectSummaries summaries;
    private final AddOutsideIssues outside;

    public DepsCommand(OrchestratorGate orchestrators, SlackGateway slack, AfterAck afterAck, FindProject projects,
            ProjectSummaries summaries, AddOutsideIssues outside) {
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.afterAck = afterAck;
        this.projects = projects;
        this.summaries = summaries;
        this.outside = outside;
    }

    @Override
    public String name() {
        return "deps";
    }

    @Override
    public String usage() {
        return "/upgrade deps <project>";
    }

    @Override
    public String summary() {
        return "Open issues for external dependencies and operations tickets, and ask the community for help "
                + "(orchestrators).";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        AddOutsideIssues.Targets targets = outside.targets();
        if (targets.none()) {
            return ctx.ack(EphemeralReply.text(DepsModal.notConfigured()));
        }
        LoadingModalFirst modal = LoadingModalFirst.open(slack, req.getPayload().getTriggerId(), CallbackIds.DEPS,
                DepsModal.TITLE,
                "outside-issues");
        if (!modal.opened()) {
            return modal.notOpened(ctx, "form");
        }
        String viewId = modal.viewId();
        afterAck.run(() -> {
            Optional<Long> projectId = modal.project(slack, orchestrators.allowsAfterAck(orchestrator, user),
                    refusal(), () -> projects.findToChange(args, channel), DepsModal::notice);
            if (projectId.isEmpty()) {
                return;
            }
            Optional<ProjectSummaries.ProjectSummary> p = summaries.byId(projectId.get());
            if (p.isEmpty()) {
                slack.updateView(viewId, DepsModal.notice("That project no longer exists."));
                return;
            }
            slack.updateView(viewId, DepsModal.form(p.get().name(), p.get().slug(), targets,
                    new DepsModal.Meta(p.get().id(), channel)));
        });
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.OUTSIDE_ISSUES));
    }
}
