package io.upgradebot.slack.api;

import io.upgradebot.project.chart.ChartPoster;
import io.upgradebot.project.chart.ProjectCharts;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link ChartPoster} in Slack: the chart is uploaded as a PNG file shared in the channel or thread. */
@ApplicationScoped
public class SlackChartPoster implements ChartPoster {

    private final SlackGateway slack;

    public SlackChartPoster(SlackGateway slack) {
        this.slack = slack;
    }

    @Override
    public void post(String channelId, String threadTs, ProjectCharts.Png chart) {
        try {
            slack.uploadFile(channelId, threadTs, chart.fileName(), chart.title(), chart.bytes());
        } catch (SlackGateway.SlackException e) {
            throw new ChartNotPosted(e.error(), "chart not posted in " + channelId + ": " + e.error(), e);
        }
    }
}
