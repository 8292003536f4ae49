package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade announce <project>}: opens a modal at once (the trigger_id lives 3 seconds) and fills it after the
 * ack, once the project is looked up (no database work holds the ack).
 */
@ApplicationScoped
public class AnnounceCommand implements UpgradeSubcommand {

    static final String TITLE = "Announce";
    private static final Logger LOG = Logger.getLogger(AnnounceCommand.class);

    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final SlackDirectory directory;
    private final AfterAck afterAck;
    private final FindProject projects;
    private final ProjectSummaries summaries;

    public AnnounceCommand(OrchestratorGate orchestrators, SlackGateway slack, SlackDirectory directory,
            AfterAck afterAck, FindProject projects, ProjectSummaries summaries) {
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.directory = directory;
        this.afterAck = afterAck;
        this.projects = projects;
    }

    @Override
    public String name() {
        return "announce";
    }

    @Override
    public String usage() {
        return "/upgrade announce <project>";
    }

    @Override
    public String summary() {
        return "Post or schedule an announcement in a project's channel or status thread (orchestrators).";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        LoadingModalFirst modal = LoadingModalFirst.open(slack, req.getPayload().getTriggerId(),
                CallbackIds.ANNOUNCE_COMPOSE, TITLE,
                "announcement");
        if (!modal.opened()) {
            return modal.notOpened(ctx, "form");
        }
        String viewId = modal.viewId();
        afterAck.run(() -> {
            Optional<Long> projectId = modal.project(slack, orchestrators.allowsAfterAck(orchestrator, user),
                    refusal(), () -> projects.findToChange(args, channel), text -> AnnounceModal.notice(TITLE, text));
            if (projectId.isEmpty()) {
                return;
            }
            Optional<ProjectSummaries.ProjectSummary> project = summaries.byId(projectId.get());
            if (project.isEmpty()) {
                slack.updateView(viewId, AnnounceModal.notice(TITLE, "That project no longer exists."));
                return;
            }
            ProjectSummaries.ProjectSummary p = project.get();
            slack.updateView(viewId,
                    AnnounceModal.compose(p.name(), new AnnounceModal.Meta(p.id(), channel, null, null),
                            AnnounceModal.Values.blank(), p.hasStatusMessage()));
            // the preview needs the author's time zone (users.info); fetched now, it is cached when they submit
            directory.person(user);
        });
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.ANNOUNCE));
    }
}
