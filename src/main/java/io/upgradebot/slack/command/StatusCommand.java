package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.ProjectStatus;
import io.upgradebot.project.StatusMessageService;
import io.upgradebot.slack.view.ProjectStatusView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * {@code /upgrade status <project>}: the same view as the project's status message (counts, date, links, the
 * repositories still TBD), only for the person asking. Database only: answered in the ack.
 */
@ApplicationScoped
public class StatusCommand implements UpgradeSubcommand {

    private final FindProject findProject;
    private final StatusMessageService statusMessages;

    public StatusCommand(FindProject findProject, StatusMessageService statusMessages) {
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
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        Optional<ProjectStatus> status = QuarkusTransaction.requiringNew().call(() -> {
            FindProject.Found found = findProject.find(args, req.getPayload().getChannelId());
            return found.found() ? statusMessages.snapshot(found.projectId()) : Optional.<ProjectStatus>empty();
        });
        if (status.isEmpty()) {
            FindProject.Found found = QuarkusTransaction.requiringNew()
                    .call(() -> findProject.find(args, req.getPayload().getChannelId()));
            return ctx.ack(found.message() == null ? "That project no longer exists." : found.message());
        }
        return ctx.ack(r -> r.text(ProjectStatusView.text(status.get())).blocks(ProjectStatusView.blocks(status.get())));
    }
}
