package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.finish.FinishProject;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.FinishModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ProjectNotFound;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code /upgrade reopen <project>}: undoes {@code /upgrade finish} (orchestrators). Answered after the ack. */
@ApplicationScoped
public class ReopenCommand implements UpgradeSubcommand {

    private final OrchestratorGate orchestrators;
    private final FindProject projects;
    private final FinishProject finish;
    private final SlackDirectory directory;
    private final ReplyAfterAck reply;

    public ReopenCommand(OrchestratorGate orchestrators, FindProject projects, FinishProject finish,
            SlackDirectory directory, ReplyAfterAck reply) {
        this.orchestrators = orchestrators;
        this.projects = projects;
        this.finish = finish;
        this.directory = directory;
        this.reply = reply;
    }

    @Override
    public String name() {
        return "reopen";
    }

    @Override
    public String usage() {
        return "/upgrade reopen <project>";
    }

    @Override
    public String summary() {
        return "Reopen a finished project: active again, roadmap issue reopened, reminders resumed (orchestrators).";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        if (args == null || args.isBlank()) {
            return ctx.ack(EphemeralReply.text("Name the project to reopen: `" + usage() + "`."));
        }
        return reply.defer(req, ctx, () -> {
            if (!orchestrators.allowsAfterAck(orchestrator, user)) {
                return ReplyAfterAck.Reply.text(refusal());
            }
            FindProject.Found found = projects.find(args, channel);
            if (!found.found()) {
                return ReplyAfterAck.Reply.text(ProjectNotFound.mrkdwn(found));
            }
            String actor = directory.person(user).map(SlackDirectory.Person::name).orElse(null);
            return ReplyAfterAck.Reply.text(FinishModal.reopened(finish.reopen(found.projectId(), actor)));
        });
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.FINISH));
    }
}
