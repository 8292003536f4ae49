package io.upgradebot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.upgradebot.store.ProcessedRequests;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bolt middleware (after signature verification) that lets each Slack request through once. Slack retries an Events
 * API delivery it thinks failed (X-Slack-Retry-Num), and a signed request replayed within its 5-minute window passes
 * the signature check: both are acknowledged with a plain 200 and change nothing. The ids live in the database, so
 * this holds across restarts and replicas. A request whose handler throws is forgotten, so Slack's retry can succeed.
 */
public class DeduplicateSlackRequests implements Middleware {

    private static final Logger LOG = Logger.getLogger(DeduplicateSlackRequests.class);

    private final ProcessedRequests processed;

    public DeduplicateSlackRequests(ProcessedRequests processed) {
        this.processed = processed;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        @SuppressWarnings("unchecked")
        Optional<SlackRequestKey> key = SlackRequestKey.of((Request<?>) req);
        if (key.isEmpty()) {
            return chain.next(req);
        }
        if (!processed.markFirstSeen(key.get().key(), key.get().kind())) {
            String retry = req.getHeaders() == null ? null : req.getHeaders().getFirstValue("X-Slack-Retry-Num");
            LOG.infof("Ignored a repeated Slack %s (%s%s)", key.get().kind(), key.get().key(),
                    retry == null ? "" : ", retry " + retry);
            return Response.ok();
        }
        Response out;
        try {
            out = chain.next(req);
        } catch (Exception | Error e) {
            processed.forget(key.get().key());
            throw e;
        }
        if (out != null && out.getStatusCode() != null && out.getStatusCode() >= 500) {
            processed.forget(key.get().key());
        }
        return out;
    }
}
