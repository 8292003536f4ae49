package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ChecklistModal;
import io.upgradebot.slack.view.ChecklistRefusals;
import io.upgradebot.slack.view.ChecklistScreen;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.ProjectNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade checklist <project>}: the roadmap issue's runbook checklist in a modal, grouped by runbook phase;
 * orchestrators tick and untick items with one click, everyone else sees it read-only. The project is looked up
 * before the ack (database only), the modal opened at once and filled after the ack.
 */
@ApplicationScoped
public class ChecklistCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(ChecklistCommand.class);

    private final FindProject findProject;
    private final ProjectSummaries summaries;
    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final ChecklistScreen screen;

    public ChecklistCommand(FindProject findProject, ProjectSummaries summaries, OrchestratorGate orchestrators,
            SlackGateway slack, AfterAck afterAck, ChecklistScreen screen) {
        this.findProject = findProject;
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.afterAck = afterAck;
        this.screen = screen;
    }

    @Override
    public String name() {
        return "checklist";
    }

    @Override
    public String usage() {
        return "/upgrade checklist <project>";
    }

    @Override
    public String summary() {
        return "The roadmap issue's runbook checklist by phase; orchestrators tick and untick items with one click";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        FindProject.Found found = findProject.find(args, req.getPayload().getChannelId());
        if (!found.found()) {
            return ctx.ack(EphemeralReply.text(ProjectNotFound.mrkdwn(found)));
        }
        Optional<ProjectSummaries.ProjectSummary> project = summaries.byId(found.projectId());
        if (project.isEmpty()) {
            return ctx.ack(EphemeralReply.text(ProjectNotFound.mrkdwn(found)));
        }
        Optional<String> closed = ChecklistRefusals.notUnderWay(project.get());
        if (closed.isPresent()) {
            return ctx.ack(EphemeralReply.text(closed.get()));
        }
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        LoadingModalFirst modal = LoadingModalFirst.open(slack, req.getPayload().getTriggerId(), CallbackIds.CHECKLIST,
                ChecklistModal.TITLE,
                "checklist");
        if (!modal.opened()) {
            return modal.notOpened(ctx, "checklist");
        }
        String viewId = modal.viewId();
        long projectId = found.projectId();
        afterAck.run(() -> screen.render(viewId, projectId, orchestrators.allowsAfterAck(orchestrator, user), null));
        return ctx.ack();
    }
}
