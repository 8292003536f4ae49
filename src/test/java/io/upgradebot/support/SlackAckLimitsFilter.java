package io.upgradebot.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The other half of the suite-wide Block Kit check: what the bot answers Slack in the ack itself (an ephemeral
 * message for a slash command, {@code response_action: update|push} with a view for a modal) never passes through
 * the Slack fake, so it is checked here, on the way out of {@code /slack/events}. Test-only: lives in src/test.
 */
@Provider
public class SlackAckLimitsFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path == null || !path.contains("slack/events") || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        String body = entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : entity instanceof String s ? s : null;
        if (body == null) {
            return;
        }
        List<String> violations = BlockKitLimits.checkAckBody(body);
        if (!violations.isEmpty()) {
            BlockKitLimits.record("ack to Slack on " + path, violations);
        }
    }
}
