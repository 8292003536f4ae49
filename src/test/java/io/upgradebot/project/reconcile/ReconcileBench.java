package io.upgradebot.project.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GitHub requests per reconciliation pass for N = 10, 100, 500 repositories, against the naive baseline of one
 * request per issue; both counted by the GitHub fake, never computed. Not part of the default test run (its name
 * does not end in "Test"): {@code bench/reconcile} runs it and prints the table it writes to
 * {@code target/bench-reconcile.md}.
 */
@Tag("bench")
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class ReconcileBench {

    @Inject
    ReconcileProjects reconcile;

    @Test
    void requestsPerPass() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| N repositories | Pass: GitHub requests | Target ⌈N/100⌉+1 | Naive: one request per issue | "
                + "Drift found (closed, board choices, removed) | Result |");
        rows.add("|---|---|---|---|---|---|");
        boolean allMet = true;
        for (int n : new int[]{10, 100, 500}) {
            GitHubFake.BoardState board = OwnerDoesFixtures.freshFakes();
            GitHubFake github = GitHubFake.INSTANCE;
            Map<String, String> repos = new LinkedHashMap<>();
            String run = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < n; i++) {
                repos.put("openedx/bench-" + run + "-" + i, "openedx/arch");
            }
            Seeded p = OwnerDoesFixtures.seed(board, repos);
            List<String> names = List.copyOf(repos.keySet());
            // drift as people make it, a tenth of the repositories each: closed, board value set, item removed
            int drifted = Math.max(1, n / 10);
            for (int i = 0; i < drifted; i++) {
                github.closeAsPerson(names.get(i), 1, "alice", "completed");
                github.setBoardValueAsPerson(board, OwnerDoesFixtures.repo(p.id(names.get(n - 1 - i))).boardItemId,
                        "Owner Does", "Owner reviews", "jane");
            }
            github.removeBoardItem(board, OwnerDoesFixtures.repo(p.id(names.get(n / 2))).boardItemId);

            github.resetRequests();
            ReconcileReport report = reconcile.reconcile(p.projectId()).orElseThrow();
            int passRequests = github.requests();

            github.resetRequests();
            naivePass(names);
            int naiveRequests = github.requests();

            int target = (n + 99) / 100 + 1;
            boolean met = passRequests <= target && report.closed().size() == drifted
                    && report.choices().size() == drifted && report.reported().size() == 1;
            allMet &= met;
            rows.add("| " + n + " | " + passRequests + " | " + target + " | " + naiveRequests + " | "
                    + report.closed().size() + ", " + report.choices().size() + ", " + report.reported().size()
                    + " | " + (met ? "pass" : "FAIL") + " |");
            assertEquals(passRequests, report.requests(), "the pass's own count agrees with the fake's");
        }
        String table = String.join("\n", rows) + "\n";
        Files.writeString(Path.of("target", "bench-reconcile.md"), table, StandardCharsets.UTF_8);
        System.out.println(table);
        assertTrue(allMet, table);
    }

    /** What a pass without batching sends: one read per repository issue (its state), through GitHub's REST API. */
    private static void naivePass(List<String> repos) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String repo : repos) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Fakes.github.baseUrl() + "/repos/"
                    + repo + "/issues/1")).header("Accept", "application/vnd.github+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(repo + " answered " + r.statusCode());
            }
        }
    }
}
