package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.chart.PostProjectCharts;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ChartReplies;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * "Chart" on a project's status: acknowledged at once; the charts are drawn and uploaded after the ack, in the
 * project's status thread (where everyone following the project sees them), and the presser is told under the
 * message. Charts show counts only, so anyone in the channel may ask for them.
 */
@ApplicationScoped
public class ChartPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(ChartPressed.class);

    private final PostProjectCharts charts;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public ChartPressed(PostProjectCharts charts, AfterAck afterAck, SlackGateway slack) {
        this.charts = charts;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.PROJECT_CHART;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String responseUrl = payload.getResponseUrl();
        long projectId = Long.parseLong(payload.getActions().get(0).getValue());
        afterAck.run(() -> {
            PostProjectCharts.Posted posted = charts.toStatusThread(projectId);
            try {
                // replace_original false: the status message the button sits on stays as it is
                slack.respond(responseUrl, ChartReplies.mrkdwn(posted), null, false);
            } catch (SlackGateway.SlackException e) {
                LOG.infof("could not answer a chart click: %s", e.error());
            }
        });
        return ctx.ack();
    }
}
