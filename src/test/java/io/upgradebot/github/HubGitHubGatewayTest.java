package io.upgradebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.BodySections;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.GitHubFake.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against the GitHub fake over HTTP: failure mapping, no hidden waits or re-sends, dry-run. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class HubGitHubGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    GitHubFake github;

    @BeforeEach
    void freshFake() {
        Fakes.reset();
        github = GitHubFake.install();
    }

    private static HubGitHubGateway gateway(boolean dryRun, Duration requestTimeout) {
        return new HubGitHubGateway(GitHubAccess.token(Fakes.github.baseUrl(), Fakes.github.baseUrl() + "/graphql",
                Fakes.GITHUB_TOKEN), dryRun, Clock.systemUTC(), Duration.ofSeconds(2), requestTimeout);
    }

    @Test
    void dryRunReadsFromGitHubButSendsNoWrite() {
        JsonNode human = github.addHumanIssue("acme/dry", "Roadmap", "Notes\n\n" + BodySections.wrap("repos", "old"),
                "someone");
        GitHubFake.BoardState board = github.addBoard("acme", 3, "Maintenance", Map.of("Project", List.of("A")));
        HubGitHubGateway dry = gateway(true, Duration.ofSeconds(5));
        Fakes.github.resetRequests();

        GitHubTypes.Issue created = dry.createIssue("acme/dry", new GitHubTypes.NewIssue("t", "b", List.of("x"), null));
        assertEquals(0, created.number(), "a placeholder, not a real issue");
        dry.comment("acme/dry", 1, "hello");
        dry.updateIssueBody("acme/dry", 1, "new");
        dry.closeIssue("acme/dry", 1, "completed");
        assertEquals(0, dry.ensureMilestone("acme/dry", "Verawood"));
        dry.addSubIssue("acme/dry", 1, 42L);
        dry.addBoardItem(board.id, human.get("node_id").asText());
        GitHubTypes.BoardField field = dry.setFieldOptions(board.field("Project").id,
                List.of(GitHubTypes.Option.named("A"), GitHubTypes.Option.named("B")));
        assertEquals(List.of("A", "B"), field.options().stream().map(GitHubTypes.Option::name).toList());
        new ApplyWrite(dry).run("gh-test:dry", WriteKind.REPLACE_BODY_SECTION, JSON.createObjectNode()
                .put("repo", "acme/dry").put("number", human.get("number").asInt()).put("section", "repos")
                .put("content", "new"), false);
        new ApplyWrite(dry).run("gh-test:dry:board", WriteKind.ENSURE_BOARD_OPTION, JSON.createObjectNode()
                .put("org", "acme").put("board_number", 3).put("field", "Project").put("option", "C"), false);

        List<ServeEvent> events = Fakes.github.getAllServeEvents();
        assertTrue(events.stream().anyMatch(e -> e.getRequest().getUrl().startsWith("/repos/acme/dry/issues/1")),
                "the issue was read");
        assertTrue(events.stream().anyMatch(e -> e.getRequest().getUrl().startsWith("/graphql")),
                "the board was read");
        for (ServeEvent e : events) {
            String method = e.getRequest().getMethod().getName();
            boolean read = method.equals("GET") || (e.getRequest().getUrl().equals("/graphql")
                    && !e.getRequest().getBodyAsString().contains("mutation"));
            assertTrue(read, "dry-run sent " + method + " " + e.getRequest().getUrl());
        }
        assertTrue(github.applied().isEmpty());
        assertEquals("Notes\n\n" + BodySections.wrap("repos", "old"),
                github.issue("acme/dry", human.get("number").asInt()).get("body").asText());
    }

    @Test
    void limitsAreReportedAtOnceNeverWaitedOutOnTheCallersThread() {
        github.inject(Fault.secondaryLimit("POST", "/repos/acme/lim/issues", Map.of("Retry-After", "3600")));
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        gateway.repository("acme/lim");

        long started = System.nanoTime();
        GitHubException.RateLimited secondary = assertThrows(GitHubException.RateLimited.class,
                () -> gateway.createIssue("acme/lim", new GitHubTypes.NewIssue("t", "b", List.of(), null)));
        // a bound an hour's sleep cannot meet and a slow machine cannot miss
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMinutes(5)) < 0,
                "hub4j's WAIT handler would have slept for an hour here");
        assertTrue(secondary.secondary());
        Instant retryAt = secondary.retryAt().orElseThrow();
        assertTrue(retryAt.isAfter(Instant.now().plusSeconds(3500)), retryAt.toString());

        long reset = Instant.now().plusSeconds(1200).getEpochSecond();
        Fakes.github.stubFor(get(urlPathEqualTo("/repos/acme/primary")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", String.valueOf(reset))
                .withBody("{\"message\":\"API rate limit exceeded for user ID 9000001.\"}")));
        GitHubException.RateLimited primary = assertThrows(GitHubException.RateLimited.class,
                () -> gateway.repository("acme/primary"));
        assertFalse(primary.secondary());
        assertEquals(Optional.of(Instant.ofEpochSecond(reset)), primary.retryAt());
    }

    @Test
    void aPostWhoseAnswerTimesOutIsNotResentBehindTheQueuesBack() {
        github.inject(Fault.applyThenDelay("POST", "/repos/acme/slow/issues", 1500));
        HubGitHubGateway gateway = gateway(false, Duration.ofMillis(300));
        gateway.repository("acme/slow");

        GitHubException.Transient timeout = assertThrows(GitHubException.Transient.class, () -> gateway.createIssue(
                "acme/slow", new GitHubTypes.NewIssue("t", "body <!-- upgrade-bot:slow -->", List.of(), null)));
        assertEquals("GitHub did not answer in time", timeout.getMessage());
        assertEquals(1, Fakes.github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")).count(), "sent once");
        assertEquals(1, github.issues("acme/slow").size());
        assertTrue(gateway.findIssueByMarker("acme/slow", "<!-- upgrade-bot:slow -->").isPresent(),
                "and the queue's check finds it");
    }

    @Test
    void aPostWhoseConnectionIsResetIsNotResentEither() {
        github.inject(Fault.applyThenReset("POST", "/repos/acme/reset/issues"));
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        gateway.repository("acme/reset");

        assertThrows(GitHubException.Transient.class, () -> gateway.createIssue("acme/reset",
                new GitHubTypes.NewIssue("t", "body", List.of(), null)));
        assertEquals(1, github.issues("acme/reset").size(),
                "sent once: the queue, not the transport, decides about repeating a write");
    }

    @Test
    void findingByMarkerLooksOnlyAtTheBotsOwnIssuesNewestFirst() {
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        github.addHumanIssue("acme/m", "Copied", "I pasted <!-- upgrade-bot:m1 --> here", "someone");
        assertEquals(Optional.empty(), gateway.findIssueByMarker("acme/m", "<!-- upgrade-bot:m1 -->"));
        GitHubTypes.Issue mine = gateway.createIssue("acme/m",
                new GitHubTypes.NewIssue("Mine", "x <!-- upgrade-bot:m1 -->", List.of("maintenance"), null));

        GitHubTypes.Issue found = gateway.findIssueByMarker("acme/m", "<!-- upgrade-bot:m1 -->").orElseThrow();
        assertEquals(mine.number(), found.number());
        assertEquals(mine.id(), found.id());
        assertEquals(GitHubFake.BOT_LOGIN, found.author());
        ServeEvent list = Fakes.github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/repos/acme/m/issues?")).findFirst().orElseThrow();
        assertEquals(GitHubFake.BOT_LOGIN, list.getRequest().queryParameter("creator").firstValue());
        assertEquals("all", list.getRequest().queryParameter("state").firstValue());
        assertEquals("created", list.getRequest().queryParameter("sort").firstValue());
        assertEquals("desc", list.getRequest().queryParameter("direction").firstValue());
    }

    @Test
    void subIssuesLinkByNumericIdAndAnAlreadyLinkedChildIsSuccess() {
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        GitHubTypes.Issue parent = gateway.createIssue("acme/sub", new GitHubTypes.NewIssue("p", "", List.of(), null));
        GitHubTypes.Issue child = gateway.createIssue("acme/sub", new GitHubTypes.NewIssue("c", "", List.of(), null));

        gateway.addSubIssue("acme/sub", parent.number(), child.id());
        gateway.addSubIssue("acme/sub", parent.number(), child.id());

        assertEquals(List.of(child.id()), gateway.subIssueIds("acme/sub", parent.number()));
        ServeEvent post = Fakes.github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/sub_issues")
                        && e.getRequest().getMethod().getName().equals("POST"))
                .findFirst().orElseThrow();
        assertEquals("{\"sub_issue_id\":" + child.id() + "}", post.getRequest().getBodyAsString());

        github.inject(Fault.reject("POST", "/repos/acme/sub/issues/\\d+/sub_issues", 422, Map.of(),
                "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"Parent cannot have more than 100 "
                        + "sub-issues\"}]}"));
        GitHubException.Permanent full = assertThrows(GitHubException.Permanent.class,
                () -> gateway.addSubIssue("acme/sub", parent.number(), 123L));
        assertEquals("Validation Failed: Parent cannot have more than 100 sub-issues", full.getMessage());
    }

    @Test
    void boardsAreReadAndWrittenOverGraphqlWithGitHubsErrorsKept() {
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        GitHubFake.BoardState board = github.addBoard("acme", 9, "Maintenance", Map.of("Project", List.of("A", "B")));
        GitHubTypes.Board read = gateway.board("acme", 9).orElseThrow();
        assertEquals(board.id, read.nodeId());
        assertEquals(List.of("A", "B"), read.field("Project").orElseThrow().options().stream()
                .map(GitHubTypes.Option::name).toList());
        assertEquals(Optional.empty(), gateway.board("acme", 404));

        GitHubTypes.Issue issue = gateway.createIssue("acme/b", new GitHubTypes.NewIssue("t", "", List.of(), null));
        String item = gateway.addBoardItem(read.nodeId(), issue.nodeId());
        assertEquals(item, gateway.addBoardItem(read.nodeId(), issue.nodeId()), "adding twice answers the same item");
        GitHubException.Permanent wrong = assertThrows(GitHubException.Permanent.class,
                () -> gateway.setBoardSingleSelect(read.nodeId(), item, board.field("Project").id, "nope"));
        assertEquals("The single select option Id does not belong to the field", wrong.getMessage());
        gateway.setBoardSingleSelect(read.nodeId(), item, board.field("Project").id,
                read.field("Project").orElseThrow().option("B").orElseThrow().id());
        assertEquals("B", board.value(item, "Project"));
    }

    @Test
    void eachBoardFieldIsWrittenAsItsDataTypeAsks() {
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        fields.put("Project", List.of("A"));
        fields.put("Source", List.of());
        fields.put("Points", List.of());
        fields.put("Due", List.of());
        fields.put("Sprint", List.of());
        GitHubFake.BoardState board = github.addBoard("acme", 10, "Typed", fields);
        board.makeText("Source");
        board.makeText("Points").dataType = "NUMBER";
        board.makeText("Due").dataType = "DATE";
        board.makeText("Sprint").dataType = "ITERATION";
        GitHubTypes.Board read = gateway.board("acme", 10).orElseThrow();
        assertEquals("TEXT", read.field("Source").orElseThrow().dataType());
        assertEquals("SINGLE_SELECT", read.field("Project").orElseThrow().dataType());
        GitHubTypes.Issue issue = gateway.createIssue("acme/typed", new GitHubTypes.NewIssue("t", "", List.of(), null));
        String item = gateway.addBoardItem(read.nodeId(), issue.nodeId());
        ApplyWrite executor = new ApplyWrite(gateway);
        java.util.function.BiFunction<String, String, com.fasterxml.jackson.databind.node.ObjectNode> set = (field,
                value) -> JSON.createObjectNode().put("org", "acme").put("board_number", 10).put("item_id", item)
                        .put("field", field).put("option", value);

        // the option step has nothing to do on a text field, and the write that refers to it still runs
        assertEquals("", executor.run("gh-test:typed:opt", WriteKind.ENSURE_BOARD_OPTION, JSON.createObjectNode()
                .put("org", "acme").put("board_number", 10).put("field", "Source").put("option", "Axim"), false)
                .get("option_id").asText());
        executor.run("gh-test:typed:source", WriteKind.SET_BOARD_FIELD,
                set.apply("Source", "Axim").put("option_id", ""),
                false);
        executor.run("gh-test:typed:project", WriteKind.SET_BOARD_FIELD, set.apply("Project", "A"), false);
        executor.run("gh-test:typed:points", WriteKind.SET_BOARD_FIELD, set.apply("Points", "3"), false);
        executor.run("gh-test:typed:due", WriteKind.SET_BOARD_FIELD, set.apply("Due", "2030-04-22"), false);
        assertEquals("Axim", board.value(item, "Source"));
        assertEquals("A", board.value(item, "Project"));
        assertEquals(3.0, Double.parseDouble(board.value(item, "Points")));
        assertEquals("2030-04-22", board.value(item, "Due"));
        assertTrue(board.field("Source").options.isEmpty(), "no option added to a text field");

        GitHubException.Permanent notADate = assertThrows(GitHubException.Permanent.class, () -> executor.run(
                "gh-test:typed:bad-due", WriteKind.SET_BOARD_FIELD, set.apply("Due", "soon"), false));
        assertTrue(notADate.getMessage().contains("\"Due\" is a date field"), notADate.getMessage());
        GitHubException.Permanent iteration = assertThrows(GitHubException.Permanent.class, () -> executor.run(
                "gh-test:typed:sprint", WriteKind.SET_BOARD_FIELD, set.apply("Sprint", "1"), false));
        assertTrue(iteration.getMessage().contains("ITERATION"), iteration.getMessage());
    }

    @Test
    void withoutCredentialsReadsAreAnonymousAndWritesFailWithAClearReason() {
        GitHubAccess none = GitHubAccess.resolve(Fakes.github.baseUrl(), Fakes.github.baseUrl() + "/graphql",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(GitHubAccess.Mode.NONE, none.mode());
        assertTrue(none.describe().contains("GITHUB_TOKEN"), none.describe());
        HubGitHubGateway gateway = new HubGitHubGateway(none, false, Clock.systemUTC(), Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        assertTrue(gateway.repository("acme/open").isPresent());
        assertNull(Fakes.github.getAllServeEvents().get(0).getRequest().getHeader("Authorization"));
        GitHubException.Permanent refused = assertThrows(GitHubException.Permanent.class,
                () -> gateway.createIssue("acme/open", new GitHubTypes.NewIssue("t", "", List.of(), null)));
        assertTrue(refused.getMessage().startsWith("no GitHub credentials: set GITHUB_TOKEN"), refused.getMessage());
        assertTrue(github.applied().isEmpty());
    }

    @Test
    void aServerErrorIsTransientAndAValidationErrorPermanentWithGitHubsMessage() {
        HubGitHubGateway gateway = gateway(false, Duration.ofSeconds(5));
        github.inject(Fault.reject("POST", "/repos/acme/err/issues", 502, Map.of(), "<html>Unicorn!</html>"),
                Fault.reject("POST", "/repos/acme/err/issues", 410, Map.of(),
                        "{\"message\":\"Issues are disabled for this repo\"}"));
        assertInstanceOf(GitHubException.Transient.class, assertThrows(GitHubException.class,
                () -> gateway.createIssue("acme/err", new GitHubTypes.NewIssue("t", "", List.of(), null))));
        GitHubException.Permanent gone = assertThrows(GitHubException.Permanent.class,
                () -> gateway.createIssue("acme/err", new GitHubTypes.NewIssue("t", "", List.of(), null)));
        assertEquals(410, gone.status());
        assertEquals("Issues are disabled for this repo", gone.getMessage());
    }
}
