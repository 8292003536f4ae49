package io.upgradebot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.upgradebot.config.SlackSecrets;
import io.upgradebot.project.RequestClaims;
import io.upgradebot.slack.api.SlackClients;
import io.upgradebot.slack.command.UpgradeCommandRouter;
import io.upgradebot.slack.interaction.BlockActionHandler;
import io.upgradebot.slack.interaction.ViewSubmissionHandler;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The one Bolt {@link App}, served over HTTP ({@code POST /slack/events}) and, with an app token, over Socket Mode.
 *
 * <p>Built only from our settings: Bolt's {@code AppConfig} defaults read SLACK_* environment variables (and would
 * turn the app into an OAuth app if SLACK_APP_CLIENT_ID happened to be set), so every such field is set here. The
 * middleware list is ours too: Bolt's default one calls {@code auth.test} while the App is built and again on
 * requests, which would make startup and acks depend on Slack being reachable.
 *
 * <p>A {@code @Singleton} (no client proxy): Bolt keeps state in the instance and Socket Mode holds it directly.
 */
@Singleton
public class BoltAppProducer {

    private static final Logger LOG = Logger.getLogger(BoltAppProducer.class);

    @Produces
    @Singleton
    App app(SlackSecrets secrets, SlackClients clients, RequestClaims processed, AfterAckExecutor afterAck,
            UpgradeCommandRouter router, MeterRegistry metrics,
            Instance<BlockActionHandler> actionHandlers, Instance<ViewSubmissionHandler> viewHandlers,
            InteractionGuard guard, io.upgradebot.slack.interaction.OpenHomeTab openHomeTab) {
        String signingSecret = secrets.signingSecret().filter(s -> !s.isBlank()).orElse(null);
        String botToken = secrets.botToken().filter(s -> !s.isBlank()).orElse(null);

        AppConfig config = AppConfig.builder()
                .slack(clients.standard())
                .signingSecret(signingSecret)
                .singleTeamBotToken(botToken)
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .oAuthStartEnabled(false)
                .oAuthCallbackEnabled(false)
                // Bolt's initializers would create ~/.slack-app/ for a file installation store we do not use
                .appInitializersEnabled(false)
                .unmatchedRequestHandler(guard::unmatched)
                .build();

        List<Middleware> middleware = new ArrayList<>();
        // Over HTTP the signature has been checked by SlackEventsResource before the body was parsed (the App has no
        // other HTTP entry), so Bolt's RequestVerification, which would check it a second time, is not installed.
        if (signingSecret == null) {
            middleware.add(refuseOverHttp());
        }
        middleware.add(useBotToken(botToken));
        middleware.add(new RunAfterAckInSocketMode(afterAck)); // opens the batch that de-duplication may guard
        middleware.add(new DeduplicateSlackRequests(processed, router::acksWithoutIo, metrics));

        App app = new App(config, clients.standard(), middleware);
        app.command(UpgradeCommandRouter.COMMAND, router);

        Map<String, Object> seen = new HashMap<>();
        for (BlockActionHandler h : actionHandlers) {
            claim(seen, "block action " + h.action().id(), h);
            app.blockAction(Pattern.compile(h.action().pattern()),
                    (req, ctx) -> call(() -> guard.blockAction(h.action(), req, () -> h.handle(req, ctx))));
        }
        for (ViewSubmissionHandler h : viewHandlers) {
            claim(seen, "modal " + h.callbackId().id(), h);
            app.viewSubmission(Pattern.compile("^" + Pattern.quote(h.callbackId().id()) + "$"),
                    (req, ctx) -> call(() -> guard.viewSubmission(h.callbackId().id(), ctx, () -> h.handle(req, ctx))));
        }
        // An operator must know at once that the bot lost its access.
        app.event(com.slack.api.model.event.AppUninstalledEvent.class, (payload, ctx) -> {
            LOG.errorf("Slack says the app was uninstalled from team %s: Slack requests and posts will fail until "
                    + "it is reinstalled", payload.getTeamId());
            return ctx.ack();
        });
        // the Home tab, drawn for the person opening it (after the ack)
        app.event(com.slack.api.model.event.AppHomeOpenedEvent.class, openHomeTab::handle);
        app.event(com.slack.api.model.event.TokensRevokedEvent.class, (payload, ctx) -> {
            LOG.errorf("Slack says tokens of team %s were revoked: set a new SLACK_BOT_TOKEN", payload.getTeamId());
            return ctx.ack();
        });
        app.start(); // now, not inside the first request (which may be answered on the HTTP event loop)
        return app;
    }

    void stop(@Disposes App app) {
        app.stop();
    }

    private static void claim(Map<String, Object> seen, String what, Object handler) {
        Object other = seen.put(what, handler);
        if (other != null) {
            throw new IllegalStateException("Two handlers for " + what + ": " + other.getClass().getName() + " and "
                    + handler.getClass().getName());
        }
    }

    /** Without a signing secret nothing arriving over HTTP can be trusted (Socket Mode is authenticated by its token). */
    private static Middleware refuseOverHttp() {
        return (req, resp, chain) -> req.isSocketMode()
                ? chain.next(req)
                : Response.json(401, "{\"error\":\"invalid request\"}");
    }

    /** What Bolt's SingleTeamAuthorization does, minus its auth.test call before every ack. */
    private static Middleware useBotToken(String botToken) {
        return (req, resp, chain) -> {
            if (botToken != null && req.getContext().getBotToken() == null) {
                req.getContext().setBotToken(botToken);
            }
            return chain.next(req);
        };
    }

    /** Our handler interfaces may throw anything; Bolt's declare IOException and SlackApiException. */
    private static Response call(Callable<Response> handler) throws IOException, SlackApiException {
        try {
            return handler.call();
        } catch (IOException | SlackApiException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
