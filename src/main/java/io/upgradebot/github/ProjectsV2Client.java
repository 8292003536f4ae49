package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Projects (v2) over GraphQL: hub4j has no Projects v2 API. One field value per mutation, as GitHub's
 * {@code updateProjectV2ItemFieldValue} takes; option lists are replaced whole by {@code updateProjectV2Field}, so
 * callers send every existing option back with its id (without the id GitHub recreates the option and the value on
 * every item that had it is lost).
 */
final class ProjectsV2Client {
    private static final String BOARD = """
            query($org: String!, $number: Int!) {
              organization(login: $org) {
                projectV2(number: $number) {
                  id title
                  fields(first: 100) {
                    nodes {
                      ... on ProjectV2FieldCommon { id name dataType }
                      ... on ProjectV2SingleSelectField { options { id name color description } }
                    }
                  }
                }
              }
            }""";
    private static final String ADD_ITEM = """
            mutation($project: ID!, $content: ID!) {
              addProjectV2ItemById(input: {projectId: $project, contentId: $content}) { item { id } }
            }""";
    private static final String SET_VALUE = """
            mutation($project: ID!, $item: ID!, $field: ID!, $value: ProjectV2FieldValue!) {
              updateProjectV2ItemFieldValue(input: {projectId: $project, itemId: $item, fieldId: $field,
                  value: $value}) { projectV2Item { id } }
            }""";
    private static final String SET_OPTIONS = """
            mutation($field: ID!, $options: [ProjectV2SingleSelectFieldOptionInput!]!) {
              updateProjectV2Field(input: {fieldId: $field, singleSelectOptions: $options}) {
                projectV2Field { ... on ProjectV2SingleSelectField { id name dataType options { id name color description } } }
              }
            }""";

    private final GitHubHttp http;
    private final String graphqlUrl;
    private final Supplier<String> authorization;

    ProjectsV2Client(GitHubHttp http, String graphqlUrl, Supplier<String> authorization) {
        this.http = http;
        this.graphqlUrl = graphqlUrl;
        this.authorization = authorization;
    }

    Optional<GitHubTypes.Board> board(String org, int number) {
        ObjectNode vars = GitHubHttp.json().createObjectNode().put("org", org).put("number", number);
        JsonNode data;
        try {
            data = execute(BOARD, vars);
        } catch (NotFound notFound) {
            return Optional.empty();
        }
        JsonNode project = data.path("organization").path("projectV2");
        if (project.isMissingNode() || project.isNull()) {
            return Optional.empty();
        }
        List<GitHubTypes.BoardField> fields = new ArrayList<>();
        for (JsonNode field : project.path("fields").path("nodes")) {
            // every field type is kept (Source or Owner may be text fields); empty nodes are other union members
            if (field.hasNonNull("id") && field.hasNonNull("name")) {
                fields.add(field(field));
            }
        }
        return Optional.of(new GitHubTypes.Board(project.path("id").asText(), org, number,
                project.path("title").asText(""), List.copyOf(fields)));
    }

    String addItem(String projectNodeId, String contentNodeId) {
        ObjectNode vars = GitHubHttp.json().createObjectNode().put("project", projectNodeId).put("content",
                contentNodeId);
        JsonNode id = mutate(ADD_ITEM, vars).path("addProjectV2ItemById").path("item").path("id");
        if (!id.isTextual()) {
            throw new GitHubException.Transient("GitHub answered no item id for addProjectV2ItemById", null);
        }
        return id.asText();
    }

    void setFieldValue(String projectNodeId, String itemId, String fieldId, GitHubTypes.FieldValue value) {
        ObjectNode vars = GitHubHttp.json().createObjectNode().put("project", projectNodeId).put("item", itemId)
                .put("field", fieldId);
        vars.putObject("value").set(value.member(), GitHubHttp.json().valueToTree(value.value()));
        mutate(SET_VALUE, vars);
    }

    GitHubTypes.BoardField setOptions(String fieldId, List<GitHubTypes.Option> options) {
        ArrayNode list = GitHubHttp.json().createArrayNode();
        for (GitHubTypes.Option option : options) {
            ObjectNode o = list.addObject();
            if (option.id() != null && !option.id().isBlank()) {
                o.put("id", option.id());
            }
            o.put("name", option.name());
            o.put("color", option.color() == null || option.color().isBlank()
                    ? "GRAY"
                    : option.color().toUpperCase(Locale.ROOT));
            o.put("description", option.description() == null ? "" : option.description());
        }
        ObjectNode vars = GitHubHttp.json().createObjectNode().put("field", fieldId);
        vars.set("options", list);
        JsonNode field = mutate(SET_OPTIONS, vars).path("updateProjectV2Field").path("projectV2Field");
        if (!field.hasNonNull("id")) {
            throw new GitHubException.Transient("GitHub answered no field for updateProjectV2Field", null);
        }
        return field(field);
    }

    private static GitHubTypes.BoardField field(JsonNode field) {
        List<GitHubTypes.Option> options = new ArrayList<>();
        for (JsonNode o : field.path("options")) {
            options.add(new GitHubTypes.Option(o.path("id").asText(), o.path("name").asText(),
                    o.path("color").asText("GRAY"), o.path("description").asText("")));
        }
        // a field answered without dataType but with options (older fakes, updateProjectV2Field) is a single-select
        String type = field.hasNonNull("dataType")
                ? field.get("dataType").asText()
                : field.has("options") ? GitHubTypes.BoardField.SINGLE_SELECT : "";
        return new GitHubTypes.BoardField(field.path("id").asText(), field.path("name").asText(), type,
                List.copyOf(options));
    }

    private JsonNode mutate(String document, ObjectNode variables) {
        try {
            return execute(document, variables);
        } catch (NotFound notFound) {
            throw new GitHubException.Permanent(404, notFound.getMessage(), null);
        }
    }

    /** GraphQL answers 200 with {@code errors}; map those as the REST side maps statuses. */
    private JsonNode execute(String document, ObjectNode variables) {
        ObjectNode body = GitHubHttp.json().createObjectNode().put("query", document);
        body.set("variables", variables);
        JsonNode answer = http.send("POST", graphqlUrl, body, authorization.get());
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            String type = "";
            for (JsonNode error : errors) {
                messages.add(error.path("message").asText("GraphQL error"));
                if (type.isEmpty()) {
                    type = error.path("type").asText("");
                }
            }
            String message = String.join("; ", messages);
            switch (type) {
                case "RATE_LIMITED" -> throw new GitHubException.RateLimited("GraphQL rate limit: " + message, null,
                        message.toLowerCase(Locale.ROOT).contains("secondary"));
                case "NOT_FOUND" -> throw new NotFound(message);
                default -> {
                    if (answer.path("data").isMissingNode() || answer.path("data").isNull()
                            || "FORBIDDEN".equals(type) || "INSUFFICIENT_SCOPES".equals(type) || !type.isEmpty()) {
                        throw new GitHubException.Permanent(422, message, null);
                    }
                }
            }
        }
        return answer.path("data");
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
