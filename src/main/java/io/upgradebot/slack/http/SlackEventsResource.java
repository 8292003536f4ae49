package io.upgradebot.slack.http;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.slack.command.UpgradeCommandRouter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /slack/events}: all Slack HTTP traffic (slash commands, interactivity, Events API, url_verification)
 * arrives here and is run through the Bolt App. This class only adapts HTTP: size limit, signature, parsing with
 * Bolt's {@link SlackRequestParser}, then the Bolt response back.
 *
 * <p>The checks run in this order so that nothing unverified is even parsed: too large (413, while the body is
 * still arriving), not signed by Slack within 5 minutes (401), not a Slack request (400). This is the only way into
 * the App over HTTP, and the only signature check (Bolt's RequestVerification middleware would repeat it). Work
 * scheduled with AfterAck starts once the response has been written, so Slack has its ack before any GitHub call.
 * Responses never carry a stack trace.
 *
 * <p>A plain Vert.x route rather than a JAX-RS resource: this is the one path on which every Slack ack waits, and
 * the ack-latency benchmark (docs/benchmarks.md) measured the REST layer's per-request work (body stream, header
 * copies, entity writers) as a third of an ack's CPU. The body is collected on the event loop. Slash commands whose
 * handler answers from memory ({@code acksWithoutIo}) are answered there too; every other request runs on a worker
 * thread, because its handler may wait (opening a modal, recording the request id).
 */
@Singleton
public class SlackEventsResource {

    public static final String PATH = "/slack/events";

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);
    private static final String TEXT = "text/plain;charset=utf-8";
    /** Bodies up to this size are verified on the event loop (a slash command's is a few kilobytes at most). */
    private static final int EVENT_LOOP_MAX_BYTES = 16 * 1024;

    // Bolt's App (and through its handlers most of the bot's beans) is built on first use, not when the route is
    // installed: the startup thread only installs the route, and SlackStartup builds the App right after startup
    // on another thread, so readiness does not wait for it and the first request does not pay for it either.
    private final Provider<App> apps;
    private final Provider<UpgradeCommandRouter> routers;
    private final SlackRequestVerifier verifier;
    private final AfterAckExecutor afterAck;
    private final int maxBodyBytes;
    private final CurrentVertxRequest currentRequest;
    private volatile SlackHttpRequestParser parser;

    public SlackEventsResource(Provider<App> apps, SlackRequestVerifier verifier, AfterAckExecutor afterAck,
            UpgradeBotConfig config,
            CurrentVertxRequest currentRequest, Provider<UpgradeCommandRouter> routers) {
        this.apps = apps;
        this.currentRequest = currentRequest;
        this.routers = routers;
        this.verifier = verifier;
        this.afterAck = afterAck;
        this.maxBodyBytes = config.slack().maxBodyBytes();
    }

    private SlackHttpRequestParser parser() {
        SlackHttpRequestParser p = parser;
        if (p == null) {
            p = new SlackHttpRequestParser(apps.get().config());
            parser = p;
        }
        return p;
    }

    void install(@Observes Router router) {
        router.post(PATH).handler(this::receive);
        // any other method: say which one works (a browser opening the URL gets 405, not a 404 page)
        router.route(PATH).handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST")
                .putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end("Slack sends POST requests here"));
    }

    /** Event loop: the body, refused with 413 as soon as it is known to be over the limit. */
    private void receive(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                plain(ctx, 400, "Bad Content-Length");
                return;
            }
        }
        if (length > maxBodyBytes) {
            plain(ctx, 413, "Request body too large");
            return;
        }
        // sized for a slash command at most: a declared length is not trusted with memory before bytes arrive
        Buffer body = Buffer.buffer((int) Math.min(Math.max(length, 1024), EVENT_LOOP_MAX_BYTES));
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                plain(ctx, 413, "Request body too large");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("A Slack request's body was not received: %s", e.toString()));
        request.endHandler(ignored -> {
            if (!refused[0]) {
                dispatch(ctx, body.getBytes());
            }
        });
    }

    /**
     * Event loop: a small body is verified here (an HMAC over a few kilobytes), and a slash command is parsed and,
     * when its handler answers from memory ({@code acksWithoutIo}: help, usage, commands that defer everything),
     * answered here too. Everything else goes to a worker thread, where handlers may wait (a modal to open, a request
     * id to record); larger bodies are verified there as well.
     */
    private void dispatch(RoutingContext ctx, byte[] bytes) {
        try {
            if (bytes.length > EVENT_LOOP_MAX_BYTES) {
                onWorker(ctx, () -> {
                    if (verified(ctx, bytes)) {
                        String body = new String(bytes, StandardCharsets.UTF_8);
                        parseAndRun(ctx, body, SlackHttpRequestParser.plainSlashCommand(body));
                    }
                });
                return;
            }
            if (!verified(ctx, bytes)) {
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (!SlackHttpRequestParser.plainSlashCommand(body)) {
                onWorker(ctx, () -> parseAndRun(ctx, body, false));
                return;
            }
            Request<?> request = parsed(ctx, body, true); // CPU only: no request context needed
            if (request == null) {
                return;
            }
            if (routers.get().acksWithoutIo(request)) {
                inRequestContext(ctx, () -> {
                    run(ctx, request);
                    return null;
                });
            } else {
                onWorker(ctx, () -> run(ctx, request));
            }
        } catch (Exception | Error e) {
            failed(ctx, e);
        }
    }

    private void parseAndRun(RoutingContext ctx, String body, boolean plainCommand) {
        Request<?> request = parsed(ctx, body, plainCommand);
        if (request != null) {
            run(ctx, request);
        }
    }

    private void onWorker(RoutingContext ctx, Runnable work) {
        ctx.vertx().executeBlocking(() -> inRequestContext(ctx, () -> {
            work.run();
            return null;
        }), false);
    }

    /**
     * Runs {@code work} with a CDI request context, as a JAX-RS resource would (request-scoped beans,
     * {@code CurrentVertxRequest}); any failure is a plain 500, never a stack trace, never an unanswered request.
     */
    private <T> T inRequestContext(RoutingContext ctx, java.util.function.Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            currentRequest.setCurrent(ctx);
            return work.get();
        } catch (Exception | Error e) {
            failed(ctx, e);
            return null;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        LOG.error("A Slack request failed", e);
        if (!ctx.response().ended()) {
            plain(ctx, 500, "Internal error");
        }
    }

    /** Whether the request is signed by Slack within 5 minutes; answers 401 when not. */
    private boolean verified(RoutingContext ctx, byte[] bytes) {
        HttpServerRequest http = ctx.request();
        SlackRequestVerifier.Verdict verdict = verifier.verify(
                http.getHeader("X-Slack-Request-Timestamp"), http.getHeader("X-Slack-Signature"), bytes);
        if (verdict != SlackRequestVerifier.Verdict.VALID) {
            LOG.debugf("Refused a request on /slack/events: %s", verdict);
            plain(ctx, 401, "Invalid request signature");
            return false;
        }
        return true;
    }

    /**
     * The verified body as a Bolt request, or null once the refusal (400) has been written. {@code plainCommand}:
     * what {@link SlackHttpRequestParser#plainSlashCommand} said of the body (the caller has looked already).
     */
    private Request<?> parsed(RoutingContext ctx, String body, boolean plainCommand) {
        HttpServerRequest http = ctx.request();
        Request<?> request;
        try {
            request = parser().parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(PATH)
                    .headers(new RequestHeaders(copy(http.headers())))
                    .requestBody(body)
                    .remoteAddress(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress())
                    .build(), plainCommand);
        } catch (RuntimeException e) {
            LOG.debugf("Malformed Slack request: %s", e.getClass().getSimpleName());
            plain(ctx, 400, "Malformed Slack payload");
            return null;
        }
        if (request == null) {
            plain(ctx, 400, "Not a Slack command, interaction or event");
            return null;
        }
        if (request instanceof SlashCommandRequest command && !complete(command.getPayload())) {
            LOG.debugf("Refused a slash command without user_id, trigger_id or response_url");
            plain(ctx, 400, "Malformed Slack payload");
            return null;
        }
        return request;
    }

    /**
     * Slack sends every slash command with who ran it, a trigger_id and a response_url; one without them is not
     * Slack's, and the answer a subcommand sends after the ack would have nowhere to go.
     */
    private static boolean complete(SlashCommandPayload p) {
        return p != null && present(p.getUserId()) && present(p.getTriggerId()) && present(p.getResponseUrl());
    }

    private static boolean present(String field) {
        return field != null && !field.isBlank();
    }

    /** Runs the App and writes its answer; AfterAck work is released once that answer has been written. */
    private void run(RoutingContext ctx, Request<?> request) {
        com.slack.api.bolt.response.Response bolt;
        AfterAckExecutor.Batch batch = afterAck.open();
        try {
            bolt = apps.get().run(request);
        } catch (Exception | Error e) {
            batch.discard();
            if (InteractionGuard.causedByInput(e)) {
                if (request.getRequestType() == com.slack.api.bolt.request.RequestType.Event) {
                    // a signed event whose fields have the wrong shapes: acknowledged (Slack would only retry it)
                    LOG.infof("Ignored a Slack event Bolt could not read: %s", InteractionGuard.describe(e));
                    plain(ctx, 200, "");
                    return;
                }
                // Bolt itself choking on a signed payload it cannot route (say, a view_closed without its view):
                // the request is at fault, not the bot, and one line is enough
                LOG.infof("Refused a Slack %s payload Bolt could not read: %s", request.getRequestType(),
                        InteractionGuard.describe(e));
                plain(ctx, 400, "Malformed Slack payload");
                return;
            }
            LOG.errorf(e, "A Slack %s handler failed", request.getRequestType());
            plain(ctx, 500, "Internal error");
            return;
        } finally {
            batch.close();
        }
        if (bolt == null) {
            batch.discard();
            plain(ctx, 500, "Internal error");
            return;
        }
        int status = bolt.getStatusCode() == null ? 200 : bolt.getStatusCode();
        if (status >= 500) {
            batch.discard();
            write(ctx, bolt, status);
            return;
        }
        try {
            // released once the answer is written, or could not be (the connection is gone: the request id is
            // recorded, so a retry would be ignored, and the work must still happen)
            write(ctx, bolt, status).onComplete(ignored -> batch.release());
        } catch (RuntimeException | Error e) {
            batch.release();
            throw e;
        }
    }

    private static Future<Void> write(RoutingContext ctx, com.slack.api.bolt.response.Response bolt,
            int status) {
        HttpServerResponse out = ctx.response().setStatusCode(status);
        if (bolt.getHeaders() != null) {
            bolt.getHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.toString().equalsIgnoreCase(name)) {
                    out.putHeader(name, values);
                }
            });
        }
        String body = bolt.getBody();
        if (body == null || body.isEmpty()) {
            return out.end();
        }
        out.putHeader(HttpHeaders.CONTENT_TYPE, bolt.getContentType() == null
                ? "application/json;charset=utf-8"
                : bolt.getContentType());
        return out.end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void plain(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end(message);
    }

    private static Map<String, List<String>> copy(MultiMap headers) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, String> h : headers) {
            out.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return out;
    }
}
