package io.upgradebot.web;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that stall halfway through a request (slowloris) are cut off by the server: one that stops inside its
 * headers by the idle timeout, one that trickles its body (never idle) by the body timeout. Short timeouts in this
 * profile; the assertions are about the connection being closed, not about when.
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortTimeouts.class)
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class SlowClientTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s", "upgrade-bot.http.body-timeout", "1s");
        }
    }

    /** How long a read waits before the test calls the connection "still open": far beyond both timeouts. */
    private static final int GIVE_UP_MILLIS = 60_000;

    @Inject
    MeterRegistry metrics;

    @Test
    void aClientStalledInsideItsHeadersIsDisconnected() throws Exception {
        try (Socket s = open()) {
            send(s, "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Slack-Request-Tim");
            assertClosedByServer(s);
        }
    }

    @Test
    void aClientTricklingItsBodyIsAnswered408AndDisconnected() throws Exception {
        double before = stalled();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket s = open()) {
            send(s, "POST /github/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{");
            // a byte every 200 ms: never idle for the 2 s idle timeout, so only the body timeout can end it
            trickle.scheduleAtFixedRate(() -> {
                try {
                    send(s, " ");
                } catch (IOException closed) {
                    throw new IllegalStateException(closed); // ends the schedule
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            String answer = assertClosedByServer(s);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        } finally {
            trickle.shutdownNow();
        }
        assertEquals(before + 1, stalled(), "cut off by the body timeout");
    }

    @Test
    void healthAndAcksAnswerWhileManyClientsStall() throws Exception {
        List<Socket> stalledClients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = open();
                stalledClients.add(s);
                send(s, i % 2 == 0
                        ? "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nX-Slack-Sig"
                        : "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\ntext=");
            }
            given().get("/q/health/live").then().statusCode(200);
            postForm(command("help", "U0ALICE", "C0UPGRADES", "13345224609.slow" + System.nanoTime())).statusCode(200);
            for (Socket s : stalledClients) {
                assertClosedByServer(s);
            }
        } finally {
            for (Socket s : stalledClients) {
                s.close();
            }
        }
    }

    private static Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("localhost", RestAssured.port), 10_000);
        s.setSoTimeout(GIVE_UP_MILLIS);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the server closes the connection (end of stream or reset); fails if it stays open. Answers what came. */
    private static String assertClosedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[1024];
        try {
            for (int n; (n = in.read(buf)) != -1;) {
                got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server left a stalled connection open for " + GIVE_UP_MILLIS + " ms");
        } catch (IOException reset) {
            // closed by the server with unread data on our side: a reset, which is a close too
        }
        return got.toString();
    }

    private double stalled() {
        var c = metrics.find(StalledRequests.METRIC).counter();
        return c == null ? 0 : c.count();
    }
}
