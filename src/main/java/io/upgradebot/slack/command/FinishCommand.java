package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.finish.FinishProject;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.FinishModal;
import io.upgradebot.slack.view.FinishedProject;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade finish <project>}: the runbook's Clean Up. Opens a modal at once (the trigger_id lives 3 seconds)
 * and fills it after the ack with what is still open (the roadmap issue's checklist is read on GitHub).
 */
@ApplicationScoped
public class FinishCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(FinishCommand.class);

    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final FindProject projects;
    private final FinishProject finish;
    private final SlackDirectory directory;

    public FinishCommand(OrchestratorGate orchestrators, SlackGateway slack, AfterAck afterAck, FindProject projects,
            FinishProject finish, SlackDirectory directory) {
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.afterAck = afterAck;
        this.projects = projects;
        this.finish = finish;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "finish";
    }

    @Override
    public String usage() {
        return "/upgrade finish <project>";
    }

    @Override
    public String summary() {
        return "Clean Up: see what is still open, announce completion, close the roadmap issue (orchestrators).";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        LoadingModalFirst modal = LoadingModalFirst.open(slack, req.getPayload().getTriggerId(), CallbackIds.FINISH,
                FinishModal.TITLE,
                "finish");
        if (!modal.opened()) {
            return modal.notOpened(ctx, "form");
        }
        String viewId = modal.viewId();
        afterAck.run(() -> {
            Optional<Long> projectId = modal.project(slack, orchestrators.allowsAfterAck(orchestrator, user),
                    refusal(), () -> projects.find(args, channel), FinishModal::notice);
            if (projectId.isEmpty()) {
                return;
            }
            Optional<FinishProject.Overview> overview = finish.overview(projectId.get());
            if (overview.isEmpty()) {
                slack.updateView(viewId, FinishModal.notice("That project no longer exists."));
                return;
            }
            FinishProject.Overview o = overview.get();
            if (o.state() == ProjectState.FINISHED) {
                slack.updateView(viewId, FinishModal.notice(FinishedProject.mrkdwn(o.name(), o.slug())));
                return;
            }
            if (o.state() != ProjectState.ACTIVE) {
                slack.updateView(viewId, FinishModal.notice("*" + o.name() + "* is not active (a preview or still "
                        + "being created): only an active project is finished."));
                return;
            }
            slack.updateView(viewId, FinishModal.form(o, channel));
            // the reminder's day is in the orchestrator's time zone (users.info): fetched now, cached at submit
            directory.person(user);
        });
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.FINISH));
    }
}
