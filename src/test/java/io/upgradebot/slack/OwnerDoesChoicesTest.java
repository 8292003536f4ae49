package io.upgradebot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.OwnerDoesFixtures.CHANNEL;
import static io.upgradebot.support.OwnerDoesFixtures.ORCHESTRATOR;
import static io.upgradebot.support.OwnerDoesFixtures.history;
import static io.upgradebot.support.OwnerDoesFixtures.lastViewUpdate;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Asking" and "Writing it back", end to end: signed Slack interactions in, the choices modal and the
 * status thread out to the Slack fake, the board field and the audit comment out to the GitHub fake.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class OwnerDoesChoicesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String REVIEWS_AND_MERGES = "owner-reviews-and-merges";

    private GitHubFake.BoardState board;

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    io.upgradebot.github.WriteQueue queue;
    @Inject
    io.upgradebot.github.WriteQueueLoop worker;

    @BeforeEach
    void fakes() {
        board = OwnerDoesFixtures.freshFakes();
    }

    /** Lets this test's work after the ack and its GitHub writes finish before the next test resets the fakes. */
    @AfterEach
    void quiet() {
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
    }

    @Test
    void anOwnerChoosesInTwoClicksAndTheBoardAndIssueFollow() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/edx-platform", "openedx/arch", "openedx/credentials",
                "openedx/arch", "openedx/frontend-app-learning", "openedx/frontend"));
        long platform = p.id("openedx/edx-platform");

        // click 1: the announcement's button opens the modal at once, filled after the ack with the owner's repositories
        SlackSigner.postForm(OwnerDoesFixtures.openChoices("U0ARCH1", p.projectId())).statusCode(200);
        assertEquals(1, sent("views.open").size());
        Eventually.await(WAIT, "the modal lists the owner's repositories", () -> lastViewUpdate() != null);
        ObjectNode modal = lastViewUpdate();
        String shown = modal.toString();
        assertTrue(shown.contains("openedx/edx-platform") && shown.contains("openedx/credentials"), shown);
        assertTrue(!shown.contains("frontend-app-learning"), "another team's repository is not offered");

        // click 2: a level picked is saved at once
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", modal, platform, REVIEWS_AND_MERGES)).statusCode(200);
        Eventually.await(WAIT, "the board shows the level",
                () -> "Owner reviews and merges".equals(boardValue(p, "openedx/edx-platform")));
        Eventually.await(WAIT, "one comment on the issue", () -> comments("openedx/edx-platform").size() == 1);

        assertEquals(REVIEWS_AND_MERGES, repo(platform).ownerDoes);
        List<OwnerDoesChoiceEntity> h = history(platform);
        assertEquals(1, h.size());
        assertEquals("TBD", h.get(0).fromLevel);
        assertEquals(REVIEWS_AND_MERGES, h.get(0).toLevel);
        assertEquals("U0ARCH1", h.get(0).chosenBy);
        assertEquals("SLACK", h.get(0).via);

        String comment = comments("openedx/edx-platform").get(0).path("body").asText();
        for (String expected : List.of("Owner Does: Owner reviews and merges", "`openedx/arch`", "review, merge",
                "Arch-BOM", "plan & automate, create PRs", "Chosen by Ada Arch",
                "<!-- upgrade-bot:comment=owner-does")) {
            assertTrue(comment.contains(expected), "comment says " + expected + ": " + comment);
        }

        // the change goes to the status message's thread, not to the channel
        Eventually.await(WAIT, "the change is posted in the status thread", () -> sent("chat.postMessage").stream()
                .anyMatch(
                        m -> m.path("thread_ts").asText().length() > 0 && m.toString().contains("openedx/edx-platform")
                                && m.toString().contains("Owner reviews and merges")));
        assertTrue(sent("chat.postMessage").stream().filter(m -> m.path("thread_ts").asText().isEmpty())
                .noneMatch(m -> m.toString().contains("chosen by")), "no change details as a new channel post");

        // the modal is redrawn from the record: the repository now shows its level and who does what
        Eventually.await(WAIT, "the modal shows the saved level", () -> lastViewUpdate().toString()
                .contains(
                        "\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Owner reviews and merges\""));
        assertTrue(lastViewUpdate().toString().contains("Owning team: review, merge"));

        // nothing else was touched: the other repositories stay TBD, nothing else was written
        assertEquals("TBD", repo(p.id("openedx/credentials")).ownerDoes);
        assertEquals(0, comments("openedx/credentials").size());
    }

    @Test
    void someoneOutsideTheOwningTeamIsRefusedAndToldWhoCan() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/ecommerce", "openedx/arch"));
        long ecommerce = p.id("openedx/ecommerce");

        SlackSigner.postForm(OwnerDoesFixtures.openChoices("U0OUTSIDER", p.projectId())).statusCode(200);
        Eventually.await(WAIT, "the modal explains", () -> lastViewUpdate() != null);
        String refusal = lastViewUpdate().toString();
        assertTrue(refusal.contains("None of this project's repositories is owned by a team you are in"), refusal);
        assertTrue(refusal.contains("<@" + ORCHESTRATOR + ">"), "names the orchestrators: " + refusal);

        // a pick for a repository they do not own (a stale or forged modal) is refused, ephemerally, saying who can
        ObjectNode ownersModal = modalFor("U0ARCH1", p);
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0OUTSIDER", ownersModal, ecommerce, REVIEWS_AND_MERGES))
                .statusCode(200);
        Eventually.await(WAIT, "an ephemeral refusal", () -> !sent("chat.postEphemeral").isEmpty());
        JsonNode ephemeral = sent("chat.postEphemeral").get(0);
        assertEquals("U0OUTSIDER", ephemeral.path("user").asText());
        assertEquals(CHANNEL, ephemeral.path("channel").asText());
        assertTrue(ephemeral.path("text").asText().contains("You can't choose for *openedx/ecommerce*"));
        assertTrue(ephemeral.path("text").asText().contains("<!subteam^S0ARCH>"), "says who can");

        assertEquals("TBD", repo(ecommerce).ownerDoes);
        assertEquals(List.of(), history(ecommerce));
        assertEquals(0, comments("openedx/ecommerce").size());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count(
                "idempotencyKey like ?1", "owner-does:%r" + ecommerce + ":%")));
    }

    @Test
    void fiveHundredRepositoriesOpenPageByPageWithinSlacksLimits() {
        Seeded p = OwnerDoesFixtures.seedMany(500, "openedx/arch");

        SlackSigner.postForm(OwnerDoesFixtures.openChoices(ORCHESTRATOR, p.projectId())).statusCode(200);
        Eventually.await(WAIT, "the first page", () -> lastViewUpdate() != null);
        ObjectNode first = lastViewUpdate();
        assertTrue(first.path("blocks").size() <= 100, "blocks: " + first.path("blocks").size());
        assertTrue(first.toString().contains("openedx/repo-0000") && first.toString().contains("openedx/repo-0029"));
        assertTrue(!first.toString().contains("openedx/repo-0030"));
        assertTrue(first.toString().contains("Next 30 repositories"));
        assertTrue(first.toString().contains("all 500 repositories"), "an orchestrator gets every repository");

        int before = sent("views.update").size();
        SlackSigner.postForm(OwnerDoesFixtures.button(ORCHESTRATOR, first, "ub.owner_does_page:next", "1"))
                .statusCode(200);
        Eventually.await(WAIT, "the second page", () -> sent("views.update").size() > before);
        ObjectNode second = lastViewUpdate();
        assertTrue(second.toString().contains("openedx/repo-0030") && second.toString().contains("openedx/repo-0059"));
        assertTrue(second.toString().contains("Repositories 31–60 of 500"));
        assertTrue(second.path("blocks").size() <= 100);

        int beforeSearch = sent("views.update").size();
        SlackSigner.postForm(OwnerDoesFixtures.search(ORCHESTRATOR, second, "repo-0427")).statusCode(200);
        Eventually.await(WAIT, "the search result", () -> sent("views.update").size() > beforeSearch);
        String found = lastViewUpdate().toString();
        assertTrue(found.contains("openedx/repo-0427") && !found.contains("openedx/repo-0030"), found);

        // the last page: 500 = 16 full pages + 20
        int beforeLast = sent("views.update").size();
        SlackSigner.postForm(OwnerDoesFixtures.button(ORCHESTRATOR, first, "ub.owner_does_page:next", "16"))
                .statusCode(200);
        Eventually.await(WAIT, "the last page", () -> sent("views.update").size() > beforeLast);
        String last = lastViewUpdate().toString();
        assertTrue(last.contains("openedx/repo-0499") && last.contains("Repositories 481–500 of 500")
                && !last.contains("Next"));
        // every view sent is also checked against every Block Kit limit by the Slack fake (BlockKitLimits)
    }

    @Test
    void aDoubleClickOrASlackRetryRecordsAndWritesOnce() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/xqueue", "openedx/arch"));
        long xqueue = p.id("openedx/xqueue");
        ObjectNode modal = modalFor("U0ARCH1", p);

        String click = OwnerDoesFixtures.pick("U0ARCH1", modal, xqueue, "owner-reviews");
        SlackSigner.postForm(click).statusCode(200);
        // Slack's retry of the same delivery
        SlackSigner.post(io.restassured.http.ContentType.URLENC, click, Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).statusCode(200);
        // a second click on the same option (a new interaction with its own trigger)
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", modal, xqueue, "owner-reviews")).statusCode(200);

        Eventually.await(WAIT, "the comment", () -> comments("openedx/xqueue").size() == 1);
        Eventually.await(WAIT, "the board", () -> "Owner reviews".equals(boardValue(p, "openedx/xqueue")));
        Eventually.await(WAIT, "every write finished", () -> pendingWrites(xqueue) == 0);
        assertEquals(1, history(xqueue).size());
        assertEquals(1, comments("openedx/xqueue").size());
        assertEquals(1L, boardWritesSent(p, "openedx/xqueue"), "one board write");
    }

    @Test
    void twoPeopleChoosingAtOnceLoseNothingAndTheLastChoiceWinsEverywhere() throws Exception {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/course-discovery", "openedx/arch"));
        long discovery = p.id("openedx/course-discovery");
        ObjectNode ownerModal = modalFor("U0ARCH1", p);
        ObjectNode orchestratorModal = modalFor(ORCHESTRATOR, p);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> clicks = new ArrayList<>();
        String a = OwnerDoesFixtures.pick("U0ARCH1", ownerModal, discovery, "owner-does-everything");
        String b = OwnerDoesFixtures.pick(ORCHESTRATOR, orchestratorModal, discovery, "owner-offers-advice");
        for (String click : List.of(a, b)) {
            clicks.add(pool.submit(() -> {
                go.await();
                SlackSigner.postForm(click).statusCode(200);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : clicks) {
            f.get();
        }
        pool.shutdown();

        Eventually.await(WAIT, "both choices in the history", () -> history(discovery).size() == 2);
        Eventually.await(WAIT, "every write finished", () -> pendingWrites(discovery) == 0);
        List<OwnerDoesChoiceEntity> h = history(discovery);
        assertEquals("TBD", h.get(0).fromLevel);
        assertEquals(h.get(0).toLevel, h.get(1).fromLevel, "the second choice changed the first");
        String last = h.get(1).toLevel;
        assertEquals(last, repo(discovery).ownerDoes, "the last choice is the current level");
        String label = OwnerDoesFixtures.LEVELS.byKey(last).orElseThrow().label();
        assertEquals(label, boardValue(p, "openedx/course-discovery"), "GitHub ends where the record is");
        assertEquals(2, comments("openedx/course-discovery").size(), "one comment per choice");
    }

    @Test
    void doneSavesAPickWhoseBlockActionNeverArrivedAndNothingElse() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/blockstore", "openedx/arch", "openedx/notes",
                "openedx/arch"));
        long blockstore = p.id("openedx/blockstore");
        long notes = p.id("openedx/notes");
        ObjectNode modal = modalFor("U0ARCH1", p);

        Map<Long, String> onScreen = new LinkedHashMap<>();
        onScreen.put(blockstore, "owner-deploys-and-monitors");
        SlackSigner.postForm(OwnerDoesFixtures.done("U0ARCH1", modal, onScreen)).statusCode(200);

        Eventually.await(WAIT, "the pick is saved",
                () -> "owner-deploys-and-monitors".equals(repo(blockstore).ownerDoes));
        Eventually.await(WAIT, "the board",
                () -> "Owner deploys and monitors".equals(boardValue(p, "openedx/blockstore")));
        assertEquals("TBD", repo(notes).ownerDoes);
        assertEquals(1, history(blockstore).size());
    }

    @Test
    void aChoiceMadeBeforeTheBoardItemExistsReachesTheBoardOnceItDoes() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/edx-val", "openedx/arch"));
        long val = p.id("openedx/edx-val");
        String issueNode = repo(val).issueNodeId;
        // the project is still being created: the repository's board item is only a queued write
        worker.pause();
        QuarkusTransaction.requiringNew().run(() -> {
            io.upgradebot.store.ProjectRepoEntity r = io.upgradebot.store.ProjectRepoEntity.findById(val);
            r.boardItemId = null;
            io.upgradebot.store.UpgradeProjectEntity project = io.upgradebot.store.UpgradeProjectEntity
                    .findById(r.projectId);
            project.state = io.upgradebot.domain.ProjectState.CREATING;
            queue.enqueue(new io.upgradebot.github.PlannedWrite(
                    io.upgradebot.project.ProjectWriteKeys.boardItem(p.slug(), "openedx/edx-val"),
                    io.upgradebot.github.WriteKind.ADD_BOARD_ITEM, r.projectId,
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                            .put("org", OwnerDoesFixtures.BOARD_ORG).put("board_number", OwnerDoesFixtures.BOARD_NUMBER)
                            .put("content_node_id", issueNode)));
            synchronized (GitHubFake.INSTANCE) {
                board.items.clear();
            }
        });
        try {
            ObjectNode modal = modalFor("U0ARCH1", p);
            SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", modal, val, "owner-reviews")).statusCode(200);
            Eventually.await(WAIT, "the choice is recorded", () -> history(val).size() == 1);
            String payload = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.findByKey(
                    "owner-does:board:r" + val + ":c" + history(val).get(0).id).orElseThrow().payload);
            assertTrue(payload.contains("${ref:" + io.upgradebot.project.ProjectWriteKeys.boardItem(p.slug(),
                    "openedx/edx-val") + "#item_id}"), "the board write waits for the board item: " + payload);
        } finally {
            worker.resume();
        }

        Eventually.await(WAIT, "the board item is added and gets the level", () -> {
            String item = repo(val).boardItemId;
            synchronized (GitHubFake.INSTANCE) {
                return item != null && "Owner reviews".equals(board.value(item, "Owner Does"));
            }
        });
        Eventually.await(WAIT, "the comment", () -> comments("openedx/edx-val").size() == 1);
    }

    @Test
    void aTeamNotInTheConfigurationIsFoundThroughItsGitHubMembersEmails() {
        Fakes.github.stubFor(get(urlPathEqualTo("/orgs/openedx/teams/ghteam/members")).willReturn(okJson("""
                [{"login":"gina","id":5550001,"node_id":"MDQ6VXNlcjU1NTAwMDE=","type":"User","site_admin":false}]""")));
        Fakes.github.stubFor(get(urlPathEqualTo("/users/gina")).willReturn(okJson("""
                {"login":"gina","id":5550001,"node_id":"MDQ6VXNlcjU1NTAwMDE=","type":"User","name":"Gina",
                 "email":"gina@example.org","site_admin":false}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail"))
                .withRequestBody(containing("email=gina%40example.org")).willReturn(okJson("""
                        {"ok":true,"user":{"id":"U0GINA","team_id":"T0001","name":"gina","real_name":"Gina",
                         "profile":{"email":"gina@example.org","real_name":"Gina"},"is_bot":false}}""")));
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/edx-analytics", "openedx/ghteam",
                "openedx/edx-other", "openedx/arch"));

        ObjectNode modal = modalFor("U0GINA", p);
        assertTrue(modal.toString().contains("openedx/edx-analytics"), modal.toString());
        assertTrue(!modal.toString().contains("openedx/edx-other"));
        SlackSigner.postForm(OwnerDoesFixtures.pick("U0GINA", modal, p.id("openedx/edx-analytics"), "owner-reviews"))
                .statusCode(200);
        Eventually.await(WAIT, "recorded", () -> "owner-reviews".equals(repo(p.id("openedx/edx-analytics")).ownerDoes));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Opens the choices as {@code user} and answers the modal drawn for them. */
    @Test
    void firstBoardValuesThatLandAfterAChoiceDoNotUndoIt() {
        Seeded p = OwnerDoesFixtures.seed(board, repos("openedx/edx-first", "openedx/arch"));
        long id = p.id("openedx/edx-first");
        String item = repo(id).boardItemId;
        String fieldsKey = io.upgradebot.project.ProjectWriteKeys.boardFields(p.slug(), "openedx/edx-first");
        worker.pause();
        // the first values (Owner Does = TBD) are refused once, and retried after the owner's choice landed
        GitHubFake.INSTANCE.inject(GitHubFake.Fault.reject("POST", "/graphql updateProjectV2ItemFieldValue", 403,
                Map.of(), "{\"message\":\"Resource not accessible by integration\"}"));
        try {
            queue.enqueue(io.upgradebot.github.PlannedWrite.of(fieldsKey, p.projectId(),
                    new io.upgradebot.github.WritePayload.SetBoardFields(OwnerDoesFixtures.BOARD_ORG,
                            io.upgradebot.github.WritePayload.Num.of(OwnerDoesFixtures.BOARD_NUMBER), item,
                            List.of(new io.upgradebot.github.WritePayload.SetBoardFields.FieldValue("Owner Does",
                                    "TBD", null),
                                    new io.upgradebot.github.WritePayload.SetBoardFields.FieldValue("Status", "Todo",
                                            null)))));
            Eventually.await(WAIT, "the first values refused", () -> {
                worker.runOnce();
                return queue.status(fieldsKey).filter(s -> s == GitHubWriteEntity.State.FAILED).isPresent();
            });
            ObjectNode modal = modalFor("U0ARCH1", p);
            SlackSigner.postForm(OwnerDoesFixtures.pick("U0ARCH1", modal, id, "owner-reviews")).statusCode(200);
            Eventually.await(WAIT, "the choice is on the board", () -> {
                worker.runOnce();
                synchronized (GitHubFake.INSTANCE) {
                    return "Owner reviews".equals(board.value(item, "Owner Does"));
                }
            });
            queue.retryFailed(p.projectId());
        } finally {
            worker.resume();
        }
        Eventually.await(WAIT, "the first values landed after it", () -> queue.status(fieldsKey)
                .filter(s -> s == GitHubWriteEntity.State.DONE).isPresent());
        Eventually.await(WAIT, "and the choice was written again over their TBD", () -> QuarkusTransaction
                .requiringNew().call(() -> GitHubWriteEntity.count("idempotencyKey like ?1 and state = ?2",
                        "owner-does:board:r" + id + ":%:after:%", GitHubWriteEntity.State.DONE)) == 1);
        synchronized (GitHubFake.INSTANCE) {
            assertEquals("Owner reviews", board.value(item, "Owner Does"), "the last choice wins");
            assertEquals("Todo", board.value(item, "Status"));
        }
    }

    private static ObjectNode modalFor(String user, Seeded p) {
        int before = sent("views.update").size();
        SlackSigner.postForm(OwnerDoesFixtures.openChoices(user, p.projectId())).statusCode(200);
        Eventually.await(WAIT, "the modal for " + user, () -> sent("views.update").size() > before);
        return lastViewUpdate();
    }

    private static Map<String, String> repos(String... repoTeamPairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < repoTeamPairs.length; i += 2) {
            m.put(repoTeamPairs[i], repoTeamPairs[i + 1]);
        }
        return m;
    }

    private String boardValue(Seeded p, String repo) {
        String item = repo(p.id(repo)).boardItemId;
        synchronized (GitHubFake.INSTANCE) {
            return board.value(item, "Owner Does");
        }
    }

    private static List<JsonNode> comments(String repo) {
        return GitHubFake.INSTANCE.comments(repo, 1);
    }

    private static long pendingWrites(long projectRepoId) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count(
                "idempotencyKey like ?1 and state in ?2", "owner-does:%r" + projectRepoId + ":%",
                List.of(GitHubWriteEntity.State.PENDING, GitHubWriteEntity.State.RUNNING)));
    }

    private long boardWritesSent(Seeded p, String repo) {
        String item = repo(p.id(repo)).boardItemId;
        return GitHubFake.INSTANCE.applied().stream()
                .filter(a -> a.path().contains("updateProjectV2ItemFieldValue") && a.body().contains(item)).count();
    }
}
