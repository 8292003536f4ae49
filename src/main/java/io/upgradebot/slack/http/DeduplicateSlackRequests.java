package io.upgradebot.slack.http;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upgradebot.project.RequestClaims;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Bolt middleware that lets each Slack request change things once. Slack retries an Events API delivery it thinks
 * failed (X-Slack-Retry-Num), and a signed request replayed within its 5-minute window passes the signature check:
 * both are acknowledged and change nothing. The ids live in the database, so this holds across restarts and
 * replicas.
 *
 * <p>Where the request is claimed depends on what its handler does before the ack:
 * <ul>
 * <li>By default the id is claimed before the handler runs, and a repeat gets a plain 200 without the handler
 * running. A request whose handler throws (or answers 5xx) is forgotten, so Slack's retry can succeed.</li>
 * <li>A request answered from memory alone ({@code acksWithoutIo}: help, usage answers, subcommands that hand
 * all their work to AfterAck) is claimed after the ack, ahead of the work it scheduled: a repeat gets the same answer
 * again, and its work is dropped. Such an ack touches no database (the insert was about half of an ack's CPU,
 * docs/benchmarks.md) and can run on the event loop. If the claim cannot be recorded after the ack, the work runs
 * anyway (logged): those handlers only read, or answer with an apology when the database is gone.</li>
 * </ul>
 */
public class DeduplicateSlackRequests implements Middleware {

    private static final Logger LOG = Logger.getLogger(DeduplicateSlackRequests.class);

    /** Metric: Slack requests recognised as repeats, by where they were stopped (before_ack, after_ack). */
    public static final String REPEATS_METRIC = "upgradebot.slack.repeats.ignored";

    private final RequestClaims processed;
    private final Predicate<Request<?>> acksWithoutIo;
    private final Counter repeatsBeforeAck;
    private final Counter repeatsAfterAck;

    public DeduplicateSlackRequests(RequestClaims processed, Predicate<Request<?>> acksWithoutIo,
            MeterRegistry metrics) {
        this.processed = processed;
        this.acksWithoutIo = acksWithoutIo;
        this.repeatsBeforeAck = metrics.counter(REPEATS_METRIC, "where", "before_ack");
        this.repeatsAfterAck = metrics.counter(REPEATS_METRIC, "where", "after_ack");
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        @SuppressWarnings("unchecked")
        Request<?> request = (Request<?>) req;
        Optional<SlackRequestKey> found = SlackRequestKey.of(request);
        if (found.isEmpty()) {
            return chain.next(req);
        }
        SlackRequestKey key = found.get();
        if (key.key().length() > RequestClaims.MAX_ID_LENGTH) {
            // no Slack id is anywhere near this long: a forged or broken request, not worth a row or a handler run
            LOG.infof("Refused a Slack %s whose request id is %d characters long", key.kind(), key.key().length());
            return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                    .body("Request id too long").build();
        }
        String retry = req.getHeaders() == null ? null : req.getHeaders().getFirstValue("X-Slack-Retry-Num");
        if (acksWithoutIo.test(request) && AfterAckExecutor.guardCurrent(() -> {
            boolean first;
            try {
                first = processed.claim(key.key(), key.kind());
            } catch (RuntimeException e) {
                // the work still runs (it answers with an apology if the database is really gone): an answer that
                // might come twice on a replay beats a command that silently gets nothing
                LOG.warnf("Could not record Slack request %s (%s): its work runs without the repeat check",
                        key.key(), e.toString());
                return true;
            }
            if (!first) {
                ignored(key, retry);
                repeatsAfterAck.increment();
            }
            return first;
        })) {
            return chain.next(req);
        }
        if (!processed.claim(key.key(), key.kind())) {
            ignored(key, retry);
            repeatsBeforeAck.increment();
            return Response.ok();
        }
        Response out;
        try {
            out = chain.next(req);
        } catch (Exception | Error e) {
            processed.release(key.key());
            throw e;
        }
        if (out != null && out.getStatusCode() != null && out.getStatusCode() >= 500) {
            processed.release(key.key());
        }
        return out;
    }

    private static void ignored(SlackRequestKey key, String retry) {
        LOG.infof("Ignored a repeated Slack %s (%s%s)", key.kind(), key.key(), retry == null ? "" : ", retry " + retry);
    }
}
