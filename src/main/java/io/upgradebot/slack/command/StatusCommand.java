package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.project.statuspage.StatusPageLinks;
import io.upgradebot.slack.view.ProjectNotFound;
import io.upgradebot.slack.view.ProjectStatusView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code /upgrade status <project>}: the same view as the project's status message (counts, date, links, the
 * repositories still TBD), only for the person asking. Read from the database after the ack and sent to the response_url.
 */
@ApplicationScoped
public class StatusCommand implements UpgradeSubcommand {

    private final FindProject findProject;
    private final StatusMessages statusMessages;

    private final ReplyAfterAck reply;
    /** Field-injected so the constructor stays as it is. */
    @Inject
    StatusPageLinks statusPageLinks;

    public StatusCommand(FindProject findProject, StatusMessages statusMessages, ReplyAfterAck reply) {
        this.reply = reply;
        this.findProject = findProject;
        this.statusMessages = statusMessages;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "/upgrade status <project>";
    }

    @Override
    public String summary() {
        return "Show a project: counts per Owner Does level, date, links, repositories still TBD";
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
            Optional<ProjectStatus> status = found.found()
                    ? statusMessages.snapshot(found.projectId())
                    : Optional.empty();
            if (status.isEmpty()) {
                return ReplyAfterAck.Reply
                        .text(found.found() ? "That project no longer exists." : ProjectNotFound.mrkdwn(found));
            }
            return new ReplyAfterAck.Reply(ProjectStatusView.text(status.get()),
                    ProjectStatusView.blocks(status.get(), statusPageLinks.link(status.get().slug()).orElse(null)));
        });
    }
}
