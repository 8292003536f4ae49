package io.upgradebot.slack.view;

import io.upgradebot.project.chart.PostProjectCharts;

/** What the person who pressed "Chart" is told (only them, under the message). */
public final class ChartReplies {

    private ChartReplies() {
    }

    public static String mrkdwn(PostProjectCharts.Posted p) {
        if (p.posted()) {
            return ":chart_with_downwards_trend: The burndown and the Owner Does levels are in the status message's "
                    + "thread.";
        }
        if (!p.projectExists()) {
            return "That project no longer exists.";
        }
        return ":warning: The charts could not be posted (Slack said `" + Mrkdwn.escape(String.valueOf(p.error()))
                + "`). Try again in a moment.";
    }
}
