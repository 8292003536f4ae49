package io.upgradebot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.OwnerDoesFixtures.CHANNEL;
import static io.upgradebot.support.OwnerDoesFixtures.ORCHESTRATOR;
import static io.upgradebot.support.OwnerDoesFixtures.repo;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade ask} and {@code /upgrade tbd}: owners found in catalog-info.yaml, CODEOWNERS or the configured
 * mapping (else unknown, never guessed), written to the board's Owner field and the issue, and the runbook's
 * announcement mentioning the owning teams.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class AskOwnersTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

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
    void ownersComeFromCatalogInfoThenCodeownersThenTheMappingAndTheRestStayUnknown() {
        Map<String, String> repos = new LinkedHashMap<>();
        repos.put("openedx/catalogued", null);
        repos.put("openedx/coded", null);
        repos.put("openedx/mapped-thing", null);
        repos.put("openedx/orphan", null);
        Seeded p = OwnerDoesFixtures.seed(board, repos);
        // catalog-info.yaml wins over a CODEOWNERS in the same repository
        file("openedx/catalogued", "catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: catalogued
                spec:
                  owner: group:openedx/arch   # the owning team
                  lifecycle: production
                """);
        file("openedx/catalogued", ".github/CODEOWNERS", "* @openedx/frontend\n");
        file("openedx/coded", ".github/CODEOWNERS", "# owners\n/docs/ @openedx/docs-team\n* @openedx/frontend @jane\n");
        file("openedx/orphan", "README.md", "no owner files here");

        SlackSigner.postForm(SlackSigner.command("ask " + p.slug(), ORCHESTRATOR, CHANNEL, OwnerDoesFixtures.trigger()))
                .statusCode(200).body("text", containsString("posting the announcement in <#" + CHANNEL + ">"));

        Eventually.await(WAIT, "the announcement", () -> announcement(p) != null);
        String text = announcement(p).toString();
        for (String expected : List.of("Django", "4.2", "5.2", "2026-04-23", "https://docs.example/django-5-2",
                "choose an _Owner Does_ level", "<!subteam^S0ARCH> (1)", "<@U0FE1> <@U0FE2> (1)",
                "`openedx/mapped-team` (1)", "1 repository has no known owner", "Choose for my repositories")) {
            assertTrue(text.contains(expected), "the announcement says " + expected + ": " + text);
        }

        assertEquals("openedx/arch", repo(p.id("openedx/catalogued")).ownerTeam);
        assertEquals("catalog-info", repo(p.id("openedx/catalogued")).ownerSource);
        assertEquals("openedx/frontend", repo(p.id("openedx/coded")).ownerTeam);
        assertEquals("codeowners", repo(p.id("openedx/coded")).ownerSource);
        assertEquals("openedx/mapped-team", repo(p.id("openedx/mapped-thing")).ownerTeam);
        assertEquals("mapping", repo(p.id("openedx/mapped-thing")).ownerSource);
        assertNull(repo(p.id("openedx/orphan")).ownerTeam, "never guessed");
        assertNull(repo(p.id("openedx/orphan")).ownerSource);

        // the owner goes onto the board's Owner field and the repository issue
        Eventually.await(WAIT, "the board's Owner field", () -> "openedx/frontend".equals(owner(p, "openedx/coded"))
                && "openedx/arch".equals(owner(p, "openedx/catalogued"))
                && "openedx/mapped-team".equals(owner(p, "openedx/mapped-thing")));
        assertNull(owner(p, "openedx/orphan"));
        Eventually.await(WAIT, "the issue names its owner", () -> GitHubFake.INSTANCE.issue("openedx/coded", 1)
                .path("body").asText().contains("**Owning team:** `openedx/frontend` (found in CODEOWNERS)"));
        assertTrue(GitHubFake.INSTANCE.issue("openedx/coded", 1).path("body").asText()
                .startsWith("Part of the Django 5.2 upgrade."), "the issue's own text is kept");
        synchronized (GitHubFake.INSTANCE) {
            assertTrue(board.field("Owner").options.stream().anyMatch(o -> o.name().equals("openedx/someone-else")),
                    "existing Owner options are kept when one is added");
        }

        // the orchestrator hears back through the command's response_url
        Eventually.await(WAIT, "the orchestrator is told", () -> Fakes.slack.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/commands/.*")))
                .stream()
                .anyMatch(r -> r.getBodyAsString().contains("Asked the owning teams of 4 repositories")));

        // asking again finds the owners already known and writes nothing new to GitHub
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        int writes = GitHubFake.INSTANCE.applied().size();
        long announcements = announcements(p);
        SlackSigner.postForm(SlackSigner.command("ask " + p.slug(), ORCHESTRATOR, CHANNEL, OwnerDoesFixtures.trigger()))
                .statusCode(200);
        Eventually.await(WAIT, "the second announcement", () -> announcements(p) > announcements);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(writes, GitHubFake.INSTANCE.applied().size(), "known owners are not written again");
    }

    @Test
    void onlyOrchestratorsAsk() {
        Seeded p = OwnerDoesFixtures.seed(board, Map.of("openedx/xblock", "openedx/arch"));
        SlackSigner.postForm(SlackSigner.command("ask " + p.slug(), "U0ARCH1", CHANNEL, OwnerDoesFixtures.trigger()))
                .statusCode(200)
                .body("text", containsString("Only orchestrators ask the owners to choose"))
                .body("text", containsString("<@" + ORCHESTRATOR + ">"));
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(0, postsAbout(p), "nothing posted");
    }

    @Test
    void tbdListsTheRepositoriesStillUndecidedWithTheirOwners() {
        Map<String, String> repos = new LinkedHashMap<>();
        repos.put("openedx/alpha", "openedx/arch");
        repos.put("openedx/beta", "openedx/arch");
        repos.put("openedx/gamma", null);
        repos.put("openedx/delta", "openedx/frontend");
        Seeded p = OwnerDoesFixtures.seed(board, repos);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            io.upgradebot.store.ProjectRepoEntity delta = io.upgradebot.store.ProjectRepoEntity
                    .findById(p.id("openedx/delta"));
            delta.ownerDoes = "owner-reviews";
        });
        String tbdTrigger = OwnerDoesFixtures.trigger();
        SlackSigner.postForm(SlackSigner.command("tbd " + p.slug(), "U0ANYONE", CHANNEL, tbdTrigger)).statusCode(200);
        String reply = io.upgradebot.support.SlackCalls.responseTo(tbdTrigger);
        assertTrue(reply.contains("3 repositories of"), reply);
        assertTrue(reply.contains("`openedx/arch`* (2)") && reply.contains("openedx/alpha")
                && reply.contains("openedx/beta"));
        assertTrue(reply.contains("*Owner unknown* (1)") && reply.contains("openedx/gamma"));
        assertTrue(!reply.contains("openedx/delta"), "chosen ones are not listed");
        assertTrue(reply.contains("\"response_type\":\"ephemeral\""));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A file on the default branch, as GET /repos/{repo}/contents/{path} answers it (base64). */
    private static void file(String repo, String path, String text) {
        String content = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String name = path.substring(path.lastIndexOf('/') + 1);
        String url = Fakes.github.baseUrl() + "/repos/" + repo + "/contents/" + path;
        Fakes.github
                .stubFor(
                        get(urlPathEqualTo("/repos/" + repo + "/contents/" + path)).atPriority(1).willReturn(
                                okJson("""
                                        {"type":"file","encoding":"base64","size":%d,"name":"%s","path":"%s","content":"%s",
                                         "sha":"3d21ec53a331a6f037a91c368710b99387d012c1","url":"%s",
                                         "git_url":"%s/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1",
                                         "html_url":"https://github.com/%s/blob/main/%s","download_url":"https://raw.githubusercontent.com/%s/main/%s",
                                         "_links":{"self":"%s","git":"%s","html":"https://github.com/%s/blob/main/%s"}}"""
                                        .formatted(text.length(), name, path, content.replace("\r\n", "\\n"), url,
                                                Fakes.github.baseUrl()
                                                        + "/repos/" + repo,
                                                repo, path, repo, path, url, url, repo, path))));
    }

    /** How many announcements of {@code p} were posted. */
    private static long announcements(Seeded p) {
        return announcementsOf(p).count();
    }

    /** Posts naming {@code p} (its status message, its announcements, its thread). */
    private static long postsAbout(Seeded p) {
        return sent("chat.postMessage").stream().filter(m -> m.toString().contains(p.slug())).count();
    }

    /** {@code p}'s first announcement, or null. */
    private static JsonNode announcement(Seeded p) {
        return announcementsOf(p).findFirst().orElse(null);
    }

    /** {@code p}'s announcements (the channel is every seeded project's; another test's may land late). */
    private static java.util.stream.Stream<JsonNode> announcementsOf(Seeded p) {
        return sent("chat.postMessage").stream()
                .filter(m -> m.path("channel").asText().equals(CHANNEL) && m.path("thread_ts").asText().isEmpty()
                        && m.toString().contains("Choose for my repositories") && m.toString().contains(p.slug()));
    }

    private String owner(Seeded p, String repo) {
        synchronized (GitHubFake.INSTANCE) {
            return board.value(repo(p.id(repo)).boardItemId, "Owner");
        }
    }
}
