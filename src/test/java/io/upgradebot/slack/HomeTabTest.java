package io.upgradebot.slack;

import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.home.HomeTabs;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.HomeTabViewerEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.BlockKitLimits;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SettableClock;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The App Home tab, end to end: signed {@code app_home_opened} events and Home tab clicks in, {@code views.publish}
 * out to the Slack fake, choices out to the GitHub fake's board. The bot runs on a clock the test moves, so the
 * per-person publish window is judged without waiting.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class HomeTabTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String REVIEWS_AND_MERGES = "owner-reviews-and-merges";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger EVENTS = new AtomicInteger();

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    SettableClock clock;
    @Inject
    HomeTabs homeTabs;

    private GitHubFake.BoardState board;
    private Instant now;
    private final List<Long> projects = new ArrayList<>();

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
        // whole seconds, so that "now" survives the database round trip unchanged
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.use(Clock.fixed(now, ZoneOffset.UTC));
        QuarkusTransaction.requiringNew().run(() -> HomeTabViewerEntity.deleteAll());
    }

    @AfterEach
    void quiet() {
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : projects) {
                UpgradeProjectEntity p = UpgradeProjectEntity.findById(id);
                p.state = ProjectState.CLOSED; // the other tests' Home tabs and nudges do not see them
            }
            HomeTabViewerEntity.deleteAll();
        });
        clock.useSystemClock();
    }

    @Test
    void openingHomeShowsThePersonsOwnPendingRepositoriesWithTheChoiceRightThere() {
        String mine = unique("openedx/home-mine");
        String theirs = unique("openedx/home-theirs");
        String chosen = unique("openedx/home-chosen");
        Seeded p = seed(Map.of(mine, "openedx/arch", theirs, "openedx/frontend", chosen, "openedx/arch"));
        QuarkusTransaction.requiringNew().run(() -> io.upgradebot.store.ProjectRepoEntity
                .update("ownerDoes = ?1 where id = ?2", REVIEWS_AND_MERGES, p.id(chosen)));

        openHome("U0ARCH1").statusCode(200);

        JsonNode view = awaitPublished("U0ARCH1", 1);
        String shown = SlackCalls.texts(view.toString());
        assertTrue(shown.contains(mine), shown);
        assertFalse(shown.contains(theirs), "another team's repository is not on this person's tab");
        assertFalse(shown.contains(chosen), "a repository with a level needs nothing");
        assertEquals("home", view.path("type").asText());
        assertTrue(view.toString().contains("\"action_id\":\"ub.owner_does_pick:" + p.id(mine) + "\""),
                "the Owner Does modal's own select, so a pick is the same action");
        assertEquals(List.of(), BlockKitLimits.checkView(view));
        assertFalse(shown.contains("Projects under way"), "not an orchestrator: no project list");

        openHome(OwnerDoesFixtures.ORCHESTRATOR).statusCode(200);
        String orchestrator = SlackCalls.texts(awaitPublished(OwnerDoesFixtures.ORCHESTRATOR, 1).toString());
        assertTrue(orchestrator.contains("Projects under way"), orchestrator);
        assertTrue(orchestrator.contains("Completion date 2026-04-23"), orchestrator);
        assertTrue(published(OwnerDoesFixtures.ORCHESTRATOR).get(0).toString().contains("ub.home_status"));
    }

    @Test
    void choosingFromHomeWritesTheBoardAndSomeoneOutsideTheTeamIsRefusedAsInTheChannel() {
        String platform = unique("openedx/home-platform");
        String other = unique("openedx/home-other");
        Seeded p = seed(Map.of(platform, "openedx/arch", other, "openedx/arch"));
        openHome("U0ARCH1").statusCode(200);
        ObjectNode home = (ObjectNode) awaitPublished("U0ARCH1", 1);

        // someone not in the owning team sends the same pick (a forged or stale click): refused, told who can
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0FE1", home, p.id(other), REVIEWS_AND_MERGES)).statusCode(200);
        Eventually.await(WAIT, "the refusal in the project channel", () -> SlackCalls.of("chat.postEphemeral")
                .stream().anyMatch(m -> "U0FE1".equals(m.get("user")) && m.get("text").contains(other)));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals("TBD", repo(p.id(other)).ownerDoes);
        assertEquals(null, boardValue(p, other), "the board is not touched");

        // the owner picks on the tab: recorded, written to the board like a pick in the modal
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", home, p.id(platform), REVIEWS_AND_MERGES))
                .statusCode(200);
        Eventually.await(WAIT, "the board shows the level",
                () -> "Owner reviews and merges".equals(boardValue(p, platform)));
        assertEquals(REVIEWS_AND_MERGES, repo(p.id(platform)).ownerDoes);
        assertEquals("U0ARCH1", OwnerDoesFixtures.history(p.id(platform)).get(0).chosenBy);
        assertEquals("TBD", repo(p.id(other)).ownerDoes);
    }

    @Test
    void anIdenticalViewIsNotPublishedAgain() {
        String repo = unique("openedx/home-same");
        seed(Map.of(repo, "openedx/arch"));
        openHome("U0ARCH1").statusCode(200);
        awaitPublished("U0ARCH1", 1);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        clock.use(Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC)); // well past the publish window
        openHome("U0ARCH1").statusCode(200);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(HomeTabs.Outcome.UNCHANGED, homeTabs.opened("U0ARCH1"));
        assertEquals(1, published("U0ARCH1").size(), "nothing changed: nothing sent");
    }

    @Test
    void changesWithinThePublishWindowAreShownByOneRepublishAtItsEnd() {
        String first = unique("openedx/home-first");
        String second = unique("openedx/home-second");
        String stays = unique("openedx/home-stays");
        Seeded p = seed(Map.of(first, "openedx/arch", second, "openedx/arch", stays, "openedx/arch"));
        openHome("U0ARCH1").statusCode(200);
        ObjectNode home = (ObjectNode) awaitPublished("U0ARCH1", 1);

        SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", home, p.id(first), REVIEWS_AND_MERGES))
                .statusCode(200);
        Eventually.await(WAIT, "first recorded", () -> REVIEWS_AND_MERGES.equals(repo(p.id(first)).ownerDoes));
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", home, p.id(second), REVIEWS_AND_MERGES))
                .statusCode(200);
        Eventually.await(WAIT, "second recorded", () -> REVIEWS_AND_MERGES.equals(repo(p.id(second)).ownerDoes));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        Eventually.await(WAIT, "the tab is owed a publish", () -> QuarkusTransaction.requiringNew()
                .call(() -> HomeTabViewerEntity.<HomeTabViewerEntity>findById("U0ARCH1").changedAt != null));

        HomeTabs.Flush early = homeTabs.flush();
        assertEquals(0, early.published(), "the window since the last publish is still open");
        assertEquals(1, published("U0ARCH1").size());

        clock.use(Clock.fixed(now.plusSeconds(6), ZoneOffset.UTC)); // the 5 s window has passed
        homeTabs.flush();
        Eventually.await(WAIT, "one re-publish", () -> published("U0ARCH1").size() >= 2);
        String shown = SlackCalls.texts(published("U0ARCH1").get(1).toString());
        assertFalse(shown.contains(first) || shown.contains(second), "both choices shown by the one re-publish");
        assertTrue(shown.contains(stays), shown);

        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(0, homeTabs.flush().published(), "nothing more inside the new window");
        assertEquals(2, published("U0ARCH1").size(), "two changes, one re-publish");
    }

    @Test
    void anIssueClosedOnGitHubRepublishesTheTabsThatShowIt() {
        String repo = unique("openedx/home-closing");
        Seeded p = seed(Map.of(repo, "openedx/arch"));
        String orchestrator = OwnerDoesFixtures.ORCHESTRATOR;
        openHome(orchestrator).statusCode(200);
        String before = SlackCalls.texts(awaitPublished(orchestrator, 1).toString());
        assertTrue(before.contains("0 of 1 repository issues closed"), before);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        clock.use(Clock.fixed(now.plusSeconds(6), ZoneOffset.UTC));
        byte[] closed = """
                {"action":"closed","issue":{"id":1,"node_id":"%s","number":1,"title":"Upgrade to Django 5.2",
                  "state":"closed","state_reason":"completed","user":{"login":"upgrade-bot"}},
                 "repository":{"id":2,"node_id":"R_1","name":"%s","full_name":"%s","private":false},
                 "sender":{"login":"jane","type":"User"}}"""
                .formatted(repo(p.id(repo)).issueNodeId, repo.substring(repo.indexOf('/') + 1), repo)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.restassured.RestAssured.given().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256",
                        io.upgradebot.web.GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, closed))
                .body(closed).post("/github/webhook").then().statusCode(202);

        String after = SlackCalls.texts(awaitPublished(orchestrator, 2).toString());
        assertTrue(after.contains("1 of 1 repository issues closed"), after);
    }

    @Test
    void fiveHundredRepositoriesStayWithinOneHundredBlocksAndPage() {
        Seeded p = OwnerDoesFixtures.seedMany(500, "openedx/frontend");
        projects.add(p.projectId());
        openHome("U0FE1").statusCode(200);
        ObjectNode first = (ObjectNode) awaitPublished("U0FE1", 1);
        assertEquals(List.of(), BlockKitLimits.checkView(first), "within Block Kit's limits");
        assertTrue(first.path("blocks").size() <= 100, "blocks: " + first.path("blocks").size());
        String shown = SlackCalls.texts(first.toString());
        assertTrue(shown.contains("openedx/repo-0000") && !shown.contains("openedx/repo-0030"), shown);
        assertTrue(shown.matches("(?s).*page 1 of \\d+.*"), shown);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        clock.use(Clock.fixed(now.plusSeconds(6), ZoneOffset.UTC));
        SlackSigner.postForm(OwnerDoesFixtures.button("U0FE1", first, "ub.home_page:next", "1")).statusCode(200);
        ObjectNode second = (ObjectNode) awaitPublished("U0FE1", 2);
        String next = SlackCalls.texts(second.toString());
        assertTrue(next.contains("openedx/repo-0030") && !next.contains("openedx/repo-0000 "), next);
        assertTrue(next.matches("(?s).*page 2 of \\d+.*"), next);
        assertEquals(List.of(), BlockKitLimits.checkView(second));
    }

    @Test
    void anOrchestratorsButtonsRunWhatTheCommandsRunAndOthersAreRefused() {
        String repo = unique("openedx/home-ask");
        Seeded p = seed(Map.of(repo, "openedx/arch"));
        String orchestrator = OwnerDoesFixtures.ORCHESTRATOR;
        openHome(orchestrator).statusCode(200);
        ObjectNode home = (ObjectNode) awaitPublished(orchestrator, 1);
        String project = String.valueOf(p.projectId());

        // Status: a modal opened at once, then filled with what /upgrade status shows
        SlackSigner.postForm(OwnerDoesFixtures.button(orchestrator, home, "ub.home_status", project)).statusCode(200);
        assertEquals(1, SlackCalls.count("views.open"), "opened before the ack (the trigger_id lives 3 s)");
        Eventually.await(WAIT, "the status in the modal", () -> SlackCalls.of("views.update").stream()
                .anyMatch(u -> SlackCalls.texts(u.get("view")).contains(repo)));

        // Ask owners: the announcement in the project channel, the answer in the person's DM with the bot
        SlackSigner.postForm(OwnerDoesFixtures.button(orchestrator, home, "ub.home_ask", project)).statusCode(200);
        Eventually.await(WAIT, "the announcement", () -> announcements(p) == 1);
        Eventually.await(WAIT, "the answer in a DM", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> "D0DIRECT".equals(m.get("channel"))
                        && m.get("text").contains("Asked the owning teams of 1 repositories")));

        // someone who is not an orchestrator (a forged click): refused in a DM, nothing posted in the channel
        SlackSigner.postForm(OwnerDoesFixtures.button("U0ARCH1", home, "ub.home_ask", project)).statusCode(200);
        Eventually.await(WAIT, "the refusal in a DM", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> "D0DIRECT".equals(m.get("channel"))
                        && m.get("text").contains("Only orchestrators ask the owners to choose")));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(1, announcements(p), "no second announcement");
    }

    /** {@code p}'s announcements (the channel is every seeded project's; another test's may land late). */
    private static long announcements(Seeded p) {
        return SlackCalls.of("chat.postMessage").stream()
                .filter(m -> OwnerDoesFixtures.CHANNEL.equals(m.get("channel")) && m.get("thread_ts") == null
                        && String.valueOf(m.get("blocks")).contains("Choose for my repositories")
                        && String.valueOf(m.get("blocks")).contains(p.slug()))
                .count();
    }

    @Test
    void unknownOrNonsenseEventsAreAcknowledgedAndChangeNothing() {
        for (String event : List.of(
                "{\"type\":\"app_home_opened\",\"tab\":\"home\",\"event_ts\":\"1700000000.1\"}",
                "{\"type\":\"app_home_opened\",\"user\":\"'; drop table x\",\"tab\":\"home\"}",
                "{\"type\":\"app_home_opened\",\"user\":\"U0ARCH1\",\"tab\":\"messages\"}",
                "{\"type\":\"app_home_opened\",\"user\":12,\"tab\":[1,2]}",
                "{\"type\":\"no_such_event\",\"user\":\"U0ARCH1\"}",
                "{\"type\":\"app_home_opened\",\"user\":\"U0ARCH1\",\"tab\":\"home\",\"view\":\"not a view\"}")) {
            SlackSigner.postJson(SlackSigner.eventCallback(eventId(), event)).statusCode(200);
        }
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(0, SlackCalls.count("views.publish"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> HomeTabViewerEntity.count()));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Seeded seed(Map<String, String> reposToTeams) {
        Seeded p = OwnerDoesFixtures.seed(board, new LinkedHashMap<>(reposToTeams));
        projects.add(p.projectId());
        return p;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String eventId() {
        return "Ev0HOME" + EVENTS.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static io.restassured.response.ValidatableResponse openHome(String user) {
        return SlackSigner.postJson(SlackSigner.eventCallback(eventId(), """
                {"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home","event_ts":"1700000000.000100"}"""
                .formatted(user)));
    }

    /** The views published for {@code user}, oldest first. */
    private static List<JsonNode> published(String user) {
        List<JsonNode> out = new ArrayList<>();
        for (Map<String, String> call : SlackCalls.of("views.publish")) {
            if (user.equals(call.get("user_id"))) {
                try {
                    out.add(JSON.readTree(call.get("view")));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /** Waits for the {@code n}th view published for {@code user} and answers it. */
    private static JsonNode awaitPublished(String user, int n) {
        Eventually.await(WAIT, n + " Home tab publish(es) for " + user, () -> published(user).size() >= n);
        return published(user).get(n - 1);
    }

    private String boardValue(Seeded p, String repo) {
        String item = repo(p.id(repo)).boardItemId;
        synchronized (GitHubFake.INSTANCE) {
            return board.value(item, "Owner Does");
        }
    }
}
