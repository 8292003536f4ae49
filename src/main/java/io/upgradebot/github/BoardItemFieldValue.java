package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Reads a board item's single-select or text value by field name (GraphQL), for {@code projects_v2_item} webhooks that
 * say which field changed but not its new value (older payloads carry only {@code field_node_id}). Kept apart
 * from {@link GitHubGateway} because only the webhook needs it. Empty when unset or unreadable.
 */
@ApplicationScoped
public class BoardItemFieldValue {

    static final String QUERY = "query($item: ID!, $field: String!) { node(id: $item) { ... on ProjectV2Item {"
            + " fieldValueByName(name: $field) { ... on ProjectV2ItemFieldSingleSelectValue { name optionId }"
            + " ... on ProjectV2ItemFieldTextValue { text } } } } }";

    private final GitHubJsonClient client;
    private final ObjectMapper json = new ObjectMapper();

    public BoardItemFieldValue(GitHubJsonClient client) {
        this.client = client;
    }

    /** The option name (single-select) or the text (text field) set on {@code itemNodeId} for {@code fieldName}. */
    public Optional<String> value(String itemNodeId, String fieldName) {
        return client.graphql(QUERY, json.createObjectNode().put("item", itemNodeId).put("field", fieldName))
                .map(d -> d.path("node").path("fieldValueByName"))
                .map(v -> v.hasNonNull("name") ? v.get("name") : v.path("text"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
