package io.upgradebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.upgradebot.config.UpgradeBotConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * All Slack HTTP traffic (slash commands, interactivity, Events API, url_verification) arrives here and is run
 * through the Bolt App. This class only adapts HTTP: size limit, signature, parsing, then the Bolt response back.
 *
 * <p>The checks run in this order so that nothing unverified is even parsed: too large (413), not signed by Slack
 * within 5 minutes (401), not a Slack request (400). Work scheduled with AfterAck starts once the response has been
 * written, so Slack has its ack before any GitHub call. Responses never carry a stack trace.
 *
 * <p>Blocking (a worker thread): handlers may open a modal (views.open) and record the request id in the database.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    private final App app;
    private final SlackRequestVerifier verifier;
    private final AfterAckExecutor afterAck;
    private final SlackRequestParser parser;
    private final int maxBodyBytes;

    public SlackEventsResource(App app, SlackRequestVerifier verifier, AfterAckExecutor afterAck, UpgradeBotConfig config) {
        this.app = app;
        this.verifier = verifier;
        this.afterAck = afterAck;
        AppConfig appConfig = app.config();
        this.parser = new SlackRequestParser(appConfig);
        this.maxBodyBytes = config.slack().maxBodyBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(byte[] rawBody, @Context HttpHeaders headers, @Context RoutingContext routing) {
        byte[] bytes = rawBody == null ? new byte[0] : rawBody;
        if (bytes.length > maxBodyBytes) {
            return plain(413, "Request body too large");
        }
        // Slack signs the UTF-8 bytes; Bolt's signature code works on Strings
        String body = new String(bytes, StandardCharsets.UTF_8);

        SlackRequestVerifier.Verdict verdict = verifier.verify(
                headers.getHeaderString("X-Slack-Request-Timestamp"), headers.getHeaderString("X-Slack-Signature"), body);
        if (verdict != SlackRequestVerifier.Verdict.VALID) {
            LOG.debugf("Refused a request on /slack/events: %s", verdict);
            return plain(401, "Invalid request signature");
        }

        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .headers(new RequestHeaders(copy(headers)))
                    .requestBody(body)
                    .remoteAddress(routing == null ? null : routing.request().remoteAddress().hostAddress())
                    .build());
        } catch (RuntimeException e) {
            LOG.debugf("Malformed Slack request: %s", e.getClass().getSimpleName());
            return plain(400, "Malformed Slack payload");
        }
        if (request == null) {
            return plain(400, "Not a Slack command, interaction or event");
        }

        com.slack.api.bolt.response.Response bolt;
        AfterAckExecutor.Batch batch = afterAck.open();
        try {
            bolt = app.run(request);
        } catch (Exception e) {
            batch.discard();
            LOG.errorf(e, "A Slack %s handler failed", request.getRequestType());
            return plain(500, "Internal error");
        } finally {
            batch.close();
        }
        if (bolt == null) {
            batch.discard();
            return plain(500, "Internal error");
        }
        int status = bolt.getStatusCode() == null ? 200 : bolt.getStatusCode();
        if (status >= 500) {
            batch.discard();
        } else if (!batch.isEmpty() && routing != null) {
            // fires after the response has been written (or the connection is gone: the request id is recorded,
            // so a retry would be ignored, and the work must still happen)
            routing.addEndHandler(ignored -> batch.release());
        } else {
            batch.release();
        }
        return toHttp(bolt, status);
    }

    private static Response toHttp(com.slack.api.bolt.response.Response bolt, int status) {
        Response.ResponseBuilder out = Response.status(status);
        if (bolt.getHeaders() != null) {
            bolt.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
        }
        String body = bolt.getBody();
        if (body != null && !body.isEmpty()) {
            out.entity(body.getBytes(StandardCharsets.UTF_8));
            out.type(bolt.getContentType() == null ? MediaType.APPLICATION_JSON + ";charset=utf-8" : bolt.getContentType());
        }
        return out.build();
    }

    private static Response plain(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).entity(message).build();
    }

    private static Map<String, List<String>> copy(HttpHeaders headers) {
        return new HashMap<>(headers.getRequestHeaders());
    }
}
