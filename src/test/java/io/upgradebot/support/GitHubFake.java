package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub that remembers: issues, comments, milestones, sub-issues (REST) and Projects v2 boards (GraphQL), for any
 * repository, answering with GitHub's JSON shapes (as recorded in hub4j/github-api's test resources). Opt in with
 * {@link #install()} after {@code Fakes.reset()}; its stubs have a low priority, so a test's own stubs win.
 *
 * <p>Faults ({@link #inject}) reproduce what makes writes hard: limits and 5xx that GitHub answers without doing the
 * write, and answers lost after GitHub did it (a delay past the bot's timeout, a 502 after the fact).
 */
public final class GitHubFake implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "github-fake";
    public static final GitHubFake INSTANCE = new GitHubFake();
    /** The login the baseline {@code GET /user} stub answers, so issues the bot creates carry it. */
    public static final String BOT_LOGIN = "upgrade-bot";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPO_PATH = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

    /** What the fake does with one matching request. */
    public enum FaultMode {
        REJECT, APPLY_THEN_DELAY, APPLY_THEN_FAIL, APPLY_THEN_RESET
    }

    public record Fault(String method, Pattern path, FaultMode mode, int status, Map<String, String> headers,
            String body, int delayMs) {

        /** Answers {@code status} without doing anything (limits, 5xx before the write). */
        public static Fault reject(String method, String pathRegex, int status, Map<String, String> headers,
                String body) {
            return new Fault(method, Pattern.compile(pathRegex), FaultMode.REJECT, status, headers, body, 0);
        }

        /** Does the write, then answers after {@code delayMs} (past the bot's timeout: the answer is lost). */
        public static Fault applyThenDelay(String method, String pathRegex, int delayMs) {
            return new Fault(method, Pattern.compile(pathRegex), FaultMode.APPLY_THEN_DELAY, 0, Map.of(), null,
                    delayMs);
        }

        /** Does the write, then answers an error (GitHub did it, the bot is told it failed). */
        public static Fault applyThenFail(String method, String pathRegex, int status) {
            return new Fault(method, Pattern.compile(pathRegex), FaultMode.APPLY_THEN_FAIL, status, Map.of(),
                    "{\"message\":\"Server Error\"}", 0);
        }

        /** Does the write, then drops the connection (the bot sees a reset, not an answer). */
        public static Fault applyThenReset(String method, String pathRegex) {
            return new Fault(method, Pattern.compile(pathRegex), FaultMode.APPLY_THEN_RESET, 0, Map.of(), null, 0);
        }

        /** The 403 GitHub sends for a secondary rate limit, with the given headers. */
        public static Fault secondaryLimit(String method, String pathRegex, Map<String, String> headers) {
            return reject(method, pathRegex, 403, headers, """
                    {"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try \
                    again. If you reach out to GitHub Support for help, please include the request ID.",\
                    "documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""");
        }
    }

    /** A write GitHub carried out: method, path, request body, when. */
    public record Applied(String method, String path, String body, Instant at) {
    }

    private final Map<String, RepoState> repos = new HashMap<>();
    private final Map<String, BoardState> boards = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Applied> applied = new ArrayList<>();
    private final Map<String, java.util.function.UnaryOperator<String>> editsAfterRead = new HashMap<>();
    private long nextId = 2_000_000_000L;

    private GitHubFake() {
    }

    /** Forgets everything and stubs the REST and GraphQL routes on {@code Fakes.github}. */
    public static GitHubFake install() {
        INSTANCE.clear();
        Fakes.github.stubFor(any(urlPathMatching("/repos/[^/]+/[^/]+(/.*)?")).atPriority(10)
                .willReturn(aResponse().withTransformers(NAME)));
        Fakes.github.stubFor(post(urlPathEqualTo("/graphql")).atPriority(10)
                .willReturn(aResponse().withTransformers(NAME)));
        return INSTANCE;
    }

    public synchronized void clear() {
        repos.clear();
        boards.clear();
        faults.clear();
        applied.clear();
        editsAfterRead.clear();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    // --- test API ------------------------------------------------------------------------------------------

    /** The next request matching the fault's method and path gets the fault (faults are used in order). */
    public synchronized GitHubFake inject(Fault... newFaults) {
        faults.addAll(List.of(newFaults));
        return this;
    }

    public synchronized int faultsLeft() {
        return faults.size();
    }

    public synchronized List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** Issues of {@code repo} whose body contains {@code text}. */
    public synchronized List<JsonNode> issuesContaining(String repo, String text) {
        return repo(repo).issues.values().stream().filter(i -> i.path("body").asText("").contains(text))
                .map(n -> (JsonNode) n.deepCopy()).toList();
    }

    public synchronized List<JsonNode> issues(String repo) {
        return repo(repo).issues.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    public synchronized JsonNode issue(String repo, int number) {
        ObjectNode issue = repo(repo).issues.get(number);
        return issue == null ? null : issue.deepCopy();
    }

    public synchronized List<JsonNode> comments(String repo, int number) {
        return repo(repo).comments.getOrDefault(number, List.of()).stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    public synchronized List<Long> subIssueIds(String repo, int number) {
        return List.copyOf(repo(repo).subIssues.getOrDefault(number, List.of()));
    }

    public synchronized List<JsonNode> milestones(String repo) {
        return repo(repo).milestones.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    /** An issue written by a person (not the bot). */
    public synchronized JsonNode addHumanIssue(String repo, String title, String body, String login) {
        return createIssue(repo(repo), title, body, List.of(), null, login).deepCopy();
    }

    /**
     * A person edits the body on github.com right after the next read of the issue: that read answers the body as it
     * was, so whoever read it holds a stale copy.
     */
    public synchronized void editAfterNextRead(String repo, int number, java.util.function.UnaryOperator<String> edit) {
        editsAfterRead.put(repo.toLowerCase(java.util.Locale.ROOT) + "#" + number, edit);
    }

    /** A person edits the body on github.com. */
    public synchronized void editBody(String repo, int number, String body) {
        ObjectNode issue = repo(repo).issues.get(number);
        issue.put("body", body).put("updated_at", Instant.now().toString());
    }

    /**
     * The Open edX maintenance board the test configuration points at (openedx #51): Project (with
     * {@code projectOptions}, the values other projects use), Source, Owner, Owner Does (TBD) and Status.
     */
    public synchronized BoardState addMaintenanceBoard(String... projectOptions) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Project", List.of(projectOptions));
        fields.put("Source", List.of());
        fields.put("Owner", List.of());
        fields.put("Owner Does", List.of("TBD"));
        fields.put("Status", List.of("Todo", "In Progress", "Done"));
        return addBoard("openedx", 51, "Maintenance", fields);
    }

    /** A Projects v2 board with single-select fields and their options. */
    public synchronized BoardState addBoard(String org, int number, String title, Map<String, List<String>> fields) {
        BoardState board = new BoardState();
        board.org = org;
        board.number = number;
        board.title = title;
        // as on GitHub, a board keeps its node id: the bot may cache it across the tests that recreate the board
        board.id = "PVT_kwDO" + Integer.toString(Math.abs((org.toLowerCase(Locale.ROOT) + "#" + number).hashCode()), 36)
                .toUpperCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            FieldState f = new FieldState();
            f.id = "PVTSSF_lADO" + Long.toString(nextId++, 36).toUpperCase(Locale.ROOT);
            f.name = field.getKey();
            for (String option : field.getValue()) {
                f.options.add(new OptionState(optionId(), option, "GRAY", ""));
            }
            board.fields.add(f);
        }
        boards.put(org.toLowerCase(Locale.ROOT) + "#" + number, board);
        return board;
    }

    public synchronized BoardState board(String org, int number) {
        return boards.get(org.toLowerCase(Locale.ROOT) + "#" + number);
    }

    public static final class BoardState {
        public String id;
        public String org;
        public int number;
        public String title;
        public final List<FieldState> fields = new ArrayList<>();
        /** item id → content node id */
        public final Map<String, String> items = new LinkedHashMap<>();
        /** item id → (field id → option id, or the value itself for a text, number or date field) */
        public final Map<String, Map<String, String>> values = new HashMap<>();

        public FieldState field(String name) {
            return fields.stream().filter(f -> f.name.equals(name)).findFirst().orElse(null);
        }

        /**
         * Makes a field of this board a text field (no options), as "Source" or "Owner" are on some organisations'
         * boards.
         */
        public FieldState makeText(String fieldName) {
            FieldState field = field(fieldName);
            field.dataType = "TEXT";
            field.options.clear();
            return field;
        }

        /** The option name (or, in a text, number or date field, the value) an item has in a field, or null. */
        public String value(String itemId, String fieldName) {
            FieldState field = field(fieldName);
            String optionId = values.getOrDefault(itemId, Map.of()).get(field.id);
            if (!field.dataType.equals("SINGLE_SELECT")) {
                return optionId;
            }
            return field.options.stream().filter(o -> o.id.equals(optionId)).map(o -> o.name).findFirst()
                    .orElse(null);
        }
    }

    public static final class FieldState {
        public String id;
        public String name;
        /** GitHub's ProjectV2FieldType: SINGLE_SELECT unless the test says otherwise (TEXT, NUMBER, DATE). */
        public String dataType = "SINGLE_SELECT";
        public final List<OptionState> options = new ArrayList<>();
    }

    public record OptionState(String id, String name, String color, String description) {
    }

    // --- serving -------------------------------------------------------------------------------------------

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod().getName();
        String path = request.getUrl().split("\\?")[0];
        Fault fault = takeFault(method, path);
        if (fault != null && fault.mode() == FaultMode.REJECT) {
            ResponseDefinitionBuilder b = aResponse().withStatus(fault.status())
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(fault.body());
            fault.headers().forEach(b::withHeader);
            return b.build();
        }
        ResponseDefinitionBuilder answer;
        try {
            answer = path.equals("/graphql") ? graphql(request) : rest(request, method, path);
        } catch (IOException e) {
            answer = json(400, "{\"message\":\"Problems parsing JSON\"}");
        }
        if (fault != null && fault.mode() == FaultMode.APPLY_THEN_DELAY) {
            answer.withFixedDelay(fault.delayMs());
        } else if (fault != null && fault.mode() == FaultMode.APPLY_THEN_FAIL) {
            answer = json(fault.status(), fault.body());
        } else if (fault != null && fault.mode() == FaultMode.APPLY_THEN_RESET) {
            answer = aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
        }
        return answer.build();
    }

    private Fault takeFault(String method, String path) {
        for (Fault f : faults) {
            if (f.method().equalsIgnoreCase(method) && f.path().matcher(path).matches()) {
                faults.remove(f);
                return f;
            }
        }
        return null;
    }

    private ResponseDefinitionBuilder rest(Request request, String method, String path) throws IOException {
        Matcher m = REPO_PATH.matcher(path);
        if (!m.matches()) {
            return notFound();
        }
        String fullName = m.group(1) + "/" + m.group(2);
        RepoState repo = repo(fullName);
        String rest = m.group(3) == null ? "" : m.group(3);
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && method.equals("GET")) {
            return json(200, repoJson(repo).toString());
        }
        if (parts.length >= 1 && parts[0].equals("issues")) {
            if (parts.length == 1) {
                if (method.equals("POST")) {
                    JsonNode in = JSON.readTree(request.getBodyAsString());
                    List<String> labels = new ArrayList<>();
                    in.path("labels").forEach(l -> labels.add(l.asText()));
                    Integer milestone = in.hasNonNull("milestone") ? in.get("milestone").asInt() : null;
                    ObjectNode issue = createIssue(repo, in.path("title").asText(), in.path("body").asText(""),
                            labels, milestone, BOT_LOGIN);
                    record(request, path);
                    return json(201, issue.toString());
                }
                return json(200, listIssues(repo, request).toString());
            }
            ObjectNode issue = repo.issues.get(Integer.parseInt(parts[1]));
            if (issue == null) {
                return notFound();
            }
            int number = issue.get("number").asInt();
            if (parts.length == 2) {
                if (method.equals("PATCH")) {
                    JsonNode in = JSON.readTree(request.getBodyAsString());
                    for (String field : List.of("body", "title", "state", "state_reason")) {
                        if (in.has(field)) {
                            issue.set(field, in.get(field));
                        }
                    }
                    issue.put("updated_at", Instant.now().toString());
                    record(request, path);
                }
                String answered = issue.toString();
                java.util.function.UnaryOperator<String> edit = method.equals("GET")
                        ? editsAfterRead.remove(fullName.toLowerCase(java.util.Locale.ROOT) + "#" + number)
                        : null;
                if (edit != null) {
                    issue.put("body", edit.apply(issue.path("body").asText("")));
                }
                return json(200, answered);
            }
            if (parts[2].equals("comments")) {
                List<ObjectNode> comments = repo.comments.computeIfAbsent(number, n -> new ArrayList<>());
                if (method.equals("POST")) {
                    ObjectNode comment = commentJson(repo, number, JSON.readTree(request.getBodyAsString())
                            .path("body").asText());
                    comments.add(comment);
                    issue.put("comments", comments.size());
                    record(request, path);
                    return json(201, comment.toString());
                }
                ArrayNode list = JSON.createArrayNode();
                comments.forEach(list::add);
                return json(200, list.toString());
            }
            if (parts[2].equals("sub_issues")) {
                List<Long> subs = repo.subIssues.computeIfAbsent(number, n -> new ArrayList<>());
                if (method.equals("POST")) {
                    long child = JSON.readTree(request.getBodyAsString()).path("sub_issue_id").asLong();
                    if (subs.contains(child)) {
                        return json(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
                                + "\"code\":\"custom\",\"field\":\"sub_issue_id\",\"message\":\"Issue may not "
                                + "contain duplicate sub-issues\"}],\"status\":\"422\"}");
                    }
                    if (subs.size() >= 100) {
                        return json(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
                                + "\"code\":\"custom\",\"field\":\"sub_issue_id\",\"message\":\"Parent cannot have "
                                + "more than 100 sub-issues\"}],\"status\":\"422\"}");
                    }
                    subs.add(child);
                    record(request, path);
                    return json(201, issue.toString());
                }
                ArrayNode list = JSON.createArrayNode();
                for (long id : subs) {
                    repos.values().stream().flatMap(r -> r.issues.values().stream())
                            .filter(i -> i.get("id").asLong() == id).findFirst().ifPresent(list::add);
                }
                return json(200, list.toString());
            }
        }
        if (parts.length >= 1 && parts[0].equals("milestones")) {
            if (parts.length == 1 && method.equals("POST")) {
                String title = JSON.readTree(request.getBodyAsString()).path("title").asText();
                if (repo.milestones.values().stream().anyMatch(ms -> ms.get("title").asText().equals(title))) {
                    return json(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Milestone\","
                            + "\"code\":\"already_exists\",\"field\":\"title\"}]}");
                }
                ObjectNode milestone = milestoneJson(repo, repo.milestones.size() + 1, title);
                repo.milestones.put(milestone.get("number").asInt(), milestone);
                record(request, path);
                return json(201, milestone.toString());
            }
            if (parts.length == 1) {
                ArrayNode list = JSON.createArrayNode();
                repo.milestones.values().forEach(list::add);
                return json(200, list.toString());
            }
            ObjectNode milestone = repo.milestones.get(Integer.parseInt(parts[1]));
            return milestone == null ? notFound() : json(200, milestone.toString());
        }
        return notFound();
    }

    private ArrayNode listIssues(RepoState repo, Request request) {
        String creator = param(request, "creator");
        String state = param(request, "state");
        ArrayNode list = JSON.createArrayNode();
        repo.issues.values().stream()
                .filter(i -> creator == null || i.path("user").path("login").asText().equals(creator))
                .filter(i -> state == null || state.equals("all") || i.path("state").asText().equals(state))
                .sorted(Comparator.comparingInt((ObjectNode i) -> i.get("number").asInt()).reversed())
                .forEach(list::add);
        return list;
    }

    private ResponseDefinitionBuilder graphql(Request request) throws IOException {
        JsonNode in = JSON.readTree(request.getBodyAsString());
        String query = in.path("query").asText();
        JsonNode vars = in.path("variables");
        ObjectNode data = JSON.createObjectNode();
        if (query.contains("projectV2(number")) {
            BoardState board = board(vars.path("org").asText(), vars.path("number").asInt());
            ObjectNode org = data.putObject("organization");
            if (board == null) {
                org.putNull("projectV2");
                return graphqlError(data, "NOT_FOUND", "Could not resolve to a ProjectV2 with the number "
                        + vars.path("number").asInt() + ".");
            }
            org.set("projectV2", boardJson(board));
            return json(200, JSON.createObjectNode().set("data", data).toString());
        }
        if (query.contains("addProjectV2ItemById")) {
            BoardState board = boardById(vars.path("project").asText());
            if (board == null) {
                return graphqlError(data.putNull("addProjectV2ItemById"), "NOT_FOUND",
                        "Could not resolve to a node with the global id of '" + vars.path("project").asText() + "'");
            }
            String content = vars.path("content").asText();
            String itemId = board.items.entrySet().stream().filter(e -> e.getValue().equals(content))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (itemId == null) {
                itemId = "PVTI_lADO" + Long.toString(nextId++, 36).toUpperCase(Locale.ROOT);
                board.items.put(itemId, content);
                record(request, "/graphql addProjectV2ItemById");
            }
            data.putObject("addProjectV2ItemById").putObject("item").put("id", itemId);
            return json(200, JSON.createObjectNode().set("data", data).toString());
        }
        if (query.contains("updateProjectV2ItemFieldValue")) {
            BoardState board = boardById(vars.path("project").asText());
            FieldState field = board == null
                    ? null
                    : board.fields.stream()
                            .filter(f -> f.id.equals(vars.path("field").asText())).findFirst().orElse(null);
            JsonNode value = vars.path("value");
            if (field == null) {
                return graphqlError(data.putNull("updateProjectV2ItemFieldValue"), "NOT_FOUND",
                        "Could not resolve to a node with the global id of '" + vars.path("field").asText() + "'");
            }
            // as on GitHub: the value's member must match the field's type
            String member = switch (field.dataType) {
                case "SINGLE_SELECT" -> "singleSelectOptionId";
                case "TEXT" -> "text";
                case "NUMBER" -> "number";
                case "DATE" -> "date";
                default -> "";
            };
            if (!value.hasNonNull(member) || value.size() != 1) {
                return graphqlError(data.putNull("updateProjectV2ItemFieldValue"), "UNPROCESSABLE",
                        "The field of type " + field.dataType.toLowerCase(Locale.ROOT) + " needs a " + member
                                + " value; got " + value);
            }
            String stored = value.get(member).asText();
            if (field.dataType.equals("SINGLE_SELECT") && field.options.stream().noneMatch(o -> o.id.equals(stored))) {
                return graphqlError(data.putNull("updateProjectV2ItemFieldValue"), "UNPROCESSABLE",
                        "The single select option Id does not belong to the field");
            }
            board.values.computeIfAbsent(vars.path("item").asText(), i -> new HashMap<>()).put(field.id, stored);
            record(request, "/graphql updateProjectV2ItemFieldValue");
            data.putObject("updateProjectV2ItemFieldValue").putObject("projectV2Item")
                    .put("id", vars.path("item").asText());
            return json(200, JSON.createObjectNode().set("data", data).toString());
        }
        if (query.contains("updateProjectV2Field")) {
            String fieldId = vars.path("field").asText();
            for (BoardState board : boards.values()) {
                for (FieldState field : board.fields) {
                    if (field.id.equals(fieldId) && field.dataType.equals("SINGLE_SELECT")) {
                        List<OptionState> next = new ArrayList<>();
                        for (JsonNode o : vars.path("options")) {
                            String id = o.hasNonNull("id") && field.options.stream()
                                    .anyMatch(x -> x.id.equals(o.get("id").asText()))
                                            ? o.get("id").asText()
                                            : optionId();
                            next.add(new OptionState(id, o.path("name").asText(), o.path("color").asText("GRAY"),
                                    o.path("description").asText("")));
                        }
                        // as on GitHub: an option not sent back with its id is gone, with every value that used it
                        List<String> kept = next.stream().map(OptionState::id).toList();
                        board.values.values().forEach(v -> v.entrySet().removeIf(
                                e -> e.getKey().equals(field.id) && !kept.contains(e.getValue())));
                        field.options.clear();
                        field.options.addAll(next);
                        record(request, "/graphql updateProjectV2Field");
                        data.putObject("updateProjectV2Field").set("projectV2Field", fieldJson(field));
                        return json(200, JSON.createObjectNode().set("data", data).toString());
                    }
                }
            }
            return graphqlError(data.putNull("updateProjectV2Field"), "NOT_FOUND",
                    "Could not resolve to a node with the global id of '" + fieldId + "'");
        }
        return json(200, "{\"errors\":[{\"message\":\"fake GitHub does not know this query\"}]}");
    }

    // --- state and JSON ------------------------------------------------------------------------------------

    private static final class RepoState {
        String owner;
        String name;
        long id;
        final Map<Integer, ObjectNode> issues = new LinkedHashMap<>();
        final Map<Integer, List<ObjectNode>> comments = new HashMap<>();
        final Map<Integer, List<Long>> subIssues = new HashMap<>();
        final Map<Integer, ObjectNode> milestones = new LinkedHashMap<>();
    }

    private synchronized RepoState repo(String fullName) {
        return repos.computeIfAbsent(fullName.toLowerCase(Locale.ROOT), k -> {
            RepoState r = new RepoState();
            String[] parts = fullName.split("/");
            r.owner = parts[0];
            r.name = parts[1];
            r.id = nextId++;
            return r;
        });
    }

    private void record(Request request, String what) {
        applied.add(new Applied(request.getMethod().getName(), what, request.getBodyAsString(), Instant.now()));
    }

    private ObjectNode createIssue(RepoState repo, String title, String body, List<String> labels, Integer milestone,
            String login) {
        int number = repo.issues.size() + 1;
        long id = nextId++;
        String now = Instant.now().toString();
        String api = Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name + "/issues/" + number;
        ObjectNode issue = JSON.createObjectNode();
        issue.put("url", api)
                .put("repository_url", Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name)
                .put("labels_url", api + "/labels{/name}")
                .put("comments_url", api + "/comments")
                .put("events_url", api + "/events")
                .put("html_url", "https://github.com/" + repo.owner + "/" + repo.name + "/issues/" + number)
                .put("id", id)
                .put("node_id", "I_kwDO" + Long.toString(id, 36).toUpperCase(Locale.ROOT))
                .put("number", number)
                .put("title", title);
        issue.set("user", user(login));
        ArrayNode labelArray = issue.putArray("labels");
        for (String label : labels) {
            labelArray.addObject().put("id", nextId++).put("node_id", "LA_kwDO" + nextId).put("name", label)
                    .put("color", "ededed").put("default", false);
        }
        issue.put("state", "open").put("locked", false).putNull("assignee");
        issue.putArray("assignees");
        if (milestone != null && repo.milestones.containsKey(milestone)) {
            issue.set("milestone", repo.milestones.get(milestone));
        } else {
            issue.putNull("milestone");
        }
        issue.put("comments", 0).put("created_at", now).put("updated_at", now).putNull("closed_at")
                .put("author_association", "NONE").putNull("active_lock_reason").put("body", body)
                .putNull("closed_by").putNull("performed_via_github_app").putNull("state_reason");
        repo.issues.put(number, issue);
        return issue;
    }

    private ObjectNode commentJson(RepoState repo, int number, String body) {
        long id = nextId++;
        String now = Instant.now().toString();
        ObjectNode c = JSON.createObjectNode();
        c.put("url", Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name + "/issues/comments/" + id)
                .put("html_url", "https://github.com/" + repo.owner + "/" + repo.name + "/issues/" + number
                        + "#issuecomment-" + id)
                .put("issue_url", Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name + "/issues/"
                        + number)
                .put("id", id).put("node_id", "IC_kwDO" + Long.toString(id, 36).toUpperCase(Locale.ROOT));
        c.set("user", user(BOT_LOGIN));
        c.put("created_at", now).put("updated_at", now).put("author_association", "NONE").put("body", body)
                .putNull("performed_via_github_app");
        return c;
    }

    private ObjectNode milestoneJson(RepoState repo, int number, String title) {
        String now = Instant.now().toString();
        ObjectNode ms = JSON.createObjectNode();
        String api = Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name + "/milestones/" + number;
        ms.put("url", api)
                .put("html_url", "https://github.com/" + repo.owner + "/" + repo.name + "/milestone/" + number)
                .put("labels_url", api + "/labels").put("id", nextId++).put("node_id", "MI_kwDO" + nextId)
                .put("number", number).put("title", title).put("description", "");
        ms.set("creator", user(BOT_LOGIN));
        ms.put("open_issues", 0).put("closed_issues", 0).put("state", "open").put("created_at", now)
                .put("updated_at", now).putNull("due_on").putNull("closed_at");
        return ms;
    }

    private ObjectNode repoJson(RepoState repo) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", repo.id).put("node_id", "R_kgDO" + Long.toString(repo.id, 36).toUpperCase(Locale.ROOT))
                .put("name", repo.name).put("full_name", repo.owner + "/" + repo.name).put("private", false);
        ObjectNode owner = user(repo.owner);
        owner.put("type", "Organization");
        r.set("owner", owner);
        r.put("html_url", "https://github.com/" + repo.owner + "/" + repo.name)
                .put("description", "").put("fork", false)
                .put("url", Fakes.github.baseUrl() + "/repos/" + repo.owner + "/" + repo.name)
                .put("created_at", "2020-01-01T00:00:00Z").put("updated_at", "2025-01-01T00:00:00Z")
                .put("pushed_at", "2025-01-01T00:00:00Z").put("archived", false).put("disabled", false)
                .put("has_issues", true).put("open_issues_count", repo.issues.size()).put("default_branch", "master")
                .put("visibility", "public");
        return r;
    }

    private ObjectNode user(String login) {
        ObjectNode u = JSON.createObjectNode();
        u.put("login", login).put("id", Math.abs(login.hashCode()))
                .put("node_id", "U_kgDO" + Integer.toString(Math.abs(login.hashCode()), 36).toUpperCase(Locale.ROOT))
                .put("url", Fakes.github.baseUrl() + "/users/" + login).put("html_url", "https://github.com/" + login)
                .put("type", login.endsWith("[bot]") ? "Bot" : "User").put("site_admin", false);
        return u;
    }

    private ObjectNode boardJson(BoardState board) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", board.id).put("title", board.title);
        ArrayNode nodes = p.putObject("fields").putArray("nodes");
        // GitHub lists its built-in fields (Title, Assignees…) too
        nodes.addObject().put("id", board.id + "_title").put("name", "Title").put("dataType", "TITLE");
        board.fields.forEach(f -> nodes.add(fieldJson(f)));
        return p;
    }

    private static ObjectNode fieldJson(FieldState f) {
        ObjectNode field = JSON.createObjectNode();
        field.put("id", f.id).put("name", f.name).put("dataType", f.dataType);
        if (!f.dataType.equals("SINGLE_SELECT")) {
            return field;
        }
        ArrayNode options = field.putArray("options");
        f.options.forEach(o -> options.addObject().put("id", o.id()).put("name", o.name()).put("color", o.color())
                .put("description", o.description()));
        return field;
    }

    private BoardState boardById(String id) {
        return boards.values().stream().filter(b -> b.id.equals(id)).findFirst().orElse(null);
    }

    private String optionId() {
        return Long.toHexString(nextId++ * 2654435761L & 0xffffffffL);
    }

    private static ResponseDefinitionBuilder graphqlError(ObjectNode data, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.putArray("errors").addObject().put("type", type).put("message", message);
        return json(200, body.toString());
    }

    private static String param(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p != null && p.isPresent() ? p.firstValue() : null;
    }

    private static ResponseDefinitionBuilder notFound() {
        return json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                + "\"status\":\"404\"}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4999")
                .withHeader("X-RateLimit-Reset", "1900000000").withHeader("X-RateLimit-Resource", "core")
                .withBody(body);
    }
}
