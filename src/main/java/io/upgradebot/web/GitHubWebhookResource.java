package io.upgradebot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.project.RequestClaims;
import io.upgradebot.project.sync.GitHubWebhookEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code POST /github/webhook}: GitHub's deliveries (board edits, issue state). Every delivery is verified
 * ({@code X-Hub-Signature-256} with {@code GITHUB_WEBHOOK_SECRET}; missing or wrong → 401, nothing else happens),
 * recognised once ({@code X-GitHub-Delivery}, stored so a redelivery after a restart is recognised too) and
 * answered at once: GitHub gives up after 10 s and does not retry, so the work runs after the answer
 * ({@link GitHubWebhookEvent}, observed asynchronously).
 */
@Path("/github/webhook")
public class GitHubWebhookResource {

    private static final Logger LOG = Logger.getLogger(GitHubWebhookResource.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final GitHubSecrets secrets;
    private final RequestClaims processed;
    private final GitHubDeliveries deliveries;
    private final ObjectMapper json = new ObjectMapper();

    public GitHubWebhookResource(GitHubSecrets secrets, RequestClaims processed, GitHubDeliveries deliveries) {
        this.secrets = secrets;
        this.processed = processed;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Event") String event, @HeaderParam("X-GitHub-Delivery") String delivery,
            @HeaderParam("Content-Type") String contentType) {
        String secret = secrets.webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.error("GITHUB_WEBHOOK_SECRET is not set: GitHub webhooks are refused until it is");
            }
            return text(401, "webhook secret not configured");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!GitHubWebhookSignature.matches(secret, raw, signature)) {
            return text(401, "bad signature");
        }
        if (event == null || event.isBlank() || delivery == null || delivery.isBlank()) {
            return text(400, "missing X-GitHub-Event or X-GitHub-Delivery");
        }
        if (delivery.length() > RequestClaims.MAX_ID_LENGTH) {
            LOG.infof("Refused a GitHub %s delivery whose X-GitHub-Delivery is %d characters long", event.length() > 64
                    ? event.substring(0, 64)
                    : event, delivery.length());
            return text(400, "X-GitHub-Delivery too long");
        }
        JsonNode payload;
        try {
            payload = json.readTree(jsonOf(raw, contentType));
        } catch (Exception e) {
            return text(400, "body is not a JSON webhook payload");
        }
        if (payload == null || !payload.isObject()) {
            return text(400, "body is not a JSON webhook payload");
        }
        if (!processed.claim("github:" + delivery, "github-delivery")) {
            return text(200, "already processed");
        }
        if (event.equals("ping")) {
            return text(200, "pong");
        }
        deliveries.dispatch(new GitHubWebhookEvent(event, delivery, payload));
        return text(202, "accepted");
    }

    /** GitHub sends JSON, or {@code payload=<json>} when the hook's content type is form-encoded. */
    private static String jsonOf(byte[] raw, String contentType) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : text.split("&")) {
                if (pair.startsWith("payload=")) {
                    return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return text;
    }

    private static Response text(int status, String message) {
        return Response.status(status).entity(message).type(MediaType.TEXT_PLAIN).build();
    }
}
