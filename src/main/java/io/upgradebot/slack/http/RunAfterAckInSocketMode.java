package io.upgradebot.slack.http;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * In Socket Mode the ack is the envelope Bolt sends back once the handler returns, so AfterAck tasks are released
 * right after the handler (over HTTP the resource releases them once the response is written). A failed handler's
 * tasks are dropped.
 */
class RunAfterAckInSocketMode implements Middleware {

    private final AfterAckExecutor afterAck;

    RunAfterAckInSocketMode(AfterAckExecutor afterAck) {
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (!req.isSocketMode()) {
            return chain.next(req);
        }
        AfterAckExecutor.Batch batch = afterAck.open();
        Response out;
        try {
            out = chain.next(req);
        } catch (Exception | Error e) {
            batch.discard();
            throw e;
        } finally {
            batch.close();
        }
        if (out != null && out.getStatusCode() != null && out.getStatusCode() < 500) {
            batch.release();
        } else {
            batch.discard();
        }
        return out;
    }
}
