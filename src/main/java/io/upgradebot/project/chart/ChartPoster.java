package io.upgradebot.project.chart;

/**
 * Shares a chart image in Slack (port owned by project/, implemented in slack/ with Slack's external upload). Call
 * only off Slack request threads: it makes three HTTP calls.
 *
 * <p>Failures: {@link ChartNotPosted} with Slack's error code when Slack refused or could not be reached after the
 * gateway's retries.
 */
public interface ChartPoster {

    /** Shares {@code chart} in the channel, in the thread of {@code threadTs} when set. */
    void post(String channelId, String threadTs, ProjectCharts.Png chart);

    class ChartNotPosted extends RuntimeException {
        private final String error;

        public ChartNotPosted(String error, String message, Throwable cause) {
            super(message, cause);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
