package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.BodySections;
import io.upgradebot.store.GitHubContentWriteEntity;
import io.upgradebot.store.GitHubPacingEntity;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.GitHubWriteEntity.State;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.GitHubFake.Fault;
import io.upgradebot.support.SettableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write queue against the stateful GitHub fake, driven step by step on a test clock (the background worker is
 * paused meanwhile), except where a test is about the background worker itself.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class WriteQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    /** GitHub's real pacing; the test clock makes its minutes free. */
    private static final WritePolicy GITHUB_PACE = new WritePolicy(Duration.ofSeconds(1), 80, 500,
            Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(60), 8, Duration.ofMinutes(2),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(30));
    private static final String ISSUES = "/repos/acme/[^/]+/issues";
    /**
     * Writes of projects no test creates: their results reach the bot's listeners (status messages among them), which
     * must not act on a real project of another test while this class runs the application a week in the past.
     */
    private static final long LINKING_PROJECT = -77L;
    private static final long FAILING_PROJECT = -5L;

    @Inject
    WriteQueue queue;

    @Inject
    WriteQueueLoop worker;

    @Inject
    SettableClock clock;

    @Inject
    GitHubSetup setup;

    @Inject
    OutcomeRecorder outcomes;

    @Inject
    UpgradeBotConfig config;

    TestClock time;
    GitHubFake github;

    @BeforeEach
    void pauseTheWorkerOnATestClock() {
        worker.pause();
        Fakes.reset();
        github = GitHubFake.install();
        clearQueue();
        outcomes.clear();
        time = new TestClock(START);
        clock.use(time);
        worker.usePolicy(GITHUB_PACE);
    }

    @AfterEach
    void resumeTheWorkerForOtherTests() {
        clock.useSystemClock();
        worker.useConfiguredPolicy();
        setup.hubGateway().requestTimeout(config.github().requestTimeout());
        outcomes.clear();
        clearQueue();
        worker.resume();
    }

    // --- exactly once ----------------------------------------------------------------------------------------

    @Test
    void aBatchUnderSecondaryLimits5xxAndLostAnswersCreatesEachIssueAndCommentExactlyOnce() {
        setup.hubGateway().requestTimeout(Duration.ofMillis(300));
        long reset = START.plusSeconds(300).getEpochSecond();
        github.inject(
                Fault.secondaryLimit("POST", ISSUES, Map.of("Retry-After", "7")),
                Fault.reject("POST", ISSUES, 502, Map.of(), "{\"message\":\"Server Error\"}"),
                Fault.secondaryLimit("POST", ISSUES, Map.of("x-ratelimit-remaining", "0",
                        "x-ratelimit-reset", String.valueOf(reset))),
                Fault.applyThenFail("POST", ISSUES, 502),
                Fault.secondaryLimit("POST", ISSUES, Map.of()),
                Fault.applyThenDelay("POST", ISSUES, 1500),
                Fault.secondaryLimit("POST", ISSUES, Map.of()),
                Fault.reject("POST", ISSUES + "/\\d+/comments", 503, Map.of(), "{\"message\":\"Unavailable\"}"),
                Fault.applyThenDelay("POST", ISSUES + "/\\d+/comments", 1500));
        List<String> keys = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 12; i++) {
                keys.add(enqueue(createIssue("gh-test:batch:" + i, "acme/batch")));
            }
            for (int i = 0; i < 4; i++) {
                keys.add(enqueue(comment("gh-test:batch:comment:" + i, "acme/batch",
                        PayloadRefs.ref("gh-test:batch:" + i, "number"), "Progress " + i)));
            }
        });

        List<ClaimNextWrite.Step> steps = drain();

        assertEquals(0, github.faultsLeft(), "every injected fault was met");
        for (int i = 0; i < 12; i++) {
            assertEquals(1, github.issuesContaining("acme/batch", marker("gh-test:batch:" + i)).size(),
                    "issue " + i + " exists exactly once");
        }
        assertEquals(12, github.issues("acme/batch").size());
        for (int i = 0; i < 4; i++) {
            int number = queue.result("gh-test:batch:" + i).orElseThrow().get("number").asInt();
            assertEquals(1, github.comments("acme/batch", number).size(), "comment " + i + " exists exactly once");
        }
        WriteQueueState state = queue.state(null);
        assertEquals(16, state.done(), () -> "failures: " + state.failures());
        assertTrue(state.finished());
        // the limit without a time waited the default minute, the repeat twice as long
        assertTrue(steps.stream().anyMatch(s -> s instanceof ClaimNextWrite.Waiting w
                && w.reason().contains("secondary rate limit") && w.until().equals(START.plusSeconds(7))));
        assertTrue(steps.stream().anyMatch(s -> s instanceof ClaimNextWrite.Waiting w
                && w.until().equals(Instant.ofEpochSecond(reset))), "waited for x-ratelimit-reset");
        keys.forEach(k -> assertEquals(1, outcomes.forKey(k).size(), "one outcome event for " + k));
    }

    @Test
    void aSecondaryLimitWithRetryAfterStopsEveryWriteForExactlyThatLong() {
        github.inject(Fault.secondaryLimit("POST", ISSUES, Map.of("Retry-After", "30")));
        enqueue(createIssue("gh-test:ra:1", "acme/ra"));
        enqueue(closeIssueOf("gh-test:ra:close", "acme/ra", "gh-test:ra:1"));

        assertEquals(new ClaimNextWrite.Ran(id("gh-test:ra:1"), "gh-test:ra:1", State.PENDING), worker.runOnce());
        WriteQueueState state = queue.state(null);
        assertEquals(Optional.of(START.plusSeconds(30)), state.throttledUntil());
        assertTrue(state.throttleReason().orElseThrow().startsWith("secondary rate limit"), state.toString());

        time.advance(Duration.ofSeconds(29));
        ClaimNextWrite.Waiting waiting = assertInstanceOf(ClaimNextWrite.Waiting.class, worker.runOnce());
        assertEquals(START.plusSeconds(30), waiting.until());
        assertTrue(github.issues("acme/ra").isEmpty());

        time.advance(Duration.ofSeconds(1));
        assertEquals(State.DONE, ((ClaimNextWrite.Ran) worker.runOnce()).state());
        assertEquals(Optional.empty(), queue.state(null).throttledUntil());
        assertEquals(1, reloaded("gh-test:ra:1").attempts, "a refused attempt does not count");
    }

    @Test
    void aSecondaryLimitWithoutATimeWaitsTheDefaultThenBacksOffOnRepeats() {
        github.inject(Fault.secondaryLimit("POST", ISSUES, Map.of()), Fault.secondaryLimit("POST", ISSUES, Map.of()));
        enqueue(createIssue("gh-test:nt:1", "acme/nt"));

        worker.runOnce();
        assertEquals(Optional.of(START.plusSeconds(60)), queue.state(null).throttledUntil());
        time.advance(Duration.ofSeconds(60));
        worker.runOnce();
        assertEquals(Optional.of(START.plusSeconds(60 + 120)), queue.state(null).throttledUntil());
        time.advance(Duration.ofSeconds(120));
        assertEquals(State.DONE, ((ClaimNextWrite.Ran) worker.runOnce()).state());
        assertEquals(1, github.issues("acme/nt").size());
    }

    @Test
    void aWorkerThatDiesMidBatchIsReplacedByAFreshOneThatFinishesWithoutDuplicates() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 6; i++) {
                enqueue(createIssue("gh-test:crash:" + i, "acme/crash"));
            }
        });
        ClaimNextWrite first = worker.newRunner();
        first.step();
        time.advance(Duration.ofSeconds(1));
        first.step();
        time.advance(Duration.ofSeconds(1));
        // the third write reaches GitHub, then the process dies before recording it
        ClaimNextWrite.Claim reachedGitHub = first.claim().orElseThrow();
        assertInstanceOf(ClaimNextWrite.Done.class, first.execute(reachedGitHub));
        assertEquals(3, github.issues("acme/crash").size());
        // once its lease is over, a second process takes it over and dies before even calling GitHub
        time.advance(GITHUB_PACE.lease());
        ClaimNextWrite second = worker.newRunner();
        ClaimNextWrite.Claim neverSent = second.claim().orElseThrow();
        assertEquals(reachedGitHub.key(), neverSent.key(), "an expired lease is taken over first");

        ClaimNextWrite fresh = worker.newRunner();
        time.advance(Duration.ofSeconds(1));
        ClaimNextWrite.Waiting held = assertInstanceOf(ClaimNextWrite.Waiting.class, fresh.step());
        assertEquals("a write is in progress", held.reason(), "a live lease is respected");
        time.advance(GITHUB_PACE.lease());
        drain(fresh);

        for (int i = 0; i < 6; i++) {
            assertEquals(1, github.issuesContaining("acme/crash", marker("gh-test:crash:" + i)).size(),
                    "issue " + i + " exists exactly once");
        }
        assertEquals(6, github.issues("acme/crash").size());
        long posts = github.applied().stream().filter(a -> a.method().equals("POST")).count();
        assertEquals(6, posts, "the write that reached GitHub was found by its marker, not sent again");
        assertEquals(3, reloaded(reachedGitHub.key()).attempts);
        assertEquals(6, queue.state(null).done());
    }

    @Test
    void twoReplicasOnOneDatabaseShareOnePaceAndNeverRunTheSameWriteTwice() throws Exception {
        clock.useSystemClock();
        worker.usePolicy(GITHUB_PACE.withWriteInterval(Duration.ofMillis(15)));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 12; i++) {
                enqueue(createIssue("gh-test:replica:" + i, "acme/replicas"));
            }
        });
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                ClaimNextWrite runner = worker.newRunner();
                int ran = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    ClaimNextWrite.Step step = runner.step();
                    if (step instanceof ClaimNextWrite.Ran) {
                        ran++;
                    } else if (step instanceof ClaimNextWrite.Idle) {
                        return ran;
                    }
                }
                throw new AssertionError("replica did not finish");
            };
            Future<Integer> a = replicas.submit(replica);
            Future<Integer> b = replicas.submit(replica);
            assertEquals(12, a.get() + b.get(), "each write ran once, across both replicas");
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(12, github.issues("acme/replicas").size());
        List<Instant> starts = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity
                .<GitHubWriteEntity>find("idempotencyKey like 'gh-test:replica:%' order by startedAt").list()
                .stream().peek(w -> assertEquals(1, w.attempts)).map(w -> w.startedAt).toList());
        for (int i = 1; i < starts.size(); i++) {
            assertFalse(Duration.between(starts.get(i - 1), starts.get(i)).compareTo(Duration.ofMillis(15)) < 0,
                    "writes " + (i - 1) + " and " + i + " started " + Duration.between(starts.get(i - 1),
                            starts.get(i)).toMillis() + " ms apart");
        }
    }

    // --- pacing -----------------------------------------------------------------------------------------------

    @Test
    void writesAreAtLeastTheIntervalApartAndContentWritesStayWithinBothBudgets() {
        worker.usePolicy(GITHUB_PACE.withBudgets(3, 5, Duration.ofSeconds(10), Duration.ofSeconds(60)));
        JsonNode human = github.addHumanIssue("acme/pace", "Old", "old", "someone");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 8; i++) {
                enqueue(createIssue("gh-test:pace:" + i, "acme/pace"));
            }
            enqueue(new PlannedWrite("gh-test:pace:close", WriteKind.CLOSE_ISSUE, null, JSON.createObjectNode()
                    .put("repo", "acme/pace").put("number", human.get("number").asInt())
                    .put("state_reason", "not_planned")));
        });

        drain();

        List<GitHubWriteEntity> rows = QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity
                .<GitHubWriteEntity>find("idempotencyKey like 'gh-test:pace:%' order by startedAt").list());
        assertEquals(9, rows.stream().filter(w -> w.state == State.DONE).count());
        for (int i = 1; i < rows.size(); i++) {
            assertFalse(Duration.between(rows.get(i - 1).startedAt, rows.get(i).startedAt)
                    .compareTo(Duration.ofSeconds(1)) < 0, "one second between writes");
        }
        List<Instant> content = rows.stream().filter(w -> w.contentCreating).map(w -> w.startedAt).toList();
        for (Instant t : content) {
            long inMinute = content.stream().filter(c -> !c.isBefore(t) && c.isBefore(t.plusSeconds(10))).count();
            long inHour = content.stream().filter(c -> !c.isBefore(t) && c.isBefore(t.plusSeconds(60))).count();
            assertTrue(inMinute <= 3, "at most 3 content writes per (10 s) minute window, saw " + inMinute);
            assertTrue(inHour <= 5, "at most 5 content writes per (60 s) hour window, saw " + inHour);
        }
        GitHubWriteEntity close = rows.stream().filter(w -> w.idempotencyKey.endsWith(":close")).findFirst()
                .orElseThrow();
        assertTrue(close.startedAt.isBefore(content.get(4)), "a non-content write is not held back by the budget");
        assertEquals("closed", github.issue("acme/pace", human.get("number").asInt()).get("state").asText());
        assertEquals("not_planned", github.issue("acme/pace", human.get("number").asInt()).get("state_reason")
                .asText());
    }

    @Test
    void theNextWriteStartsNoSoonerThanTheIntervalAfterThePreviousOneCompleted() {
        QuarkusTransaction.requiringNew().run(() -> {
            enqueue(createIssue("gh-test:after-done:1", "acme/pace"));
            enqueue(createIssue("gh-test:after-done:2", "acme/pace"));
        });
        ClaimNextWrite runner = worker.newRunner();
        ClaimNextWrite.Claim first = runner.claim().orElseThrow();
        ClaimNextWrite.Outcome outcome = runner.execute(first);
        time.advance(Duration.ofMillis(960)); // GitHub took most of the interval to answer
        runner.record(first, outcome);
        drain(runner);

        GitHubWriteEntity one = reloaded("gh-test:after-done:1");
        GitHubWriteEntity two = reloaded("gh-test:after-done:2");
        assertEquals(State.DONE, two.state);
        Instant earliest = one.finishedAt.plus(GITHUB_PACE.writeInterval());
        assertFalse(two.startedAt.isBefore(earliest), "the second write started at " + two.startedAt
                + ", before the first one's completion + the interval (" + earliest + ")");
    }

    // --- results, references, failures --------------------------------------------------------------------

    @Test
    void referencesAreFilledFromEarlierResultsAndSubIssuesAreLinkedByNumericId() {
        QuarkusTransaction.requiringNew().run(() -> {
            enqueue(createIssue("gh-test:ref:roadmap", "acme/roadmap"));
            enqueue(createIssue("gh-test:ref:repo", "acme/service"));
            enqueue(new PlannedWrite("gh-test:ref:link", WriteKind.ADD_SUB_ISSUE, LINKING_PROJECT,
                    JSON.createObjectNode()
                            .put("repo", "acme/roadmap")
                            .put("parent_number", PayloadRefs.ref("gh-test:ref:roadmap", "number"))
                            .put("child_id", PayloadRefs.ref("gh-test:ref:repo", "id"))));
            enqueue(comment("gh-test:ref:comment", "acme/service", PayloadRefs.ref("gh-test:ref:repo", "number"),
                    "Part of " + PayloadRefs.ref("gh-test:ref:roadmap", "url")));
        });

        drain();

        JsonNode roadmap = queue.result("gh-test:ref:roadmap").orElseThrow();
        JsonNode repo = queue.result("gh-test:ref:repo").orElseThrow();
        assertEquals(List.of(repo.get("id").asLong()),
                github.subIssueIds("acme/roadmap", roadmap.get("number").asInt()));
        assertTrue(github.comments("acme/service", repo.get("number").asInt()).get(0).get("body").asText()
                .startsWith("Part of " + roadmap.get("url").asText()));
        WriteOutcome link = outcomes.forKey("gh-test:ref:link").get(0);
        assertTrue(link.succeeded());
        assertEquals(LINKING_PROJECT, link.projectId());
        assertEquals(repo.get("id").asLong(), link.payload().get("child_id").asLong(),
                "the event carries the filled payload");
        assertEquals(1, queue.state(LINKING_PROJECT).done());
        assertEquals(0, queue.state(LINKING_PROJECT).pending());
    }

    @Test
    void aPermanent422IsRecordedWithGitHubsReasonAndTheWritesThatDependOnItFailToo() {
        github.inject(Fault.reject("POST", ISSUES, 422, Map.of(), """
                {"message":"Validation Failed","errors":[{"resource":"Issue","code":"custom","field":"body",
                "message":"body is too long (maximum is 65536 characters)"}],
                "documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue"}"""));
        QuarkusTransaction.requiringNew().run(() -> {
            enqueue(createIssue("gh-test:bad:issue", "acme/bad"), FAILING_PROJECT);
            enqueue(comment("gh-test:bad:comment", "acme/bad", PayloadRefs.ref("gh-test:bad:issue", "number"), "hi"),
                    FAILING_PROJECT);
            enqueue(new PlannedWrite("gh-test:bad:close", WriteKind.CLOSE_ISSUE, FAILING_PROJECT,
                    JSON.createObjectNode()
                            .put("repo", "acme/bad").put("number", 1).set("after",
                                    JSON.createArrayNode().add("gh-test:bad:comment"))));
        });

        drain();

        WriteQueueState state = queue.state(FAILING_PROJECT);
        assertEquals(3, state.failed());
        assertEquals(new WriteQueueState.Failure("gh-test:bad:issue", WriteKind.CREATE_ISSUE,
                "Validation Failed: body is too long (maximum is 65536 characters)"), state.failures().get(0));
        assertEquals("depends on gh-test:bad:issue, which failed: Validation Failed: body is too long (maximum is "
                + "65536 characters)", state.failures().get(1).error());
        assertTrue(state.failures().get(2).error().startsWith("depends on gh-test:bad:comment, which failed"));
        WriteOutcome failed = outcomes.forKey("gh-test:bad:issue").get(0);
        assertFalse(failed.succeeded());
        assertEquals(state.failures().get(0).error(), failed.error());
        assertEquals(1, reloaded("gh-test:bad:issue").attempts, "a 422 is not retried");
        assertTrue(github.applied().isEmpty());

        // an operator fixed the cause and retries: the chain completes, each write once
        assertEquals(3, queue.retryFailed(FAILING_PROJECT));
        drain();
        assertEquals(3, queue.state(FAILING_PROJECT).done());
        assertEquals(1, github.issues("acme/bad").size());
        assertEquals(1, github.comments("acme/bad", 1).size());
    }

    @Test
    void serverErrorsAreRetriedUpToMaxAttemptsThenRecordedAsFailed() {
        worker.usePolicy(GITHUB_PACE.withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(60)));
        for (int i = 0; i < 3; i++) {
            github.inject(Fault.reject("POST", ISSUES, 502, Map.of(), "{\"message\":\"Server Error\"}"));
        }
        enqueue(createIssue("gh-test:5xx", "acme/flaky"));

        List<ClaimNextWrite.Step> steps = drain();

        GitHubWriteEntity row = reloaded("gh-test:5xx");
        assertEquals(State.FAILED, row.state);
        assertEquals(3, row.attempts);
        assertEquals("gave up after 3 attempts: GitHub answered 502: Server Error", row.lastError);
        assertTrue(steps.stream().anyMatch(s -> s instanceof ClaimNextWrite.Waiting w
                && w.reason().equals("retry backoff")), "waited between attempts");
    }

    @Test
    void replacingABodySectionKeepsWhatPeopleWroteOnGitHub() {
        ObjectNode payload = (ObjectNode) createIssue("gh-test:body:issue", "acme/body").payload();
        payload.put("body", "Checklist\n\n" + BodySections.wrap("repos", "- [ ] acme/a"));
        enqueue(new PlannedWrite("gh-test:body:issue", WriteKind.CREATE_ISSUE, null, payload));
        drain();
        int number = queue.result("gh-test:body:issue").orElseThrow().get("number").asInt();
        String bodyOnGitHub = github.issue("acme/body", number).get("body").asText();
        github.editBody("acme/body", number, "A person's note on top\n\n" + bodyOnGitHub + "\n\nAnd one below.");

        enqueue(new PlannedWrite("gh-test:body:update", WriteKind.REPLACE_BODY_SECTION, null, JSON.createObjectNode()
                .put("repo", "acme/body").put("number", number).put("section", "repos")
                .put("content", "- [x] acme/a\n- [ ] acme/b")));
        drain();

        String after = github.issue("acme/body", number).get("body").asText();
        assertTrue(after.startsWith("A person's note on top\n\nChecklist\n\n"), after);
        assertTrue(after.contains(BodySections.wrap("repos", "- [x] acme/a\n- [ ] acme/b")), after);
        assertTrue(after.endsWith("And one below."), after);
        assertTrue(after.contains(marker("gh-test:body:issue")), "the hidden marker survives");
        assertTrue(queue.result("gh-test:body:update").orElseThrow().get("changed").asBoolean());
    }

    @Test
    void addingABoardOptionSendsEveryExistingOptionBackSoNoItemLosesItsValue() {
        GitHubFake.BoardState board = github.addBoard("acme", 7, "Maintenance",
                Map.of("Project", List.of("Django 4.2", "Node 18")));
        String oldItem = "PVTI_existing";
        String django = board.field("Project").options.get(0).id();
        board.items.put(oldItem, "I_someone_elses");
        board.values.put(oldItem, new java.util.HashMap<>(Map.of(board.field("Project").id, django)));
        QuarkusTransaction.requiringNew().run(() -> {
            enqueue(createIssue("gh-test:board:issue", "acme/svc"));
            enqueue(new PlannedWrite("gh-test:board:option", WriteKind.ENSURE_BOARD_OPTION, null,
                    JSON.createObjectNode().put("org", "acme").put("board_number", 7).put("field", "Project")
                            .put("option", "Python 3.12")));
            enqueue(new PlannedWrite("gh-test:board:item", WriteKind.ADD_BOARD_ITEM, null, JSON.createObjectNode()
                    .put("org", "acme").put("board_number", 7)
                    .put("content_node_id", PayloadRefs.ref("gh-test:board:issue", "node_id"))));
            enqueue(new PlannedWrite("gh-test:board:set", WriteKind.SET_BOARD_FIELD, null, JSON.createObjectNode()
                    .put("org", "acme").put("board_number", 7).put("field", "Project").put("option", "Python 3.12")
                    .put("item_id", PayloadRefs.ref("gh-test:board:item", "item_id"))
                    .set("after", JSON.createArrayNode().add("gh-test:board:option"))));
        });

        drain();

        assertEquals(List.of("Django 4.2", "Node 18", "Python 3.12"),
                board.field("Project").options.stream().map(GitHubFake.OptionState::name).toList());
        assertEquals(django, board.field("Project").options.get(0).id(), "existing option ids are kept");
        assertEquals("Django 4.2", board.value(oldItem, "Project"), "an existing item keeps its value");
        String item = queue.result("gh-test:board:item").orElseThrow().get("item_id").asText();
        assertEquals("Python 3.12", board.value(item, "Project"));
        assertEquals(4, queue.state(null).done());
    }

    // --- the queue's contract ------------------------------------------------------------------------------

    @Test
    void theSameKeyTwiceIsOneRowAndBadWritesAreRefusedAtEnqueue() {
        long first = queue.enqueue(createIssue("gh-test:dup", "acme/dup"));
        long again = queue.enqueue(createIssue("gh-test:dup", "acme/other"));
        assertEquals(first, again);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.count("idempotencyKey",
                "gh-test:dup")));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> queue.enqueue(
                new PlannedWrite("gh-test:nobody", WriteKind.COMMENT, null,
                        JSON.createObjectNode().put("repo", "a/b"))));
        assertTrue(missing.getMessage().contains("[number, body]"), missing.getMessage());
        IllegalArgumentException unknownRef = assertThrows(IllegalArgumentException.class, () -> queue.enqueue(
                comment("gh-test:orphan", "a/b", PayloadRefs.ref("gh-test:never", "number"), "x")));
        assertTrue(unknownRef.getMessage().contains("gh-test:never"), unknownRef.getMessage());
        assertEquals(Optional.of(State.PENDING), queue.status("gh-test:dup"));
        assertEquals(Optional.empty(), queue.status("gh-test:orphan"));
    }

    @Test
    void aWriteEnqueuedInARolledBackTransactionIsNeverSent() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            queue.enqueue(createIssue("gh-test:rollback", "acme/rb"));
            throw new IllegalStateException("the service failed after enqueueing");
        }));
        assertInstanceOf(ClaimNextWrite.Idle.class, worker.runOnce());
        assertEquals(Optional.empty(), queue.status("gh-test:rollback"));
    }

    @Test
    void aFailingOutcomeListenerRollsTheRecordBackAndTheRetryFindsTheIssueInsteadOfDuplicatingIt() {
        outcomes.failFor("gh-test:listener");
        enqueue(createIssue("gh-test:listener", "acme/listener"));
        assertEquals(State.PENDING, ((ClaimNextWrite.Ran) worker.runOnce()).state());
        outcomes.failFor(null);
        drain();
        assertEquals(State.DONE, reloaded("gh-test:listener").state);
        assertEquals(1, github.issues("acme/listener").size());
    }

    @Test
    void theBackgroundWorkerDeliversAnEnqueuedWriteWithoutBeingDriven() {
        clock.useSystemClock();
        worker.useConfiguredPolicy();
        worker.resume();
        enqueue(createIssue("gh-test:background", "acme/bg"));
        Eventually.await(Duration.ofSeconds(5), "the worker picked the write up without being driven",
                () -> !github.issues("acme/bg").isEmpty());
        Eventually.await(Duration.ofSeconds(5), "the write recorded done",
                () -> queue.status("gh-test:background").equals(Optional.of(State.DONE)));
        worker.pause();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private List<ClaimNextWrite.Step> drain() {
        List<ClaimNextWrite.Step> steps = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ClaimNextWrite.Step step = worker.runOnce();
            steps.add(step);
            if (step instanceof ClaimNextWrite.Idle) {
                return steps;
            }
            if (step instanceof ClaimNextWrite.Waiting waiting) {
                time.advanceTo(waiting.until());
            }
        }
        fail("the queue did not drain: " + queue.state(null));
        return steps;
    }

    private void drain(ClaimNextWrite runner) {
        for (int i = 0; i < 5000; i++) {
            ClaimNextWrite.Step step = runner.step();
            if (step instanceof ClaimNextWrite.Idle) {
                return;
            }
            if (step instanceof ClaimNextWrite.Waiting waiting) {
                time.advanceTo(waiting.until());
            }
        }
        fail("the queue did not drain: " + queue.state(null));
    }

    private String enqueue(PlannedWrite write) {
        queue.enqueue(write);
        return write.key();
    }

    private void enqueue(PlannedWrite write, Long projectId) {
        queue.enqueue(new PlannedWrite(write.key(), write.kind(), projectId, write.payload()));
    }

    private static PlannedWrite createIssue(String key, String repo) {
        ObjectNode p = JSON.createObjectNode().put("repo", repo).put("title", "Upgrade " + key)
                .put("body", "Body of " + key);
        p.putArray("labels").add("maintenance");
        return new PlannedWrite(key, WriteKind.CREATE_ISSUE, null, p);
    }

    private static PlannedWrite comment(String key, String repo, String number, String body) {
        return new PlannedWrite(key, WriteKind.COMMENT, null, JSON.createObjectNode().put("repo", repo)
                .put("number", number).put("body", body));
    }

    private static PlannedWrite closeIssueOf(String key, String repo, String issueKey) {
        return new PlannedWrite(key, WriteKind.CLOSE_ISSUE, null, JSON.createObjectNode().put("repo", repo)
                .put("number", PayloadRefs.ref(issueKey, "number")));
    }

    private static String marker(String key) {
        return HiddenMarkers.effective(null, key);
    }

    private long id(String key) {
        return reloaded(key).id;
    }

    private GitHubWriteEntity reloaded(String key) {
        return QuarkusTransaction.requiringNew().call(() -> GitHubWriteEntity.findByKey(key).orElseThrow());
    }

    private static void clearQueue() {
        QuarkusTransaction.requiringNew().run(() -> {
            GitHubWriteEntity.deleteAll();
            GitHubContentWriteEntity.deleteAll();
            GitHubPacingEntity.deleteAll();
        });
    }
}
