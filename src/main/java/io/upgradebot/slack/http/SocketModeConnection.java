package io.upgradebot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the same Bolt App over Socket Mode (a WebSocket the bot opens to Slack, so no public URL is needed) when an
 * app-level token (xapp-…) is configured. Connecting happens off the startup thread and is retried with backoff:
 * a wrong token or no network leaves the bot running on HTTP, with a log line per failed attempt. Once connected,
 * the SDK reconnects by itself.
 */
@Singleton
public class SocketModeConnection {

    private static final Logger LOG = Logger.getLogger(SocketModeConnection.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slack-socket-mode-connect");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile SocketModeApp socketModeApp;
    private volatile boolean stopped;

    /** Starts connecting in the background; never throws. */
    public void start(App app, String appToken) {
        connector.execute(() -> connect(app, appToken, 0));
    }

    private void connect(App app, String appToken, int failures) {
        if (stopped) {
            return;
        }
        attempts.incrementAndGet();
        SocketModeApp candidate = null;
        try {
            candidate = new SocketModeApp(appToken, SocketModeClient.Backend.Tyrus, app);
            candidate.startAsync();
            if (candidate.getClient() == null || !candidate.getClient().verifyConnection()) {
                throw new IllegalStateException("no connection");
            }
            socketModeApp = candidate;
            LOG.info("Slack Socket Mode connected");
        } catch (Throwable e) {
            stopQuietly(candidate);
            this.failures.incrementAndGet();
            long delay = Math.min(FIRST_RETRY.toMillis() << Math.min(failures, 10), MAX_RETRY.toMillis());
            LOG.warnf("Slack Socket Mode could not connect (%s); the HTTP endpoint still works; next attempt in %d s",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), delay / 1000);
            if (!stopped) {
                connector.schedule(() -> connect(app, appToken, failures + 1), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    public boolean connected() {
        SocketModeApp s = socketModeApp;
        return s != null && s.getClient() != null && s.getClient().verifyConnection();
    }

    /** Connection attempts so far (tests, diagnostics). */
    public int attempts() {
        return attempts.get();
    }

    /** Attempts that failed and were scheduled again. */
    public int failures() {
        return failures.get();
    }

    @PreDestroy
    public void stop() {
        stopped = true;
        connector.shutdownNow();
        stopQuietly(socketModeApp);
        socketModeApp = null;
    }

    private static void stopQuietly(SocketModeApp s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (Throwable ignored) {
            // a half-open connection may fail to close; nothing else to do
        }
    }
}
