package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.ownerdoes.TbdRepositories;
import io.upgradebot.slack.view.OwnerDoesMessages;
import io.upgradebot.slack.view.ProjectNotFound;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /upgrade tbd <project>}: the repositories whose Owner Does is still TBD, with their owning teams, only for
 * the person asking. Database only: answered in the ack.
 */
@ApplicationScoped
public class TbdCommand implements UpgradeSubcommand {

    private final FindProject findProject;
    private final TbdRepositories tbd;

    private final ReplyAfterAck reply;
    private final ProjectSummaries projects;

    public TbdCommand(FindProject findProject, TbdRepositories tbd, ReplyAfterAck reply, ProjectSummaries projects) {
        this.reply = reply;
        this.projects = projects;
        this.findProject = findProject;
        this.tbd = tbd;
    }

    @Override
    public String name() {
        return "tbd";
    }

    @Override
    public String usage() {
        return "/upgrade tbd <project>";
    }

    @Override
    public String summary() {
        return "List the repositories still TBD (no Owner Does level yet) with their owning teams";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // everything, the reading included, happens after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String channel = req.getPayload().getChannelId();
        return reply.defer(req, ctx, () -> {
            FindProject.Found found = findProject.find(args, channel);
            if (!found.found()) {
                return ReplyAfterAck.Reply.text(ProjectNotFound.mrkdwn(found));
            }
            String name = projects.byId(found.projectId()).map(ProjectSummaries.ProjectSummary::name)
                    .orElse(found.slug());
            return ReplyAfterAck.Reply.text(OwnerDoesMessages.tbd(name, tbd.of(found.projectId())));
        });
    }
}
