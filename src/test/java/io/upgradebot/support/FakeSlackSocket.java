package io.upgradebot.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Slack's Socket Mode end, for tests: a local WebSocket server that says hello to the client that connects (the URL
 * apps.connections.open hands out) and lets a test send envelopes and read what the client sent back.
 */
public final class FakeSlackSocket implements AutoCloseable {

    private final Vertx vertx;
    private final boolean ownVertx;
    private final HttpServer server;
    private final CompletableFuture<ServerWebSocket> connected = new CompletableFuture<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final int port;

    /** On a Vert.x of its own (plain unit tests). */
    public FakeSlackSocket() throws Exception {
        this(Vertx.vertx(), true);
    }

    /** On the application's Vert.x (inside a @QuarkusTest a second Vert.x instance does not serve). */
    public FakeSlackSocket(Vertx vertx) throws Exception {
        this(vertx, false);
    }

    private FakeSlackSocket(Vertx vertx, boolean ownVertx) throws Exception {
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        // every request is upgraded (a request handler doing it works on any Vert.x set-up, also inside Quarkus)
        this.server = vertx.createHttpServer().requestHandler(request -> request.toWebSocket().onSuccess(ws -> {
            ws.textMessageHandler(received::add);
            ws.writeTextMessage("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"test\"},"
                    + "\"connection_info\":{\"app_id\":\"A0UPGRADE\"}}");
            connected.complete(ws);
        }));
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    /** What apps.connections.open answers. */
    public String connectionsOpenJson() {
        return "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + port + "/link/?ticket=test\"}";
    }

    /** Sends an envelope once a client is connected. */
    public void send(String envelopeJson) throws Exception {
        connected.get(20, TimeUnit.SECONDS).writeTextMessage(envelopeJson);
    }

    /** The message the client sent back for this envelope (its ack), waiting up to 10 s. */
    public String ackOf(String envelopeId) {
        String[] found = new String[1];
        Eventually.await(java.time.Duration.ofSeconds(10), "the ack of envelope " + envelopeId, () -> {
            for (String m : received) {
                if (m.contains("\"envelope_id\":\"" + envelopeId + "\"")) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** A slash_commands envelope as Slack sends it over the socket. */
    public static String slashCommand(String envelopeId, String text, String userId, String triggerId) {
        return """
                {"envelope_id":"%s","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"x","team_id":"T0001","team_domain":"acme","channel_id":"C0UPGRADES",
                   "channel_name":"upgrades","user_id":"%s","user_name":"someone","command":"/upgrade",
                   "text":"%s","api_app_id":"A0UPGRADE","is_enterprise_install":"false",
                   "response_url":"https://hooks.slack.com/commands/T0001/1/x","trigger_id":"%s"}}"""
                .formatted(envelopeId, userId, text, triggerId);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (ownVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
