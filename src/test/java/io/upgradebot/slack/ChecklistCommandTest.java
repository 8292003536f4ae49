package io.upgradebot.slack;

import static io.upgradebot.support.OwnerDoesFixtures.CHANNEL;
import static io.upgradebot.support.OwnerDoesFixtures.ORCHESTRATOR;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.BlockKitLimits;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade checklist}: the runbook checklist in a modal by phase; an orchestrator's click ticks exactly that
 * line of the roadmap issue on GitHub (a person's concurrent edit kept) and the modal shows who ticked it when;
 * others see it read-only and are refused; unknown and finished projects are refused; {@code /upgrade ask} ticks the
 * announcement step.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class ChecklistCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String ROADMAP_REPO = "openedx/platform-roadmap";
    private static final String SEND = RunbookChecklist.load().item(RunbookChecklist.SEND_ANNOUNCEMENT).orElseThrow()
            .text();

    @Inject
    AfterAckExecutor afterAck;

    private GitHubFake.BoardState board;

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
    }

    @AfterEach
    void quiet() {
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
    }

    @Test
    void anOrchestratorsTickRoundTripsFromSlackToTheRoadmapIssueAndBack() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));

        ObjectNode view = open(ORCHESTRATOR, p.slug());
        String text = view.toString();
        for (String phase : List.of("Identify the need", "Plan", "Communicate", "Update the code", "Deploy",
                "Clean up")) {
            assertTrue(text.contains("\"text\":\"" + phase + "\""), "a header for " + phase);
        }
        BlockKitLimits.assertModalJson(view.toString());
        assertTrue(view.path("blocks").size() <= 60, "about one block per item: " + view.path("blocks").size());
        JsonNode item = block(view, RunbookChecklist.SEND_ANNOUNCEMENT);
        assertEquals("tick", item.path("accessory").path("value").asText());

        String before = body(number);
        // a person edits the description while the bot is between reading and writing it
        GitHubFake.INSTANCE.editAfterNextRead(ROADMAP_REPO, number, b -> b.replace("### Tasks",
                "### Tasks\n\nAlice: we start in March."));
        int updates = viewUpdates();
        click(ORCHESTRATOR, view, RunbookChecklist.SEND_ANNOUNCEMENT, "tick");
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        String after = body(number);
        assertTrue(after.contains("Alice: we start in March."), "the person's edit is kept");
        assertEquals(before.replace("### Tasks", "### Tasks\n\nAlice: we start in March.")
                .replace("- [ ] " + SEND, "- [x] " + SEND), after, "only that checkbox changed");
        Eventually.await(WAIT, "the modal redrawn", () -> viewUpdates() > updates);
        ObjectNode redrawn = OwnerDoesFixtures.lastViewUpdate();
        JsonNode ticked = block(redrawn, RunbookChecklist.SEND_ANNOUNCEMENT);
        assertTrue(ticked.path("text").path("text").asText().startsWith(":white_check_mark:"));
        assertTrue(ticked.path("text").path("text").asText().contains("ticked by <@" + ORCHESTRATOR + ">, <!date^"),
                "who and when: " + ticked);
        assertEquals("untick", ticked.path("accessory").path("value").asText());

        // the same click again (a double click on the old view) is no second write
        click(ORCHESTRATOR, view, RunbookChecklist.SEND_ANNOUNCEMENT, "tick");
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(1, checklistWrites(p));
        assertEquals(after, body(number));

        // and untick
        click(ORCHESTRATOR, redrawn, RunbookChecklist.SEND_ANNOUNCEMENT, "untick");
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(2, checklistWrites(p));
        assertEquals(after.replace("- [x] " + SEND, "- [ ] " + SEND), body(number));
        Eventually.await(WAIT, "the modal shows it unticked", () -> block(OwnerDoesFixtures.lastViewUpdate(),
                RunbookChecklist.SEND_ANNOUNCEMENT).path("text").path("text").asText().contains("unticked by <@"));
    }

    @Test
    void othersSeeItReadOnlyAndTheirClickChangesNothing() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        ObjectNode readOnly = open("U0ANYONE", p.slug());
        for (JsonNode b : readOnly.path("blocks")) {
            assertTrue(b.path("accessory").isMissingNode(), "no buttons: " + b);
        }
        assertTrue(readOnly.toString().contains("Read only"));

        // a click made up from an orchestrator's view
        ObjectNode orchestrators = open(ORCHESTRATOR, p.slug());
        int updates = viewUpdates();
        click("U0ANYONE", orchestrators, RunbookChecklist.SEND_ANNOUNCEMENT, "tick");
        Eventually.await(WAIT, "the refusal", () -> viewUpdates() > updates);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertTrue(OwnerDoesFixtures.lastViewUpdate().toString()
                .contains("Only orchestrators tick and untick the runbook checklist"));
        assertEquals(0, checklistWrites(p));
        assertFalse(RunbookChecklist.load().tickedIn(body(number)).contains(RunbookChecklist.SEND_ANNOUNCEMENT));
    }

    @Test
    void unknownAndFinishedProjectsAreRefusedAndNothingChanges() {
        SlackSigner.postForm(SlackSigner.command("checklist no-such-upgrade", ORCHESTRATOR, CHANNEL, trigger()))
                .statusCode(200).body("text", containsString("There is no project `no-such-upgrade`"));

        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        ObjectNode view = open(ORCHESTRATOR, p.slug());
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity e = UpgradeProjectEntity.findById(p.projectId());
            e.state = ProjectState.CLOSED;
        });
        SlackSigner.postForm(SlackSigner.command("checklist " + p.slug(), ORCHESTRATOR, CHANNEL, trigger()))
                .statusCode(200).body("text", containsString("is finished"))
                .body("text", containsString("Nothing was changed"));

        int updates = viewUpdates();
        click(ORCHESTRATOR, view, RunbookChecklist.SEND_ANNOUNCEMENT, "tick");
        Eventually.await(WAIT, "the refusal", () -> viewUpdates() > updates);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertTrue(OwnerDoesFixtures.lastViewUpdate().toString().contains("not under way"));
        assertEquals(0, checklistWrites(p));
        assertFalse(RunbookChecklist.load().tickedIn(body(number)).contains(RunbookChecklist.SEND_ANNOUNCEMENT));
    }

    @Test
    void askingTheOwnersTicksTheAnnouncementStep() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        SlackSigner.postForm(SlackSigner.command("ask " + p.slug(), ORCHESTRATOR, CHANNEL, trigger()))
                .statusCode(200);
        Eventually.await(WAIT, "the announcement step ticked on GitHub", () -> RunbookChecklist.load()
                .tickedIn(body(number)).contains(RunbookChecklist.SEND_ANNOUNCEMENT));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), RunbookChecklist.load().tickedIn(body(number)),
                "nothing else ticked");
        JsonNode item = block(open(ORCHESTRATOR, p.slug()), RunbookChecklist.SEND_ANNOUNCEMENT);
        assertTrue(item.path("text").path("text").asText().contains("ticked by the bot"), item.toString());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String trigger() {
        return OwnerDoesFixtures.trigger();
    }

    /** Runs the command and answers the modal it fills. */
    private static ObjectNode open(String user, String slug) {
        int updates = viewUpdates();
        SlackSigner.postForm(SlackSigner.command("checklist " + slug, user, CHANNEL, trigger())).statusCode(200);
        Eventually.await(WAIT, "the checklist modal filled", () -> viewUpdates() > updates
                && OwnerDoesFixtures.lastViewUpdate().toString().contains("Identify the need"));
        return OwnerDoesFixtures.lastViewUpdate();
    }

    private static int viewUpdates() {
        return OwnerDoesFixtures.sent("views.update").size();
    }

    private static JsonNode block(ObjectNode view, String itemId) {
        for (JsonNode b : view.path("blocks")) {
            if (b.path("block_id").asText().equals("item:" + itemId)) {
                return b;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + view);
    }

    /** A click on an item's button, as Slack sends it from the modal (the view as drawn, with Slack's fields). */
    private static void click(String user, ObjectNode drawn, String itemId, String value) {
        ObjectNode v = drawn.deepCopy();
        v.put("id", "V0MODAL").put("team_id", "T0001").put("hash", "1700000001.abcdef").put("root_view_id", "V0MODAL")
                .put("app_id", "A0UPGRADE").put("bot_id", "B0BOT");
        v.putObject("state").putObject("values");
        JsonNode accessory = block(drawn, itemId).path("accessory");
        String actionId = accessory.isMissingNode()
                ? ActionIds.CHECKLIST_TOGGLE.id(itemId)
                : accessory.path("action_id").asText();
        ObjectNode action = JSON.createObjectNode().put("type", "button").put("action_id", actionId)
                .put("block_id", "item:" + itemId).put("value", value)
                .put("action_ts", "1700001" + SEQ.incrementAndGet() + ".000300");
        action.putObject("text").put("type", "plain_text").put("text", "Tick");
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "u-" + user).put("name", "u-" + user)
                .put("team_id", "T0001");
        p.put("api_app_id", "A0UPGRADE").put("token", "legacy-verification-token");
        p.putObject("container").put("type", "view").put("view_id", "V0MODAL");
        p.put("trigger_id", trigger());
        p.putObject("team").put("id", "T0001").put("domain", "acme");
        p.putNull("enterprise");
        p.put("is_enterprise_install", false);
        p.set("view", v);
        p.putArray("actions").add(action);
        SlackSigner.postForm(SlackSigner.interaction(p.toString())).statusCode(200);
    }

    private static int roadmapIssue(Seeded p, String body) {
        int number = GitHubFake.INSTANCE.addHumanIssue(ROADMAP_REPO, "Django 5.2 upgrade", body, GitHubFake.BOT_LOGIN)
                .path("number").asInt();
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity e = UpgradeProjectEntity.findById(p.projectId());
            e.roadmapIssueNumber = number;
        });
        return number;
    }

    private static String body(int number) {
        JsonNode issue = GitHubFake.INSTANCE.issue(ROADMAP_REPO, number);
        assertNotNull(issue);
        return issue.path("body").asText();
    }

    private static long checklistWrites(Seeded p) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count("projectId = ?1 and kind = ?2",
                p.projectId(), "SET_CHECKLIST_ITEMS"));
    }
}
