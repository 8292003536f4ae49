package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An upgrade project as creating it leaves it (roadmap issue, one issue per repository on the board, Owner Does TBD),
 * stored directly, with its issues and board items in the stateful GitHub fake; plus Slack payloads for the Owner
 * Does interactions, shaped like the ones Slack sends (java-slack-sdk json-logs samples).
 */
public final class OwnerDoesFixtures {

    public static final String CHANNEL = "C0UPGRADES";
    public static final String BOARD_ORG = ConfigProvider.getConfig().getValue("upgrade-bot.board.org", String.class);
    public static final int BOARD_NUMBER = ConfigProvider.getConfig().getValue("upgrade-bot.board.number",
            Integer.class);
    public static final String ORCHESTRATOR = ConfigProvider.getConfig()
            .getValue("upgrade-bot.orchestrators", String.class)
            .split(",")[0].strip();
    public static final OwnerDoesLevels LEVELS = OwnerDoesLevels.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** A seeded project: its id and its repositories (project_repo id by full name). */
    public record Seeded(long projectId, String slug, Map<String, Long> repoIds, GitHubFake.BoardState board) {
        public long id(String repo) {
            return repoIds.get(repo);
        }
    }

    private OwnerDoesFixtures() {
    }

    /**
     * Installs the GitHub fake with the Maintenance board (Owner Does: TBD + the six levels; Owner: empty) and the
     * Slack stubs the Owner Does flows call (user group members, users.info).
     */
    public static GitHubFake.BoardState freshFakes() {
        Fakes.reset();
        GitHubFake fake = GitHubFake.install();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Owner Does", LEVELS.labels());
        fields.put("Owner", List.of("openedx/someone-else"));
        fields.put("Status", List.of("Todo", "In Progress", "Done"));
        GitHubFake.BoardState board = fake.addBoard(BOARD_ORG, BOARD_NUMBER, "Maintenance", fields);
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/usergroups.users.list")).willReturn(okJson(
                "{\"ok\":true,\"users\":[]}")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/usergroups.users.list"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("usergroup=S0ARCH"))
                .willReturn(okJson("{\"ok\":true,\"users\":[\"U0ARCH1\",\"U0ARCH2\"]}")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(okJson("""
                {"ok":true,"user":{"id":"U0ARCH1","team_id":"T0001","name":"ada","deleted":false,"real_name":"Ada Arch",
                 "tz":"Europe/Paris","profile":{"real_name":"Ada Arch","display_name":"ada","email":"ada@example.org"},
                 "is_bot":false}}""")));
        return board;
    }

    /** {@code repos} each owned by {@code team} (null: unknown), issue and board item created, all TBD. */
    public static Seeded seed(GitHubFake.BoardState board, Map<String, String> reposToTeams) {
        String slug = "django-5-2-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> ids = new LinkedHashMap<>();
        long projectId = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = new UpgradeProjectEntity();
            p.slug = slug;
            p.name = "Django 5.2 (" + slug + ")";
            p.dependency = "Django";
            p.currentVersion = "4.2";
            p.targetVersion = "5.2";
            p.roadmapRepo = "openedx/platform-roadmap";
            p.releaseName = "Verawood";
            p.completionDate = LocalDate.parse("2026-04-23");
            p.completionReason = "last branch cut before Django 4.2 support ends";
            p.orchestrationTeam = "Arch-BOM";
            p.channelId = CHANNEL;
            p.docsUrl = "https://docs.example/django-5-2";
            p.roadmapIssueUrl = "https://github.com/openedx/platform-roadmap/issues/1";
            p.state = ProjectState.ACTIVE;
            p.createdBy = ORCHESTRATOR;
            p.persist();
            return p.id;
        });
        for (Map.Entry<String, String> e : reposToTeams.entrySet()) {
            JsonNode issue = GitHubFake.INSTANCE.addHumanIssue(e.getKey(), "Upgrade to Django 5.2",
                    "Part of the Django 5.2 upgrade.", GitHubFake.BOT_LOGIN);
            String itemId = "PVTI_item_" + SEQ.incrementAndGet();
            synchronized (GitHubFake.INSTANCE) {
                board.items.put(itemId, issue.path("node_id").asText());
            }
            long id = QuarkusTransaction.requiringNew().call(() -> {
                ProjectRepoEntity r = new ProjectRepoEntity();
                r.projectId = projectId;
                r.repo = e.getKey();
                r.ownerTeam = e.getValue();
                r.ownerSource = e.getValue() == null ? null : "codeowners";
                r.ownerDoes = "TBD";
                r.issueNumber = issue.path("number").asInt();
                r.issueId = issue.path("id").asLong();
                r.issueNodeId = issue.path("node_id").asText();
                r.issueUrl = issue.path("html_url").asText();
                r.boardItemId = itemId;
                r.issueState = RepoIssueState.OPEN;
                r.inScope = true;
                r.persist();
                return r.id;
            });
            ids.put(e.getKey(), id);
        }
        return new Seeded(projectId, slug, ids, board);
    }

    /** Many repositories without GitHub issues (for the modal's size), all owned by {@code team}. */
    public static Seeded seedMany(int count, String team) {
        Seeded s = seed(GitHubFake.INSTANCE.board(BOARD_ORG, BOARD_NUMBER), Map.of());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                ProjectRepoEntity r = new ProjectRepoEntity();
                r.projectId = s.projectId();
                r.repo = "openedx/repo-" + String.format("%04d", i);
                r.ownerTeam = team;
                r.ownerDoes = "TBD";
                r.issueNumber = 1;
                r.issueUrl = "https://github.com/openedx/repo-" + i + "/issues/1";
                r.inScope = true;
                r.persist();
                s.repoIds().put(r.repo, r.id);
            }
        });
        return s;
    }

    /** Waits until no work after a Slack ack is queued or running and no GitHub write is pending. */
    public static void awaitQuiet(java.util.function.IntSupplier afterAckInFlight) {
        Eventually.await(java.time.Duration.ofSeconds(20), "background work to finish",
                () -> afterAckInFlight.getAsInt() == 0
                        && QuarkusTransaction.requiringNew()
                                .call(() -> io.upgradebot.store.GitHubWriteEntity.count("state in ?1",
                                        List.of(io.upgradebot.store.GitHubWriteEntity.State.PENDING,
                                                io.upgradebot.store.GitHubWriteEntity.State.RUNNING))) == 0);
        settle();
    }

    /**
     * Gives the status message edits and webhook deliveries still under way a moment to land, so that they are
     * recorded before the next test resets the fakes rather than after. Best effort (a project still being created
     * refreshes its message for as long as it is): assertions about a project look at that project's messages.
     */
    public static void settle() {
        var container = io.quarkus.arc.Arc.container();
        var status = container.instance(io.upgradebot.project.status.StatusMessages.class).get();
        var deliveries = container.instance(io.upgradebot.web.GitHubDeliveries.class).get();
        Eventually.within(java.time.Duration.ofSeconds(3), () -> status.inFlight() == 0 && deliveries.inFlight() == 0);
    }

    public static ProjectRepoEntity repo(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity.<ProjectRepoEntity>findById(id));
    }

    public static List<OwnerDoesChoiceEntity> history(long projectRepoId) {
        return QuarkusTransaction.requiringNew().call(() -> OwnerDoesChoiceEntity.historyOf(projectRepoId));
    }

    // --- Slack payloads ----------------------------------------------------------------------------------------

    public static String trigger() {
        return "7000" + SEQ.incrementAndGet() + ".98765.abc" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The "Choose for my repositories" button click on the announcement. */
    public static String openChoices(String userId, long projectId) {
        return SlackSigner.interaction(SlackSigner.blockActionPayload("ub.owner_does_open", String.valueOf(projectId),
                userId, CHANNEL, trigger()));
    }

    /** The last view the bot sent with views.update (what Slack shows, and sends back in the next payload). */
    public static ObjectNode lastViewUpdate() {
        List<LoggedRequest> updates = Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update")));
        if (updates.isEmpty()) {
            return null;
        }
        return (ObjectNode) formJson(updates.get(updates.size() - 1).getBodyAsString(), "view");
    }

    /**
     * Slack posts and edits whose body names any of {@code words}: a test's own messages, where another test's late
     * status edit may land among them.
     */
    public static long messagesNaming(java.util.Collection<String> words) {
        return java.util.stream.Stream.concat(sent("chat.postMessage").stream(), sent("chat.update").stream())
                .map(Object::toString).filter(m -> words.stream().anyMatch(m::contains)).count();
    }

    public static List<JsonNode> sent(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)))) {
            out.add(form(r.getBodyAsString()));
        }
        return out;
    }

    /**
     * A level picked in the modal, as Slack sends it: the view as the bot last drew it (blocks, private_metadata,
     * hash) with the pick in its state, and the action itself.
     */
    public static String pick(String userId, ObjectNode view, long projectRepoId, String levelKey) {
        String actionId = "ub.owner_does_pick:" + projectRepoId;
        String blockId = blockIdOf(view, actionId);
        String label = LEVELS.byKey(levelKey).orElseThrow().label();
        ObjectNode selected = JSON.createObjectNode();
        selected.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
        selected.put("value", levelKey);
        ObjectNode v = slackView(view);
        ((ObjectNode) v.path("state").path("values")).putObject(blockId).putObject(actionId)
                .put("type", "static_select").set("selected_option", selected);
        ObjectNode action = JSON.createObjectNode().put("type", "static_select").put("action_id", actionId)
                .put("block_id", blockId);
        action.set("selected_option", selected);
        action.putObject("placeholder").put("type", "plain_text").put("text", "Choose a level").put("emoji", true);
        action.put("action_ts", "1700000" + SEQ.incrementAndGet() + ".000300");
        return SlackSigner.interaction(modalAction(userId, v, action).toString());
    }

    /** A button in the modal (paging). */
    public static String button(String userId, ObjectNode view, String actionId, String value) {
        ObjectNode action = JSON.createObjectNode().put("type", "button").put("action_id", actionId)
                .put("block_id", "paging").put("value", value)
                .put("action_ts", "1700000" + SEQ.incrementAndGet() + ".0004");
        action.putObject("text").put("type", "plain_text").put("text", "Next").put("emoji", true);
        return SlackSigner.interaction(modalAction(userId, slackView(view), action).toString());
    }

    /** Enter pressed in the search box. */
    public static String search(String userId, ObjectNode view, String text) {
        ObjectNode v = slackView(view);
        ((ObjectNode) v.path("state").path("values")).putObject("search").putObject("ub.owner_does_search")
                .put("type", "plain_text_input").put("value", text);
        ObjectNode action = JSON.createObjectNode().put("type", "plain_text_input")
                .put("action_id", "ub.owner_does_search").put("block_id", "search").put("value", text)
                .put("action_ts", "1700000" + SEQ.incrementAndGet() + ".0005");
        return SlackSigner.interaction(modalAction(userId, v, action).toString());
    }

    /** Done pressed, with picks on screen ({@code picks}: project_repo id -> level key). */
    public static String done(String userId, ObjectNode view, Map<Long, String> picks) {
        ObjectNode v = slackView(view);
        ObjectNode values = (ObjectNode) v.path("state").path("values");
        picks.forEach((id, key) -> {
            String actionId = "ub.owner_does_pick:" + id;
            ObjectNode selected = JSON.createObjectNode();
            selected.putObject("text").put("type", "plain_text").put("text", LEVELS.byKey(key).orElseThrow().label())
                    .put("emoji", true);
            selected.put("value", key);
            values.putObject(blockIdOf(view, actionId)).putObject(actionId).put("type", "static_select")
                    .set("selected_option", selected);
        });
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission").put("token", "legacy-verification-token")
                .put("trigger_id", trigger()).put("api_app_id", "A0UPGRADE").put("is_enterprise_install", false);
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putObject("user").put("id", userId).put("username", "u-" + userId).put("name", "u-" + userId)
                .put("team_id", "T0001");
        p.set("view", v);
        p.putArray("response_urls");
        p.putNull("enterprise");
        return SlackSigner.interaction(p.toString());
    }

    private static ObjectNode modalAction(String userId, ObjectNode view, ObjectNode action) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions");
        p.putObject("user").put("id", userId).put("username", "u-" + userId).put("name", "u-" + userId)
                .put("team_id", "T0001");
        p.put("api_app_id", "A0UPGRADE").put("token", "legacy-verification-token");
        p.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
        p.put("trigger_id", trigger());
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putNull("enterprise");
        p.put("is_enterprise_install", false);
        p.set("view", view);
        p.putArray("actions").add(action);
        return p;
    }

    /** The view as Slack echoes it: the drawn view plus the fields Slack adds. */
    private static ObjectNode slackView(ObjectNode drawn) {
        ObjectNode v = drawn.deepCopy();
        v.put("id", "V0MODAL").put("team_id", "T0001").put("hash", "1700000001.abcdef")
                .put("root_view_id", "V0MODAL").put("app_id", "A0UPGRADE").put("app_installed_team_id", "T0001")
                .put("bot_id", "B0BOT").put("external_id", "").put("clear_on_close", false)
                .put("notify_on_close", false).putNull("previous_view_id");
        v.putObject("state").putObject("values");
        return v;
    }

    private static String blockIdOf(ObjectNode view, String actionId) {
        for (JsonNode b : view.path("blocks")) {
            if (b.path("accessory").path("action_id").asText().equals(actionId)) {
                return b.path("block_id").asText();
            }
        }
        throw new AssertionError("no block with " + actionId + " in the modal");
    }

    private static JsonNode formJson(String body, String field) {
        return form(body).path(field);
    }

    /** A form-encoded Web API call, JSON-valued fields parsed. */
    public static JsonNode form(String body) {
        ObjectNode out = JSON.createObjectNode();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            try {
                out.set(k,
                        v.startsWith("{") || v.startsWith("[") ? JSON.readTree(v) : JSON.getNodeFactory().textNode(v));
            } catch (Exception e) {
                out.put(k, v);
            }
        }
        return out;
    }
}
