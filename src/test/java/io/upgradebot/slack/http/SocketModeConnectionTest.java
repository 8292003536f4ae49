package io.upgradebot.slack.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.upgradebot.support.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Socket Mode token Slack refuses leaves the bot running: the attempt is logged and retried later. */
class SocketModeConnectionTest {

    WireMockServer slackApi;
    Slack slack;

    @BeforeEach
    void start() {
        slackApi = new WireMockServer(options().dynamicPort());
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        slackApi.stop();
    }

    @Test
    void refusedAppTokenDoesNotThrowAndIsRetriedInTheBackground() {
        App app = new App(AppConfig.builder().slack(slack).signingSecret("s").singleTeamBotToken(null)
                .clientId(null).clientSecret(null).appInitializersEnabled(false).build(), slack, List.of());
        SocketModeConnection connection = new SocketModeConnection();
        try {
            connection.start(app, "xapp-1-A0UPGRADE-refused");
            Eventually.await(Duration.ofSeconds(20), "a failed connection attempt", () -> connection.failures() >= 1);
            assertFalse(connection.connected());
            assertEquals(1, connection.attempts(), "the next attempt waits (backoff)");
            slackApi.verify(postRequestedFor(urlPathEqualTo("/api/apps.connections.open")));
        } finally {
            connection.stop();
        }
    }

    /**
     * A stand-in for Slack's socket: apps.connections.open answers the URL of a local WebSocket server, which says
     * hello and sends a slash command envelope the way Slack does; the App's answer must come back as the ack
     * envelope (same envelope_id, the handler's payload).
     */
    @Test
    void aSlashCommandOverTheSocketIsAnsweredWithItsAckEnvelope() throws Exception {
        try (io.upgradebot.support.FakeSlackSocket socket = new io.upgradebot.support.FakeSlackSocket()) {
            slackApi.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(okJson(socket.connectionsOpenJson())));
            App app = new App(AppConfig.builder().slack(slack).signingSecret("s").singleTeamBotToken(null)
                    .clientId(null).clientSecret(null).appInitializersEnabled(false).build(), slack, List.of());
            java.util.concurrent.atomic.AtomicInteger handled = new java.util.concurrent.atomic.AtomicInteger();
            app.command("/upgrade", (req, ctx) -> {
                handled.incrementAndGet();
                return ctx.ack("pong to " + req.getPayload().getText());
            });
            SocketModeConnection connection = new SocketModeConnection();
            try {
                connection.start(app, "xapp-1-A0UPGRADE-ok");
                socket.send(
                        io.upgradebot.support.FakeSlackSocket.slashCommand("env-1", "ping", "U0ALICE", "1.2.socket"));
                String envelope = socket.ackOf("env-1");
                org.junit.jupiter.api.Assertions.assertTrue(envelope.contains("pong to ping"), envelope);
                assertEquals(1, handled.get());
                Eventually.await(Duration.ofSeconds(5), "the connection reported as up", connection::connected);
            } finally {
                connection.stop();
            }
        }
    }
}
