package io.upgradebot.project.sync;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.upgradebot.domain.ChildIssue;
import io.upgradebot.domain.CloseReason;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.domain.RoadmapIssueBody;
import io.upgradebot.domain.RoadmapSummary;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.WriteQueueLoop;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.web.GitHubDeliveries;
import io.upgradebot.web.GitHubWebhookSignature;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub → bot → Slack, over signed webhooks as GitHub sends them: people closing and reopening repository issues
 * tick exactly their lines in the roadmap issue (the rest of its body kept), change the status message's counts and
 * get one line each in the status thread; a board Status edit by a person shows, the bot's echo does not; ticks in
 * the roadmap issue's runbook checklist are read back; repeats and unknown issues change nothing.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class GitHubChangesFlowBackTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ROADMAP_REPO = "openedx/platform-roadmap";
    private static final String HUMAN_NOTE = "Note from a person: ping #upgrades before merging.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    GitHubDeliveries deliveries;
    @Inject
    WriteQueueLoop worker;
    @Inject
    ReadBackChecklistTicks checklistTicks;

    private GitHubFake.BoardState board;

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
    }

    @AfterEach
    void quiet() {
        worker.resume();
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        OwnerDoesFixtures.settle(); // status message edits land in this test, not the next
    }

    @Test
    void closingThreeOfFiveIssuesTicksExactlyThoseLinesOnceEachInOneBodyWrite() {
        Map<String, String> repos = new LinkedHashMap<>();
        for (String r : List.of("svc-a", "svc-b", "svc-c", "svc-d", "svc-e")) {
            repos.put("openedx/" + r, "openedx/arch");
        }
        Seeded p = OwnerDoesFixtures.seed(board, repos);
        int roadmap = withRoadmapIssue(p);
        List<String> closedOnes = List.of("openedx/svc-a", "openedx/svc-c", "openedx/svc-e");

        worker.pause(); // the queue holds its writes: the closes arrive "in a short time"
        List<String> deliveryIds = new ArrayList<>();
        for (String r : closedOnes) {
            String id = UUID.randomUUID().toString();
            deliveryIds.add(id);
            deliver("issues", id, issueEvent("closed", p, r, "completed", "alice")).statusCode(202);
        }
        // GitHub's "Redeliver" of each: recognised, nothing happens
        for (int i = 0; i < closedOnes.size(); i++) {
            deliver("issues", deliveryIds.get(i), issueEvent("closed", p, closedOnes.get(i), "completed", "alice"))
                    .statusCode(200).body(equalTo("already processed"));
        }
        Eventually.await(WAIT, "the three closes reflected", () -> closedOnes.stream()
                .allMatch(r -> repo(p.id(r)).issueState == RepoIssueState.CLOSED));
        // the same close again in another delivery (a second hook, a replayed event): not a change
        deliver("issues", UUID.randomUUID().toString(), issueEvent("closed", p, "openedx/svc-a", "completed", "alice"))
                .statusCode(202);
        Eventually.await(WAIT, "deliveries handled", () -> deliveries.inFlight() == 0);

        List<GitHubWriteEntity> childWrites = childrenWrites(p);
        assertEquals(1, childWrites.size(), "three closes while the queue waited: one write of the child list");
        assertEquals(GitHubWriteEntity.State.PENDING, childWrites.get(0).state);

        worker.resume();
        Eventually.await(WAIT, "the roadmap issue lists 3 closed",
                () -> roadmapBody(roadmap).contains("(5: 2 open, 3 closed)"));
        String body = roadmapBody(roadmap);
        Map<String, Boolean> ticks = childTicks(body);
        assertEquals(5, ticks.size(), body);
        for (String r : repos.keySet()) {
            assertEquals(closedOnes.contains(r), ticks.get(r), r + " in\n" + body);
        }
        assertTrue(body.contains(HUMAN_NOTE), "the person's edit outside the bot's section is kept");

        Eventually.await(WAIT, "the status message shows 3 of 5 closed",
                () -> lastStatusText(p).contains("5 issues (2 open, 3 closed)"));
        Eventually.await(WAIT, "three lines in the status thread", () -> threadLines("closed by @alice").size() == 3);
        quiet();
        List<String> lines = threadLines("closed by @alice");
        assertEquals(3, lines.size(), "each close told once: " + lines);
        for (String r : closedOnes) {
            assertEquals(1, lines.stream().filter(l -> l.contains(r + "#")).count(), r + " in " + lines);
        }
        assertEquals(1, childrenWrites(p).size(), "no second body write for a repeated state");
    }

    @Test
    void aChildListWriteThatRanWithAnOlderListIsFollowedByOneWithTheCurrentList() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/late-t", "openedx/arch", "openedx/late-s",
                "openedx/arch"));
        int roadmap = withRoadmapIssue(p);
        int number = repo(p.id("openedx/late-t")).issueNumber;
        worker.pause();
        deliver("issues", UUID.randomUUID().toString(), issueEvent("closed", p, "openedx/late-t", "completed", "erin"))
                .statusCode(202);
        Eventually.await(WAIT, "a child list write waits", () -> childrenWrites(p).size() == 1);
        // that write was claimed with the list from before the close (its claim read the payload just before the
        // close replaced it) and is done: the queue reports what it ran with
        GitHubWriteEntity first = childrenWrites(p).get(0);
        var stale = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.createObjectNode()
                .put("repo", ROADMAP_REPO).put("number", roadmap).put("section", RoadmapIssueBody.CHILDREN)
                .put("content", "### Repository issues (2: 2 open, 0 closed)");
        QuarkusTransaction.requiringNew().run(() -> {
            GitHubWriteEntity.update("state = ?1 where id = ?2", GitHubWriteEntity.State.DONE, first.id);
            io.quarkus.arc.Arc.container().beanManager().getEvent().select(io.upgradebot.github.WriteOutcome.class)
                    .fire(new io.upgradebot.github.WriteOutcome(first.id, first.idempotencyKey,
                            io.upgradebot.github.WriteKind.REPLACE_BODY_SECTION, first.projectId, stale,
                            JSON.createObjectNode().put("changed", true), true, null));
        });
        List<GitHubWriteEntity> writes = childrenWrites(p);
        assertEquals(2, writes.size(), "one more write, with the current list");
        assertTrue(writes.stream().anyMatch(x -> x.state == GitHubWriteEntity.State.PENDING
                && x.payload.contains("- [x] openedx/late-t#" + number)), writes.toString());
        worker.resume();
        Eventually.await(WAIT, "the roadmap issue shows the close",
                () -> roadmapBody(roadmap).contains("- [x] openedx/late-t#" + number + "\n"));
    }

    @Test
    void closedAsNotPlannedReadsDifferentlyAndReopeningUnticks() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/legacy-x", "openedx/arch", "openedx/kept-y",
                "openedx/arch"));
        int roadmap = withRoadmapIssue(p);
        int number = repo(p.id("openedx/legacy-x")).issueNumber;

        deliver("issues", UUID.randomUUID().toString(),
                issueEvent("closed", p, "openedx/legacy-x", "not_planned", "bob")).statusCode(202);
        Eventually.await(WAIT, "struck through as not planned", () -> roadmapBody(roadmap)
                .contains("- [x] ~~openedx/legacy-x#" + number + "~~ (not planned)"));
        assertTrue(roadmapBody(roadmap).contains("(2: 1 open, 1 closed: 1 not planned)"), roadmapBody(roadmap));
        assertEquals(CloseReason.NOT_PLANNED, repo(p.id("openedx/legacy-x")).issueCloseReason);
        Eventually.await(WAIT, "the thread says not planned",
                () -> threadLines("closed as *not planned* by @bob").size() == 1);
        assertEquals(List.of(), threadLines("closed by @bob"), "not told as done");
        Eventually.await(WAIT, "the status message says it",
                () -> lastStatusText(p).contains("2 issues (1 open, 1 closed: 1 not planned)"));

        deliver("issues", UUID.randomUUID().toString(), issueEvent("reopened", p, "openedx/legacy-x", null, "bob"))
                .statusCode(202);
        Eventually.await(WAIT, "unticked again",
                () -> roadmapBody(roadmap).contains("- [ ] openedx/legacy-x#" + number + "\n"));
        Eventually.await(WAIT, "the thread says reopened", () -> threadLines("reopened by @bob").size() == 1);
        assertNull(repo(p.id("openedx/legacy-x")).issueCloseReason);
        Eventually.await(WAIT, "the status message counts it open",
                () -> lastStatusText(p).contains("2 issues (2 open, 0 closed)"));
    }

    @Test
    void aWebhookForAnIssueTheBotDoesNotKnowChangesNothing() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/known-z", "openedx/arch"));
        int roadmap = withRoadmapIssue(p);
        String before = roadmapBody(roadmap);
        OwnerDoesFixtures.settle(); // what earlier tests left under way lands before the baseline, not after it
        long writes = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count());
        long posts = messagesAbout(p);
        JsonNode stranger = GitHubFake.INSTANCE.addHumanIssue("openedx/known-z", "Unrelated bug", "It breaks.",
                "someone");

        deliver("issues", UUID.randomUUID().toString(), json("""
                {"action":"closed","issue":{"id":%d,"node_id":"%s","number":%d,"title":"Unrelated bug",
                  "state":"closed","state_reason":"completed","user":{"login":"someone"}},
                 "repository":{"id":2,"node_id":"R_1","name":"known-z","full_name":"openedx/known-z"},
                 "sender":{"login":"alice","type":"User"}}""".formatted(stranger.path("id").asLong(),
                stranger.path("node_id").asText(), stranger.path("number").asInt()))).statusCode(202);
        deliver("issues", UUID.randomUUID().toString(), json("""
                {"action":"closed","issue":{"id":1,"node_id":"I_nowhere","number":4242,"state":"closed",
                  "state_reason":"completed"},
                 "repository":{"id":3,"name":"nowhere","full_name":"elsewhere/nowhere"},
                 "sender":{"login":"alice","type":"User"}}""")).statusCode(202);
        // a board edit of an item that is no project's
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit("PVTI_stranger", "I_nowhere", "Status", "Todo", "Done", "alice")).statusCode(202);
        // an edit of an issue that is no roadmap issue
        deliver("issues", UUID.randomUUID().toString(), json("""
                {"action":"edited","changes":{"body":{"from":"- [ ] Select an orchestration team"}},
                 "issue":{"id":1,"node_id":"I_nowhere","number":4242,"body":"- [x] Select an orchestration team"},
                 "repository":{"id":3,"name":"nowhere","full_name":"elsewhere/nowhere"},
                 "sender":{"login":"alice","type":"User"}}""")).statusCode(202);
        quiet();

        assertEquals(RepoIssueState.OPEN, repo(p.id("openedx/known-z")).issueState);
        assertEquals(before, roadmapBody(roadmap));
        assertEquals(writes, QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count()), "no write");
        assertEquals(posts, messagesAbout(p), "no Slack message");
        assertEquals(Map.of(), checklistTicks.ticks(p.projectId()));
    }

    @Test
    void aPersonsBoardStatusEditShowsAndTheBotsEchoDoesNot() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/board-w", "openedx/arch"));
        long w = p.id("openedx/board-w");
        String item = repo(w).boardItemId;
        String node = repo(w).issueNodeId;
        // the bot's own write of the initial Status, echoed back (sent by the bot): nothing
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Status", null, "Todo", GitHubFake.BOT_LOGIN)).statusCode(202);
        // the same value the bot wrote, from an account the bot cannot tell is its own: still nothing
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Status", null, "Todo", "ci-token-owner")).statusCode(202);
        quiet();
        assertEquals(List.of(), threadLines("on the board by"));
        assertNull(repo(w).boardStatus);

        String delivery = UUID.randomUUID().toString();
        byte[] edit = boardEdit(item, node, "Status", "Todo", "In Progress", "jane");
        deliver("projects_v2_item", delivery, edit).statusCode(202);
        Eventually.await(WAIT, "the thread says it",
                () -> threadLines("Status Todo → *In Progress* on the board by @jane").size() == 1);
        Eventually.await(WAIT, "the status message counts it",
                () -> lastStatusText(p).contains("*Board status:* In Progress 1"));
        deliver("projects_v2_item", delivery, edit).statusCode(200).body(equalTo("already processed"));
        // the bot's echo, and the same value again from another delivery: nothing
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Status", "In Progress", "Done", GitHubFake.BOT_LOGIN)).statusCode(202);
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Status", "Todo", "In Progress", "jane")).statusCode(202);
        quiet();
        assertEquals("In Progress", repo(w).boardStatus);
        assertEquals(1, threadLines("on the board by").size(), threadLines("on the board by").toString());
    }

    @Test
    void aPersonsOwnerDoesEditShowsInTheStatusMessageOnceAndTheSameValueAgainDoesNothing() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/owner-u", "openedx/arch"));
        long u = p.id("openedx/owner-u");
        String item = repo(u).boardItemId;
        String node = repo(u).issueNodeId;
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Owner Does", "TBD", "Owner reviews", "jane")).statusCode(202);
        Eventually.await(WAIT, "the status message counts the level",
                () -> lastStatusText(p).contains("Owner reviews 1"));
        Eventually.await(WAIT, "one line in the thread",
                () -> threadLines("set on the board by `jane`").size() == 1);
        // the value the bot already has, from another delivery (the bot's write echoed under a person's token)
        deliver("projects_v2_item", UUID.randomUUID().toString(),
                boardEdit(item, node, "Owner Does", "TBD", "Owner reviews", "jane")).statusCode(202);
        quiet();
        assertEquals(1, threadLines("set on the board by").size());
        assertEquals("owner-reviews", repo(u).ownerDoes);
    }

    @Test
    void ticksAPersonMakesInTheRoadmapChecklistAreReadBack() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/check-v", "openedx/arch"));
        int roadmap = withRoadmapIssue(p);
        RunbookChecklist checklist = RunbookChecklist.load();
        String before = roadmapBody(roadmap);
        String after = checklist.tick(before,
                Set.of(RunbookChecklist.SEND_ANNOUNCEMENT, RunbookChecklist.SET_MILESTONE));
        assertFalse(before.equals(after));
        Instant at = Instant.parse("2026-11-30T09:15:00Z");

        deliver("issues", UUID.randomUUID().toString(), roadmapEdited(p, roadmap, before, after, "carol", at))
                .statusCode(202);
        Eventually.await(WAIT, "the ticks read back", () -> checklistTicks.ticks(p.projectId()).size() == 2);
        Map<String, ReadBackChecklistTicks.ReadBackTick> ticks = checklistTicks.ticks(p.projectId());
        assertEquals(new ReadBackChecklistTicks.ReadBackTick(RunbookChecklist.SEND_ANNOUNCEMENT, true, "carol", at),
                ticks.get(RunbookChecklist.SEND_ANNOUNCEMENT));
        assertTrue(ticks.get(RunbookChecklist.SET_MILESTONE).ticked());

        // the bot's own write of the body (its children section) comes back: not read
        deliver("issues", UUID.randomUUID().toString(),
                roadmapEdited(p, roadmap, after, before, GitHubFake.BOT_LOGIN, at.plusSeconds(60))).statusCode(202);
        // a person unticks one
        String unticked = after.replace("- [x] Set an appropriate release milestone",
                "- [ ] Set an appropriate release milestone");
        deliver("issues", UUID.randomUUID().toString(),
                roadmapEdited(p, roadmap, after, unticked, "dave", at.plusSeconds(120))).statusCode(202);
        Eventually.await(WAIT, "the untick read back",
                () -> !checklistTicks.ticks(p.projectId()).get(RunbookChecklist.SET_MILESTONE).ticked());
        ticks = checklistTicks.ticks(p.projectId());
        assertEquals("dave", ticks.get(RunbookChecklist.SET_MILESTONE).changedBy());
        assertEquals(new ReadBackChecklistTicks.ReadBackTick(RunbookChecklist.SEND_ANNOUNCEMENT, true, "carol", at),
                ticks.get(RunbookChecklist.SEND_ANNOUNCEMENT), "untouched by the bot's echo and dave's edit");
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    /** The roadmap issue as creation leaves it (children listed, all open), with a person's note added below it. */
    private static int withRoadmapIssue(Seeded p) {
        List<ChildIssue> children = new ArrayList<>();
        QuarkusTransaction.requiringNew()
                .run(() -> io.upgradebot.store.ProjectRepoEntity.<io.upgradebot.store.ProjectRepoEntity>list(
                        "projectId = ?1 order by repo", p.projectId())
                        .forEach(r -> children.add(new ChildIssue(RepoRef.parse(r.repo), r.issueNumber, false))));
        String body = RoadmapIssueBody.render(new RoadmapSummary("Django 5.2", p.slug(), "Django", "4.2", "5.2", null,
                null, "Verawood", "Arch-BOM", null, List.of()), RunbookChecklist.load().render(Set.of()), children)
                + "\n" + HUMAN_NOTE + "\n";
        JsonNode issue = GitHubFake.INSTANCE.addHumanIssue(ROADMAP_REPO, "Django 5.2 upgrade", body,
                GitHubFake.BOT_LOGIN);
        int number = issue.path("number").asInt();
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity project = UpgradeProjectEntity.findById(p.projectId());
            project.roadmapRepo = ROADMAP_REPO;
            project.roadmapIssueNumber = number;
            project.roadmapIssueId = issue.path("id").asLong();
            project.roadmapIssueNodeId = issue.path("node_id").asText();
        });
        return number;
    }

    private static String roadmapBody(int number) {
        return GitHubFake.INSTANCE.issue(ROADMAP_REPO, number).path("body").asText();
    }

    /** repo → ticked, for every task line of the children section. */
    private static Map<String, Boolean> childTicks(String body) {
        String section = body.substring(body.indexOf("upgrade-bot:section:children:start"),
                body.indexOf("upgrade-bot:section:children:end"));
        Map<String, Boolean> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^- \\[([ x])\\] (?:~~)?([\\w.-]+/[\\w.-]+)#\\d+").matcher(section);
        while (m.find()) {
            out.put(m.group(2), m.group(1).equals("x"));
        }
        return out;
    }

    private static List<GitHubWriteEntity> childrenWrites(Seeded p) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.list("idempotencyKey like ?1",
                "p:" + p.slug() + ":children:%"));
    }

    /**
     * Slack posts and edits naming {@code p}, its repository or the unknown ones this class delivers (another test's
     * project refreshed late is not this project's message).
     */
    private static long messagesAbout(Seeded p) {
        return OwnerDoesFixtures.messagesNaming(List.of(p.slug(), "known-z", "nowhere", "Unrelated bug"));
    }

    /**
     * The latest text of {@code p}'s status message: its last edit, or the post that created it. Other projects'
     * status messages (a refresh of an earlier test's project landing late) do not count.
     */
    private static String lastStatusText(Seeded p) {
        List<JsonNode> updates = sent("chat.update").stream().filter(m -> m.toString().contains(p.slug())).toList();
        if (!updates.isEmpty()) {
            return updates.get(updates.size() - 1).toString();
        }
        List<JsonNode> posts = sent("chat.postMessage").stream().filter(m -> m.path("thread_ts").asText().isEmpty())
                .filter(m -> m.toString().contains(p.slug())).toList();
        return posts.isEmpty() ? "" : posts.get(posts.size() - 1).toString();
    }

    /** Replies in the status thread whose text contains {@code text}. */
    private static List<String> threadLines(String text) {
        return sent("chat.postMessage").stream().filter(m -> !m.path("thread_ts").asText().isEmpty())
                .map(m -> m.path("text").asText()).filter(t -> t.contains(text)).toList();
    }

    private static ValidatableResponse deliver(String event, String delivery, byte[] body) {
        return given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-Hub-Signature-256", GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, body)).body(body)
                .post("/github/webhook").then();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An {@code issues} closed / reopened delivery for a repository issue of the project, as GitHub sends it. */
    private static byte[] issueEvent(String action, Seeded p, String repoName, String stateReason, String sender) {
        var r = repo(p.id(repoName));
        return json("""
                {"action":"%s","issue":{"id":%d,"node_id":"%s","number":%d,"title":"Upgrade to Django 5.2",
                  "state":"%s","state_reason":%s,"user":{"login":"upgrade-bot"},"html_url":"%s"},
                 "repository":{"id":2,"node_id":"R_1","name":"%s","full_name":"%s","private":false},
                 "sender":{"login":"%s","id":1234567,"type":"User"}}"""
                .formatted(action, r.issueId, r.issueNodeId, r.issueNumber, action.equals("closed") ? "closed" : "open",
                        stateReason == null ? "null" : "\"" + stateReason + "\"", r.issueUrl,
                        repoName.substring(repoName.indexOf('/') + 1), repoName, sender));
    }

    /** An {@code issues} edited delivery of the roadmap issue: its body went from {@code from} to {@code to}. */
    private static byte[] roadmapEdited(Seeded p, int number, String from, String to, String sender, Instant at) {
        JsonNode issue = GitHubFake.INSTANCE.issue(ROADMAP_REPO, number);
        var payload = JSON.createObjectNode().put("action", "edited");
        payload.putObject("changes").putObject("body").put("from", from);
        payload.putObject("issue").put("id", issue.path("id").asLong()).put("node_id", issue.path("node_id").asText())
                .put("number", number).put("title", "Django 5.2 upgrade").put("body", to).put("state", "open")
                .put("updated_at", at.toString());
        payload.putObject("repository").put("id", 7).put("name", "platform-roadmap").put("full_name", ROADMAP_REPO);
        payload.putObject("sender").put("login", sender).put("type", "User");
        return json(payload.toString());
    }

    /** A projects_v2_item "edited" delivery of a single-select field on the configured board. */
    private byte[] boardEdit(String itemId, String contentNodeId, String field, String from, String to,
            String sender) {
        return json("""
                {"action":"edited",
                 "projects_v2_item":{"id":87654321,"node_id":"%s","project_node_id":"%s","content_node_id":"%s",
                  "content_type":"Issue","updated_at":"%s"},
                 "changes":{"field_value":{"field_node_id":"PVTSSF_f","field_type":"single_select","field_name":"%s",
                  "project_number":51,"from":%s,"to":{"id":"t1","name":"%s","color":"GRAY","description":""}}},
                 "organization":{"login":"openedx"},
                 "sender":{"login":"%s","id":1234567,"type":"User"}}"""
                .formatted(itemId, board.id, contentNodeId, Instant.now(), field,
                        from == null ? "null" : "{\"id\":\"f1\",\"name\":\"" + from + "\"}", to, sender));
    }
}
