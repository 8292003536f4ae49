package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.ownerdoes.AskOwnersToChoose;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ProjectNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade ask <project>} (orchestrators only): the runbook's "Clarify Distribution of Work" announcement in
 * the project channel, with the button that opens each owner's choices. Owners still unknown are looked up on
 * GitHub first, after the ack.
 */
@ApplicationScoped
public class AskCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(AskCommand.class);

    private final OrchestratorGate orchestrators;
    private final FindProject findProject;
    private final AskOwnersToChoose ask;
    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final ProjectSummaries summaries;

    public AskCommand(OrchestratorGate orchestrators, FindProject findProject, AskOwnersToChoose ask, AfterAck afterAck,
            SlackGateway slack, ProjectSummaries summaries) {
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.findProject = findProject;
        this.ask = ask;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String usage() {
        return "/upgrade ask <project>";
    }

    @Override
    public String summary() {
        return "Ask the owning teams to choose an Owner Does level for each repository (orchestrators)";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var payload = req.getPayload();
        // a user-group lookup must not hold the ack: unknown within the budget -> asked again after the ack
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(payload.getUserId());
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        FindProject.Found found = findProject.findToChange(args, payload.getChannelId());
        if (!found.found()) {
            return ctx.ack(EphemeralReply.text(ProjectNotFound.mrkdwn(found)));
        }
        ProjectSummaries.ProjectSummary project = summaries.byId(found.projectId()).orElse(null);
        if (project == null) {
            return ctx.ack(EphemeralReply.text("That project no longer exists."));
        }
        if (project.preview()) {
            return ctx
                    .ack(EphemeralReply.text("*" + project.name() + "* is only a preview: create it first, then ask."));
        }
        if (project.channelId() == null) {
            return ctx.ack(EphemeralReply.text("*" + project.name() + "* has no channel to post the announcement in."));
        }
        String responseUrl = payload.getResponseUrl();
        long projectId = project.id();
        String user = payload.getUserId();
        afterAck.run(() -> {
            if (!orchestrators.allowsAfterAck(orchestrator, user)) {
                slack.respond(responseUrl, refusal(), null, false);
                return;
            }
            try {
                AskOwnersToChoose.Asked asked = ask.ask(projectId);
                String unknown = asked.unknownOwners() == 0
                        ? ""
                        : " " + asked.unknownOwners() + " of them have no known owner: `/upgrade tbd " + found.slug()
                                + "` lists them.";
                slack.respond(responseUrl, "Asked the owning teams of " + asked.repositories()
                        + " repositories to choose, in <#" + asked.channelId() + ">." + unknown, null, false);
            } catch (RuntimeException e) {
                LOG.errorf(e, "announcement for project %d failed", projectId);
                slack.respond(responseUrl, "The announcement could not be posted: " + e.getMessage(), null, false);
            }
        });
        return ctx.ack(EphemeralReply.text("Looking up owners and posting the announcement in <#" + project.channelId()
                + ">…"));
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.ASK));
    }
}
