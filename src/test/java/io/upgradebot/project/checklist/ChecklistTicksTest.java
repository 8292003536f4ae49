package io.upgradebot.project.checklist;

import static io.upgradebot.support.OwnerDoesFixtures.ORCHESTRATOR;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.ChecklistItemEntity;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticking the runbook checklist of a roadmap issue: only the checkbox of the item's line changes on GitHub, a
 * person's edit made while the bot writes is kept, a repeated tick is one write, and a line a person reworded or
 * removed is left alone and reported once in the status thread.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class ChecklistTicksTest {

    static final String ROADMAP_REPO = "openedx/platform-roadmap";
    static final String SEND = "Send an [announcement](https://openedx.atlassian.net/wiki/spaces/AC/pages/3702325257/"
            + "Upgrade-Related+Announcements) of the upgrade, asking code maintainers to read the upgrade instructions"
            + " and select an upgrade service level for each impacted repository in its corresponding issue";

    @Inject
    ChecklistTicks ticks;

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
    void aTickChangesOnlyThatCheckboxAndKeepsAPersonsEditMadeWhileTheBotWrites() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        String before = body(number);
        // someone adds a line to the summary right after the bot read the body
        GitHubFake.INSTANCE.editAfterNextRead(ROADMAP_REPO, number, b -> b + "\nNote from Alice.");

        ticks.tick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);

        String after = body(number);
        assertTrue(after.endsWith("\nNote from Alice."), "the person's edit is kept: " + after);
        assertEquals(List.of("- [ ] " + SEND + " → - [x] " + SEND), changedLines(before + "\nNote from Alice.", after),
                "only that checkbox changed");
        ChecklistItemEntity r = item(p.projectId(), RunbookChecklist.SEND_ANNOUNCEMENT);
        assertTrue(r.ticked);
        assertEquals(ORCHESTRATOR, r.actor);
        assertEquals(ChecklistItemEntity.Source.SLACK, r.source);
    }

    @Test
    void aRepeatedTickIsOneWriteAndAnUntickAfterItIsAnother() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        String item = RunbookChecklist.TASK_LIST_OF_CHILDREN;

        ticks.tick(p.projectId(), Set.of(item), ORCHESTRATOR);
        ticks.tick(p.projectId(), Set.of(item), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(1, checklistWrites(p), "a double click is one write");
        assertEquals(1, patches(number), "one edit of the body");
        assertTrue(RunbookChecklist.load().tickedIn(body(number)).contains(item));

        ticks.untick(p.projectId(), Set.of(item), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(2, checklistWrites(p));
        assertFalse(RunbookChecklist.load().tickedIn(body(number)).contains(item), "unticked on GitHub");

        ticks.tick(p.projectId(), Set.of(item), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(3, checklistWrites(p), "a tick after an untick is a new write");
        assertTrue(RunbookChecklist.load().tickedIn(body(number)).contains(item));
    }

    @Test
    void theBotLeavesAloneAnItemAPersonUntickedAfterItTickedIt() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, RunbookChecklist.load().render(Set.of()));
        ticks.botTick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        String ticked = body(number);
        assertTrue(RunbookChecklist.load().tickedIn(ticked).contains(RunbookChecklist.SEND_ANNOUNCEMENT));

        // a person unticks it on GitHub; the webhook reads it back
        String unticked = ticked.replace("- [x] " + SEND, "- [ ] " + SEND);
        GitHubFake.INSTANCE.editBody(ROADMAP_REPO, number, unticked);
        ticks.readBack(p.projectId(), unticked, "alice");
        assertEquals("alice", item(p.projectId(), RunbookChecklist.SEND_ANNOUNCEMENT).actor);

        ticks.botTick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(unticked, body(number), "the person meant it");
        assertEquals(1, checklistWrites(p));
    }

    @Test
    void aBodyThatLostItsChecklistIsNotRewrittenAndTheThreadSaysWhatCouldNotBeTickedOnce() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/alpha", "openedx/arch"));
        int number = roadmapIssue(p, "Someone replaced the whole description.");

        ticks.tick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals("Someone replaced the whole description.", body(number));
        assertEquals(0, patches(number), "nothing written");
        io.upgradebot.support.Eventually.await(java.time.Duration.ofSeconds(10), "the thread is told",
                () -> notesAboutMissingLines() == 1);
        assertTrue(sent("chat.postMessage").stream().anyMatch(m -> m.toString().contains("Send an announcement of the"
                + " upgrade")), "names the item");

        // unticked and ticked again: still missing, but the thread was told already
        ticks.untick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), ORCHESTRATOR);
        ticks.tick(p.projectId(), Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), ORCHESTRATOR);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(3, checklistWrites(p));
        assertEquals(1, notesAboutMissingLines(), "told once");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The project's roadmap issue on the fake, with this body. */
    static int roadmapIssue(Seeded p, String body) {
        int number = GitHubFake.INSTANCE.addHumanIssue(ROADMAP_REPO, "Django 5.2 upgrade", body, GitHubFake.BOT_LOGIN)
                .path("number").asInt();
        QuarkusTransaction.requiringNew().run(() -> {
            io.upgradebot.store.UpgradeProjectEntity e = io.upgradebot.store.UpgradeProjectEntity
                    .findById(p.projectId());
            e.roadmapIssueNumber = number;
        });
        return number;
    }

    static String body(int number) {
        return GitHubFake.INSTANCE.issue(ROADMAP_REPO, number).path("body").asText();
    }

    static ChecklistItemEntity item(long projectId, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ChecklistItemEntity.find(projectId, id).orElseThrow());
    }

    static long checklistWrites(Seeded p) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count("projectId = ?1 and kind = ?2",
                p.projectId(), "SET_CHECKLIST_ITEMS"));
    }

    static long patches(int number) {
        return GitHubFake.INSTANCE.applied().stream().filter(a -> a.method().equals("PATCH")
                && a.path().equals("/repos/" + ROADMAP_REPO + "/issues/" + number)).count();
    }

    private static long notesAboutMissingLines() {
        return sent("chat.postMessage").stream()
                .filter(m -> m.toString().contains("Could not change the runbook checklist")).count();
    }

    /** "old → new" for each line that differs (bodies with the same number of lines). */
    static List<String> changedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        assertEquals(a.length, b.length, "same number of lines");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed.add(a[i] + " → " + b[i]);
            }
        }
        return changed;
    }
}
