package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The inputs of {@code createIssue} the one-request fan-out needs (GitHub Enterprise Server may lack them). */
    static final List<String> LINKED_CREATE_INPUTS = List.of("parentIssueId", "projectV2Ids");
    private static final String CREATE_ISSUE_INPUTS = """
            query { __type(name: "CreateIssueInput") { inputFields { name } } }""";
    private static final String CREATE_ISSUE = """
            mutation($input: CreateIssueInput!) {
              createIssue(input: $input) {
                issue { id databaseId number url parent { id } projectItems(first: 20) { nodes { id project { id } } } }
              }
            }""";
    private static final String ISSUE_LINKS = """
            query($id: ID!) {
              node(id: $id) { ... on Issue { parent { id } projectItems(first: 50) { nodes { id project { id } } } } }
            }""";
    private static final String ADD_SUB_ISSUE = """
            mutation($parent: ID!, $child: ID!) {
              addSubIssue(input: {issueId: $parent, subIssueId: $child}) { subIssue { id } }
            }""";
    private static final String REPOSITORY_REFS = """
            query($owner: String!, $name: String!) {
              repository(owner: $owner, name: $name) {
                id
                labels(first: 100) { nodes { id name } }
                milestones(first: 100, states: [OPEN, CLOSED]) { nodes { id number } }
              }
            }""";

    /** What an issue is linked to: its parent's node id (or null) and its items by board node id. */
    record IssueLinks(String parentId, Map<String, String> itemsByBoard) {
    }

    /** Node ids of a repository, its labels by name (lower-case) and its milestones by number. */
    record RepositoryRefs(String id, Map<String, String> labels, Map<Integer, String> milestones) {
    }

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

    /** Whether {@code createIssue} takes every input of {@link #LINKED_CREATE_INPUTS} (introspection, a read). */
    boolean createIssueTakesLinks() {
        JsonNode fields = execute(CREATE_ISSUE_INPUTS, GitHubHttp.json().createObjectNode()).path("__type")
                .path("inputFields");
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.path("name").asText()));
        return names.containsAll(LINKED_CREATE_INPUTS);
    }

    RepositoryRefs repositoryRefs(String repo) {
        String[] parts = repo.split("/", 2);
        JsonNode r = mutate(REPOSITORY_REFS, GitHubHttp.json().createObjectNode().put("owner", parts[0])
                .put("name", parts[1])).path("repository");
        if (!r.hasNonNull("id")) {
            throw new GitHubException.Permanent(404, "repository " + repo + " not found", null);
        }
        Map<String, String> labels = new HashMap<>();
        r.path("labels").path("nodes").forEach(l -> labels.put(l.path("name").asText().toLowerCase(Locale.ROOT),
                l.path("id").asText()));
        Map<Integer, String> milestones = new HashMap<>();
        r.path("milestones").path("nodes").forEach(m -> milestones.put(m.path("number").asInt(),
                m.path("id").asText()));
        return new RepositoryRefs(r.get("id").asText(), labels, milestones);
    }

    /**
     * GraphQL {@code createIssue} with its sub-issue link and board. An answer that carries the issue is the issue,
     * even with {@code errors} beside it (the caller adds what it lacks); one without it fails as GitHub said.
     */
    GitHubTypes.LinkedIssue createIssue(String repo, ObjectNode input, String projectNodeId) {
        ObjectNode vars = GitHubHttp.json().createObjectNode();
        vars.set("input", input);
        JsonNode answer = raw(CREATE_ISSUE, vars);
        JsonNode issue = answer.path("data").path("createIssue").path("issue");
        if (!issue.hasNonNull("id")) {
            throwErrors(answer);
            throw new GitHubException.Transient("GitHub answered no issue for createIssue: " + answer.path("errors"),
                    null);
        }
        String itemId = "";
        for (JsonNode item : issue.path("projectItems").path("nodes")) {
            if (item.path("project").path("id").asText().equals(projectNodeId)) {
                itemId = item.path("id").asText();
            }
        }
        GitHubTypes.Issue created = new GitHubTypes.Issue(repo, issue.path("number").asInt(),
                issue.path("databaseId").asLong(), issue.get("id").asText(), issue.path("url").asText(), "open",
                input.path("body").asText(""), null, null);
        return new GitHubTypes.LinkedIssue(created, itemId, issue.path("parent").hasNonNull("id"));
    }

    IssueLinks issueLinks(String issueNodeId) {
        JsonNode node = mutate(ISSUE_LINKS, GitHubHttp.json().createObjectNode().put("id", issueNodeId)).path("node");
        Map<String, String> items = new HashMap<>();
        node.path("projectItems").path("nodes").forEach(i -> items.put(i.path("project").path("id").asText(),
                i.path("id").asText()));
        JsonNode parent = node.path("parent").path("id");
        return new IssueLinks(parent.isTextual() ? parent.asText() : null, items);
    }

    void addSubIssue(String parentNodeId, String childNodeId) {
        mutate(ADD_SUB_ISSUE, GitHubHttp.json().createObjectNode().put("parent", parentNodeId).put("child",
                childNodeId));
    }

    /**
     * One request, one aliased {@code updateProjectV2ItemFieldValue} per field. GitHub answers 200 with
     * {@code data} for the aliases it did and {@code errors} (whose {@code path} names the alias) for the others:
     * answers the refused fields by name with GitHub's message.
     */
    Map<String, String> setFieldValues(String projectNodeId, String itemId, List<GitHubTypes.FieldWrite> values) {
        StringBuilder declarations = new StringBuilder("mutation($project: ID!, $item: ID!");
        StringBuilder mutations = new StringBuilder();
        ObjectNode vars = GitHubHttp.json().createObjectNode().put("project", projectNodeId).put("item", itemId);
        for (int i = 0; i < values.size(); i++) {
            GitHubTypes.FieldWrite w = values.get(i);
            declarations.append(", $f").append(i).append(": ID!, $v").append(i).append(": ProjectV2FieldValue!");
            mutations.append("  f").append(i).append(": updateProjectV2ItemFieldValue(input: {projectId: $project, ")
                    .append("itemId: $item, fieldId: $f").append(i).append(", value: $v").append(i)
                    .append("}) { projectV2Item { id } }\n");
            vars.put("f" + i, w.fieldId());
            vars.putObject("v" + i).set(w.value().member(), GitHubHttp.json().valueToTree(w.value().value()));
        }
        JsonNode answer = raw(declarations + ") {\n" + mutations + "}", vars);
        JsonNode data = answer.path("data");
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (JsonNode error : answer.path("errors")) {
            if ("RATE_LIMITED".equals(error.path("type").asText())) {
                throwErrors(answer);
            }
            String alias = error.path("path").path(0).asText("");
            String message = error.path("message").asText("GraphQL error");
            int index = alias.startsWith("f") ? parseIndex(alias.substring(1)) : -1;
            if (index >= 0 && index < values.size()) {
                refused.merge(values.get(index).name(), message, (a, b) -> a + "; " + b);
            } else {
                unplaced.add(message);
            }
        }
        if (!data.isObject()) {
            throwErrors(answer);
            throw new GitHubException.Transient("GitHub answered no data for the board values", null);
        }
        for (int i = 0; i < values.size(); i++) {
            if (!data.path("f" + i).path("projectV2Item").hasNonNull("id")) {
                refused.putIfAbsent(values.get(i).name(), unplaced.isEmpty()
                        ? "GitHub did not set it"
                        : String.join("; ", unplaced));
            }
        }
        return refused;
    }

    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
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
        JsonNode answer = raw(document, variables);
        throwErrors(answer);
        return answer.path("data");
    }

    /** The whole answer ({@code data} and {@code errors}); HTTP failures are thrown as for any request. */
    private JsonNode raw(String document, ObjectNode variables) {
        ObjectNode body = GitHubHttp.json().createObjectNode().put("query", document);
        body.set("variables", variables);
        return http.send("POST", graphqlUrl, body, authorization.get());
    }

    /** Throws what the answer's {@code errors} mean; returns when they may be ignored (none, or untyped with data). */
    private static void throwErrors(JsonNode answer) {
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
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
