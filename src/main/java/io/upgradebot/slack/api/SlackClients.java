package io.upgradebot.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.upgradebot.config.SlackSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The SDK's {@link Slack} instances, built from our settings only (SLACK_API_URL, timeouts), never from the SDK's
 * ambient defaults. Two of them because the timeouts differ: {@link #interactive()} serves the one Web API call allowed
 * before the ack ({@code views.open}), whose trigger_id is dead after 3 s anyway.
 */
@Singleton
public class SlackClients {

    /** Leaves room for the ack within Slack's 3 s after a views.open. */
    static final int INTERACTIVE_TIMEOUT_MILLIS = 2500;

    private final Slack standard;
    private final Slack interactive;

    public SlackClients(SlackSecrets secrets, UpgradeBotConfig config) {
        int timeout = (int) config.slack().webApiTimeout().toMillis();
        this.standard = Slack.getInstance(slackConfig(secrets.apiUrl(), timeout));
        this.interactive = Slack
                .getInstance(slackConfig(secrets.apiUrl(), Math.min(timeout, INTERACTIVE_TIMEOUT_MILLIS)));
    }

    private static SlackConfig slackConfig(String apiUrl, int timeoutMillis) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        c.setHttpClientCallTimeoutMillis(timeoutMillis);
        c.setHttpClientReadTimeoutMillis(timeoutMillis);
        c.setHttpClientWriteTimeoutMillis(timeoutMillis);
        // the SDK would otherwise log whole responses (user e-mails, message text)
        c.setPrettyResponseLoggingEnabled(false);
        // the SDK's per-workspace call statistics (for its async rate limiter, which we do not use) cost an extra
        // auth.test per token
        c.setStatsEnabled(false);
        return c;
    }

    /** For Bolt's App, Socket Mode and every Web API call made after the ack. */
    public Slack standard() {
        return standard;
    }

    /** For calls on a Slack request thread (views.open): short timeout. */
    public Slack interactive() {
        return interactive;
    }

    @PreDestroy
    void close() {
        for (Slack s : new Slack[]{standard, interactive}) {
            try {
                s.close();
            } catch (Exception ignored) {
                // shutting down: nothing useful to do with it
            }
        }
    }
}
