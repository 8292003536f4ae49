package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.reconcile.ReconcileProjects;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ProjectNotFound;
import io.upgradebot.slack.view.ReconcileMessages;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /upgrade sync <project>}: compare the project with GitHub now instead of at the next hourly pass (after
 * a webhook outage, say). Acked at once; the summary of what was found and healed comes ephemerally when done.
 */
@ApplicationScoped
public class SyncCommand implements UpgradeSubcommand {

    private final OrchestratorGate orchestrators;
    private final FindProject projects;
    private final ReplyAfterAck reply;
    private final ReconcileProjects reconcile;

    public SyncCommand(OrchestratorGate orchestrators, FindProject projects, ReplyAfterAck reply,
            ReconcileProjects reconcile) {
        this.orchestrators = orchestrators;
        this.projects = projects;
        this.reply = reply;
        this.reconcile = reconcile;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String usage() {
        return "/upgrade sync <project>";
    }

    @Override
    public String summary() {
        return "Compare a project with GitHub now: closed issues, board edits, removed items (orchestrators).";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // the permission, the lookup and GitHub all come after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String named = args == null ? "" : args.strip();
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        return reply.defer(req, ctx, () -> {
            if (!orchestrators.allows(user)) {
                return ReplyAfterAck.Reply.text(OrchestratorRefusal.mrkdwn(
                        orchestrators.refusal(OrchestratorGate.Action.SYNC)));
            }
            FindProject.Found found = projects.find(named, channel);
            if (!found.found()) {
                return ReplyAfterAck.Reply.text(ProjectNotFound.mrkdwn(found));
            }
            return reconcile.reconcile(found.projectId())
                    .map(r -> ReplyAfterAck.Reply.text(ReconcileMessages.summary(r)))
                    .orElse(ReplyAfterAck.Reply.text("That project no longer exists."));
        });
    }
}
