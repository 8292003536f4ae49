package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.radar.Radar;
import io.upgradebot.project.radar.ReadUpgradeRadar;
import io.upgradebot.slack.view.RadarView;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /upgrade radar}: the configured dependencies, when support for the version in use ends, the completion date
 * the runbook suggests, days left and whether a project exists, most urgent first, only for the person asking. The
 * endoflife.date lookups happen after the ack.
 */
@ApplicationScoped
public class RadarCommand implements UpgradeSubcommand {

    private final ReadUpgradeRadar radar;
    private final ReplyAfterAck reply;

    public RadarCommand(ReadUpgradeRadar radar, ReplyAfterAck reply) {
        this.radar = radar;
        this.reply = reply;
    }

    @Override
    public String name() {
        return "radar";
    }

    @Override
    public String usage() {
        return "/upgrade radar";
    }

    @Override
    public String summary() {
        return "See which dependencies in use reach their end of support soon, and which have a project";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // everything, endoflife.date included, happens after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        return reply.defer(req, ctx, () -> {
            Radar r = radar.read();
            return new ReplyAfterAck.Reply(RadarView.text(r), RadarView.table(r));
        });
    }
}
