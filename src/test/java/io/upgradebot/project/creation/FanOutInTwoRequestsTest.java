package io.upgradebot.project.creation;

import static io.upgradebot.project.creation.UpgradeNewTest.DONE;
import static io.upgradebot.project.creation.UpgradeNewTest.ROADMAP;
import static io.upgradebot.project.creation.UpgradeNewTest.awaitState;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.github.GitHubException;
import io.upgradebot.github.GitHubSetup;
import io.upgradebot.github.GitHubTypes;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.github.WriteQueueLoop;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackCalls;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where GitHub's createIssue takes a parent and a board, a linked repository issue costs two requests: one creates,
 * links and adds it to the board, one sets all its board values. Past 100 sub-issues, and on a GitHub without those
 * inputs, each step is its own request as before. Either way each repository ends with one issue, one link (within
 * the cap) and one board item.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class FanOutInTwoRequestsTest {

    @Inject
    WriteQueueLoop worker;

    @Inject
    WriteQueue queue;

    @Inject
    GitHubSetup setup;

    GitHubFake github;
    GitHubFake.BoardState board;

    @BeforeEach
    void freshFakes() {
        Fakes.reset();
        github = GitHubFake.install();
        board = github.addMaintenanceBoard();
        // as on some organisations' boards: Source is a text field
        board.makeText("Source");
        setup.hubGateway().forgetCapabilities();
    }

    @AfterEach
    void backToNormal() {
        worker.useConfiguredPolicy();
        worker.resume();
        OwnerDoesFixtures.settle(); // the last status edit and summary land in this test, not the next
        // the next test class asks GitHub afresh (this one may have pretended to be an older GitHub)
        setup.hubGateway().forgetCapabilities();
    }

    @Test
    void aProjectOf150RepositoriesCreatesTheFirst100InTwoRequestsEachAndTheRestStepByStep() {
        UpgradeNewAtScaleTest.stubSearch("org:openedx topic:django", 150);
        worker.usePolicy(worker.policy().withWriteInterval(Duration.ZERO));
        NewProjectForm form = new NewProjectForm().name("Django 6.1 fan-out");
        form.repos = "org:openedx topic:django";
        postForm(interaction(form.payload())).statusCode(200);

        awaitState("django-6-1-fan-out", ProjectState.ACTIVE);
        Eventually.await(DONE, "every board value", () -> board.items.size() == 150 && board.items.keySet().stream()
                .allMatch(item -> "Todo".equals(board.value(item, "Status"))));
        for (int i = 0; i < 150; i++) {
            assertEquals(1, github.issues(UpgradeNewAtScaleTest.repo(i)).size(), "one issue in repository " + i);
        }
        assertEquals(100, github.subIssueIds(ROADMAP, 1).size(), "GitHub's cap: 100 sub-issues per parent");
        assertEquals(150, board.items.values().stream().distinct().count(), "one item per issue");
        List<GitHubFake.Applied> applied = github.applied();
        assertEquals(100, count(applied, "/graphql createIssue"), "100 issues created, linked and added at once");
        assertEquals(50, applied.stream().filter(a -> a.method().equals("POST")
                && a.path().matches("/repos/openedx/django-repo-\\d+/issues")).count(), "50 step by step");
        assertEquals(100, applied.stream().filter(a -> a.path().startsWith("/graphql updateProjectV2ItemFieldValue x"))
                .count(), "one request sets all values of each of the 100");
        assertEquals(50, count(applied, "/graphql addProjectV2ItemById"), "the 50 others are added one by one");
        assertEquals(0, applied.stream().filter(a -> a.path().endsWith("/sub_issues")).count(),
                "no link is a request of its own");
        for (String item : board.items.keySet()) {
            assertEquals("Django 6.1 fan-out", board.value(item, "Project"));
            assertEquals(form.team, board.value(item, "Source"), "written as text");
            assertEquals("TBD", board.value(item, "Owner Does"));
        }
        long projectId = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.findBySlug("django-6-1-fan-out").orElseThrow().id);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count(
                "projectId = ?1 and state = ?2", projectId, GitHubWriteEntity.State.FAILED)), "nothing failed");
        assertEquals(150L, QuarkusTransaction.requiringNew().call(() -> io.upgradebot.store.ProjectRepoEntity.count(
                "projectId = ?1 and boardItemId is not null", projectId)), "every board item is recorded");
    }

    @Test
    void anIssueCreatedWhoseBoardAddFailedIsCompletedOnRetryNotCreatedAgain() {
        github.failBoardAddOnNextCreate();
        NewProjectForm form = new NewProjectForm().name("Node 24 board add");
        form.product = "node";
        form.repos = "openedx/board-add-a\nopenedx/board-add-b";
        postForm(interaction(form.payload())).statusCode(200);

        awaitState("node-24-board-add", ProjectState.ACTIVE);
        Eventually.await(DONE, "both issues on the board with their values", () -> board.items.size() == 2
                && board.items.keySet().stream().allMatch(item -> "Todo".equals(board.value(item, "Status"))));
        assertEquals(1, github.issues("openedx/board-add-a").size(), "created once");
        assertEquals(1, github.issues("openedx/board-add-b").size(), "created once");
        assertEquals(2, github.subIssueIds(ROADMAP, 1).size(), "each linked once");
        List<GitHubFake.Applied> applied = github.applied();
        assertEquals(2, count(applied, "/graphql createIssue"), "the retry found the issue by its marker");
        assertEquals(1, count(applied, "/graphql addProjectV2ItemById"), "and added only what it lacked");
        assertEquals(0, count(applied, "/graphql addSubIssue"), "its link was there already");
    }

    @Test
    void aFieldGitHubRefusesFailsAloneWithGitHubsReasonAndTheOthersAreSet() {
        worker.pause();
        NewProjectForm form = new NewProjectForm().name("Vue 4 option gone");
        form.product = "vue";
        form.repos = "openedx/option-gone";
        postForm(interaction(form.payload())).statusCode(200);
        awaitState("vue-4-option-gone", ProjectState.CREATING);
        String issueKey = ProjectWriteKeys.repoIssue("vue-4-option-gone", "openedx/option-gone");
        String fieldsKey = ProjectWriteKeys.boardFields("vue-4-option-gone", "openedx/option-gone");
        Eventually.await(DONE, "the issue created, its values not yet written", () -> {
            worker.runOnce();
            return queue.status(issueKey).filter(s -> s == GitHubWriteEntity.State.DONE).isPresent();
        });
        assertTrue(queue.status(fieldsKey).filter(s -> s == GitHubWriteEntity.State.PENDING).isPresent());
        // meanwhile someone deletes the project's option on the board: the write still holds its id
        github.deleteOption("openedx", 51, "Project", "Vue 4 option gone");

        worker.resume();
        Eventually.await(DONE, "the values write failed", () -> queue.status(fieldsKey)
                .filter(s -> s == GitHubWriteEntity.State.FAILED).isPresent());
        String item = board.items.keySet().iterator().next();
        assertNull(board.value(item, "Project"));
        assertEquals("Todo", board.value(item, "Status"), "the other values are set");
        assertEquals("TBD", board.value(item, "Owner Does"));
        assertEquals(form.team, board.value(item, "Source"));
        String error = QuarkusTransaction.requiringNew()
                .call(() -> GitHubWriteEntity.findByKey(fieldsKey).orElseThrow().lastError);
        assertTrue(error.contains("\"Project\"") && error.contains("does not belong to the field"),
                "names the field and says GitHub's reason: " + error);
        assertTrue(!error.contains("\"Status\":"), "and only that field: " + error);
        Eventually.await(DONE, "the summary reports it", () -> SlackCalls.of("chat.postMessage").stream()
                .anyMatch(m -> m.get("thread_ts") != null && m.get("blocks") != null
                        && m.get("blocks").contains("board fields of openedx/option-gone")
                        && m.get("blocks").contains("does not belong to the field")));
    }

    @Test
    void onAGitHubWithoutTheInputsTheBotKeepsTheStepByStepWritesAndSaysSo() {
        github.withoutLinkedCreate();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.upgradebot.github.HubGitHubGateway");
        logger.addHandler(capture);
        try {
            NewProjectForm form = new NewProjectForm().name("Java 25 enterprise");
            form.product = "java";
            form.repos = "openedx/ghes-a\nopenedx/ghes-b";
            postForm(interaction(form.payload())).statusCode(200);
            awaitState("java-25-enterprise", ProjectState.ACTIVE);
            Eventually.await(DONE, "both on the board with their values", () -> board.items.size() == 2
                    && board.items.keySet().stream().allMatch(item -> "Todo".equals(board.value(item, "Status"))));
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("GitHub fan-out") && l.contains("lacks")),
                "the log says which path is in use: " + lines);
        List<GitHubFake.Applied> applied = github.applied();
        assertEquals(0, count(applied, "/graphql createIssue"));
        assertEquals(1, github.issues("openedx/ghes-a").size());
        assertEquals(1, github.issues("openedx/ghes-b").size());
        assertEquals(2, applied.stream().filter(a -> a.path().endsWith("/sub_issues")).count(), "linked by REST");
        assertEquals(2, github.subIssueIds(ROADMAP, 1).size());
    }

    @Test
    void aLinkPastGitHubsCapOfOneHundredIsRefusedAndCreatesNothing() {
        String parent = github.addHumanIssue(ROADMAP, "Roadmap", "", GitHubFake.BOT_LOGIN).path("node_id").asText();
        var gateway = setup.hubGateway();
        for (int i = 0; i < 100; i++) {
            gateway.createLinkedIssue("openedx/capped", new GitHubTypes.NewIssue("child " + i, "", List.of(), null),
                    parent, board.id);
        }
        GitHubException refused = assertThrows(GitHubException.class, () -> gateway.createLinkedIssue(
                "openedx/capped", new GitHubTypes.NewIssue("child 100", "", List.of(), null), parent, board.id));
        assertTrue(refused.getMessage().contains("more than 100 sub-issues"), refused.getMessage());
        assertEquals(100, github.issues("openedx/capped").size(), "GitHub created nothing for the refused one");
        assertEquals(100, github.subIssueIds(ROADMAP, 1).size());
    }

    private static long count(List<GitHubFake.Applied> applied, String path) {
        return applied.stream().filter(a -> a.path().equals(path)).count();
    }
}
