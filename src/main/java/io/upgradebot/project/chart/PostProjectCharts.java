package io.upgradebot.project.chart;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts a project's charts (burndown, Owner Does levels) in its status message's thread, or in its channel while
 * it has no status message: on demand (the "Chart" button) and with the weekly digest.
 */
@ApplicationScoped
public class PostProjectCharts {

    /** What happened: the charts went out, the project is gone, or Slack said no ({@code error}). */
    public record Posted(boolean posted, boolean projectExists, String error) {
    }

    private final ProjectCharts charts;
    private final ChartPoster poster;

    public PostProjectCharts(ProjectCharts charts, ChartPoster poster) {
        this.charts = charts;
        this.poster = poster;
    }

    /** In the project's status thread. */
    public Posted toStatusThread(long projectId) {
        String[] where = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null) {
                return null;
            }
            return p.statusChannelId != null && p.statusMessageTs != null
                    ? new String[]{p.statusChannelId, p.statusMessageTs}
                    : new String[]{p.channelId, null};
        });
        if (where == null || where[0] == null) {
            return new Posted(false, where != null, where == null ? null : "no_channel");
        }
        return to(projectId, where[0], where[1]);
    }

    /** In {@code channelId} (in the thread of {@code threadTs} when set). */
    public Posted to(long projectId, String channelId, String threadTs) {
        var drawn = charts.all(projectId);
        if (drawn.isEmpty()) {
            return new Posted(false, false, null);
        }
        try {
            drawn.forEach(png -> poster.post(channelId, threadTs, png));
            return new Posted(true, true, null);
        } catch (ChartPoster.ChartNotPosted e) {
            return new Posted(false, true, e.error());
        }
    }
}
