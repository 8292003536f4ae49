package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.slack.view.ProjectListView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code /upgrade list}: this workspace's projects, newest first, with their state (database only: answered in the ack). */
@ApplicationScoped
public class ListCommand implements UpgradeSubcommand {

    /** Enough for years of upgrades; older ones are still reachable with /upgrade status. */
    static final int MAX_ROWS = 60;

    private final ReplyAfterAck reply;

    public ListCommand(ReplyAfterAck reply) {
        this.reply = reply;
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
            List<ProjectListView.Row> rows = UpgradeProjectEntity.newestFirst()
                .stream()
                .filter(p -> p.teamId == null || team == null || p.teamId.equals(team))
                .limit(MAX_ROWS)
                .map(p -> new ProjectListView.Row(p.slug, p.name, p.state, p.completionDate, p.releaseName,
                        (int) ProjectRepoEntity.count("projectId = ?1 and inScope = true", p.id),
                        (int) ProjectRepoEntity.count("projectId = ?1 and inScope = true and upper(ownerDoes) = 'TBD'", p.id),
                        p.roadmapIssueUrl, p.channelId))
                .toList();
            return new ReplyAfterAck.Reply("Upgrade projects", ProjectListView.blocks(rows));
        });
    }
}
