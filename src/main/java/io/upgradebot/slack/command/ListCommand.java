package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.slack.view.ProjectListView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code /upgrade list}: this workspace's projects, newest first, with their state (database only: answered in the ack). */
@ApplicationScoped
public class ListCommand implements UpgradeSubcommand {

    /** Enough for years of upgrades; older ones are still reachable with /upgrade status. */
    static final int MAX_ROWS = 60;

    private final ReplyAfterAck reply;
    private final ProjectSummaries projects;

    public ListCommand(ReplyAfterAck reply, ProjectSummaries projects) {
        this.reply = reply;
        this.projects = projects;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "/upgrade list";
    }

    @Override
    public String summary() {
        return "List upgrade projects, newest first";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // everything, the reading included, happens after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        return reply.defer(req, ctx, () -> {
            List<ProjectListView.Row> rows = projects.newestFirst(team, MAX_ROWS)
                    .stream()
                    .map(l -> new ProjectListView.Row(l.project().slug(), l.project().name(), l.project().state(),
                            l.project().completionDate(), l.project().releaseName(), l.repositories(), l.tbd(),
                            l.project().roadmapIssueUrl(), l.project().channelId()))
                    .toList();
            return new ReplyAfterAck.Reply("Upgrade projects", ProjectListView.blocks(rows));
        });
    }
}
