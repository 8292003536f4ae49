package io.upgradebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.upgradebot.support.IssueActivityFixtures.answer;
import static io.upgradebot.support.IssueActivityFixtures.comment;
import static io.upgradebot.support.IssueActivityFixtures.event;
import static io.upgradebot.support.IssueActivityFixtures.issue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.upgradebot.domain.HumanActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQlIssueActivityReaderTest {

    static WireMockServer github;
    GraphQlIssueActivityReader reader;

    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    @BeforeAll
    static void start() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @BeforeEach
    void setUp() {
        github.resetAll();
        HubGitHubGateway gateway = new HubGitHubGateway(
                GitHubAccess.token(github.baseUrl(), github.baseUrl() + "/graphql", "ghp_test"),
                false, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        reader = new GraphQlIssueActivityReader(gateway::graphql);
    }

    @Test
    void readsCommentsEventsAndLinkedPullRequestsOfEveryIssue() {
        github.stubFor(post(urlPathEqualTo("/graphql")).withHeader("Authorization", equalTo("Bearer ghp_test"))
                .willReturn(okJson(answer("upgrade-bot", List.of(
                        issue("I_1", "acme/a", 7, true, CREATED, null,
                                comment("upgrade-bot", true, Instant.parse("2026-02-20T10:00:00Z")),
                                comment("octocat", false, Instant.parse("2026-01-10T10:00:00Z"))),
                        issue("I_2", "acme/b", 8, false, CREATED, "MERGED",
                                event("ClosedEvent", "hubot", false, Instant.parse("2026-01-06T09:00:00Z"))),
                        issue("I_3", "acme/c", 9, true, CREATED, "OPEN")), List.of("I_gone")))));

        IssueActivityReader.Batch batch = reader.read(List.of("I_1", "I_2", "I_3", "I_gone"));

        assertEquals("upgrade-bot", batch.viewerLogin());
        assertEquals(1, batch.requests());
        assertEquals(3, batch.issues().size(), "the id that no longer resolves is left out, not an error");
        IssueActivityReader.IssueActivity a = batch.issues().get("I_1");
        assertTrue(a.open());
        assertEquals("acme/a", a.repo());
        assertEquals(IssueActivityReader.PullRequests.NONE, a.pullRequests());
        HumanActivity human = new HumanActivity(batch.viewerLogin(), List.of());
        assertEquals(Optional.of(Instant.parse("2026-01-10T10:00:00Z")), human.latest(a.events()),
                "the bot's later comment is not activity");
        assertFalse(batch.issues().get("I_2").open());
        assertEquals(IssueActivityReader.PullRequests.MERGED, batch.issues().get("I_2").pullRequests());
        assertEquals(IssueActivityReader.PullRequests.OPEN, batch.issues().get("I_3").pullRequests());
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.ids[3]", equalTo("I_gone"))));
    }

    @Test
    void twoHundredAndFiftyIssuesCostThreeRequests() {
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "I_" + i).toList();
        github.stubFor(
                post(urlPathEqualTo("/graphql")).willReturn(okJson(answer("upgrade-bot", List.of(), List.of()))));
        for (int from = 0; from < 250; from += 100) {
            List<String> nodes = new ArrayList<>();
            for (int i = from; i < Math.min(250, from + 100); i++) {
                nodes.add(issue("I_" + i, "acme/r" + i, 1, true, CREATED, null));
            }
            github.stubFor(post(urlPathEqualTo("/graphql"))
                    .withRequestBody(matchingJsonPath("$.variables.ids[0]", equalTo("I_" + from)))
                    .willReturn(okJson(answer("upgrade-bot", nodes, List.of()))));
        }

        IssueActivityReader.Batch batch = reader.read(ids);

        assertEquals(250, batch.issues().size());
        assertEquals(3, batch.requests());
        github.verify(3, postRequestedFor(urlPathEqualTo("/graphql")));
    }

    @Test
    void aServerWithoutBoardEventsIsAskedOnceMoreWithoutThem() {
        github.stubFor(post(urlPathEqualTo("/graphql")).inScenario("ghes").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        okJson("""
                                {"errors":[{"path":["query","nodes","timelineItems","itemTypes"],"extensions":{"code":"argumentLiteralsIncompatible"},
                                 "message":"Argument 'itemTypes' on Field 'timelineItems' has an invalid value. Expected type '[IssueTimelineItemsItemType!]'. ADDED_TO_PROJECT_V2_EVENT"}]}"""))
                .willSetStateTo("asked"));
        github.stubFor(post(urlPathEqualTo("/graphql")).inScenario("ghes").whenScenarioStateIs("asked")
                .willReturn(okJson(
                        answer("upgrade-bot", List.of(issue("I_1", "acme/a", 1, true, CREATED, null)), List.of()))));

        IssueActivityReader.Batch batch = reader.read(List.of("I_1"));

        assertEquals(1, batch.issues().size());
        assertEquals(2, batch.requests());
    }

    @Test
    void rateLimitsCarryWhenToRetryAndServerErrorsAreTransient() {
        github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withStatus(403)
                .withHeader("retry-after", "60")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}")));
        GitHubException.RateLimited limited = assertThrows(GitHubException.RateLimited.class,
                () -> reader.read(List.of("I_1")));
        assertTrue(limited.secondary());
        assertTrue(limited.retryAt().isPresent());

        github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withStatus(502)));
        assertThrows(GitHubException.Transient.class, () -> reader.read(List.of("I_1")));
    }

    @Test
    void noIssuesNoRequest() {
        assertEquals(0, reader.read(List.of()).requests());
        github.verify(0, postRequestedFor(urlPathEqualTo("/graphql")));
    }
}
