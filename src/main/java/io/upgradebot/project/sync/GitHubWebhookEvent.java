package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified, first-seen GitHub webhook delivery, fired asynchronously (CDI {@code @ObservesAsync}) once the
 * receiver has answered GitHub. Features observe the events they care about; the receiver knows none of them.
 *
 * @param name       the {@code X-GitHub-Event} header ({@code issues}, {@code projects_v2_item})
 * @param deliveryId the {@code X-GitHub-Delivery} header
 */
public record GitHubWebhookEvent(String name, String deliveryId, JsonNode payload) {

    public String action() {
        return payload.path("action").asText("");
    }

    public boolean is(String event, String action) {
        return name.equals(event) && action().equals(action);
    }

    public String senderLogin() {
        return payload.path("sender").path("login").asText("");
    }

    /** The bot's own edits come back as webhooks too: they are not people's actions. */
    public boolean sentBy(String login) {
        return login != null && !login.isBlank() && senderLogin().equalsIgnoreCase(login);
    }
}
