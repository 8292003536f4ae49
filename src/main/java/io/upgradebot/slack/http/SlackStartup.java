package io.upgradebot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.SlackSecrets;
import io.upgradebot.slack.api.SlackClients;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * At startup: one clear line per missing Slack secret (never a value), which transports are on, and, off the startup
 * thread, who the bot token belongs to. The bot starts without secrets (health and docs work) and refuses Slack
 * requests until they are set. The App (Bolt, its HTTP client and TLS setup, every handler and the beans behind
 * them) is built right after startup on another thread: readiness does not wait for it, duplicate handler
 * registrations still show in the log at boot, and Socket Mode connects once it is built.
 */
@Singleton
public class SlackStartup {

    private static final Logger LOG = Logger.getLogger(SlackStartup.class);

    void onStart(@Observes StartupEvent event, SlackSecrets secrets, Provider<App> apps,
            SocketModeConnection socketMode, AfterAckExecutor afterAck, Provider<SlackClients> clients) {
        Optional<String> signingSecret = secrets.signingSecret().filter(s -> !s.isBlank());
        Optional<String> botToken = secrets.botToken().filter(s -> !s.isBlank());
        Optional<String> appToken = secrets.appToken().filter(s -> !s.isBlank());

        if (signingSecret.isEmpty()) {
            LOG.warn(
                    "SLACK_SIGNING_SECRET is not set: every request on POST /slack/events is refused (401) until it is");
        }
        if (botToken.isEmpty()) {
            LOG.warn("SLACK_BOT_TOKEN is not set: the bot cannot post messages, open modals or look up users");
        }
        if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
            LOG.warn("SLACK_APP_TOKEN does not look like an app-level token (xapp-…): Socket Mode will likely fail");
        }
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            LOG.warnf(
                    "The JVM's default charset is %s: signatures of Slack requests with non-ASCII text will not verify;"
                            + " run with -Dfile.encoding=UTF-8",
                    Charset.defaultCharset());
        }

        if (appToken.isPresent()) {
            LOG.info("Slack: HTTP on POST /slack/events and Socket Mode (SLACK_APP_TOKEN is set), same handlers");
        } else {
            LOG.info("Slack: HTTP on POST /slack/events; Socket Mode off (set SLACK_APP_TOKEN to use it)");
        }
        afterAck.run(() -> {
            App app = apps.get();
            appToken.ifPresent(token -> socketMode.start(app, token));
            botToken.ifPresent(token -> logIdentity(clients.get(), token));
        });
    }

    private static void logIdentity(SlackClients clients, String token) {
        try {
            AuthTestResponse r = clients.standard().methods(token).authTest(b -> b);
            if (r.isOk()) {
                LOG.infof("Slack: the bot token belongs to @%s (%s) in workspace %s (%s)", r.getUser(), r.getUserId(),
                        r.getTeam(), r.getTeamId());
            } else {
                LOG.warnf("Slack: auth.test refused SLACK_BOT_TOKEN (%s)", r.getError());
            }
        } catch (Exception e) {
            LOG.warnf("Slack: could not reach Slack's Web API to check SLACK_BOT_TOKEN (%s)", e.getMessage());
        }
    }
}
