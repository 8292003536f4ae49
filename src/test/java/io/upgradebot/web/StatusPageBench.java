package io.upgradebot.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.chart.ProjectCharts;
import io.upgradebot.project.statuspage.StatusPageLinks;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Benchmark, not part of the test run (bench/statuspage runs it with UPGRADE_BOT_BENCH=1): a project of 500
 * repositories with 90 days of issue history; the status page over HTTP (the whole response: database, template,
 * 500 rows) and each chart drawn. Warm-up first, then 30 measured rounds; prints p50 / p95 / max and fails when
 * the p95 misses the targets (page < 1 s, chart < 200 ms). Also prints the charts' CPU time. Figures go to
 * docs/benchmarks.md.
 */
@QuarkusTest
@Tag("bench")
@EnabledIfEnvironmentVariable(named = "UPGRADE_BOT_BENCH", matches = "1")
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class StatusPageBench {

    private static final int REPOSITORIES = 500;
    private static final int WARMUP = 20;
    private static final int ROUNDS = 30;

    @Inject
    StatusPageLinks links;
    @Inject
    ProjectCharts charts;

    @Test
    void fiveHundredRepositories() {
        Seeded p = OwnerDoesFixtures.seedMany(REPOSITORIES, "openedx/arch");
        List<Long> ids = p.repoIds().values().stream().sorted().toList();
        Instant start = Instant.now().minusSeconds(90L * 86_400);
        QuarkusTransaction.requiringNew().run(() -> {
            // every issue opened on day 0; about two thirds closed over the 90 days, a few reopened and closed again
            for (int i = 0; i < ids.size(); i++) {
                ProjectRepoEntity r = ProjectRepoEntity.findById(ids.get(i));
                r.lastHumanActivityAt = start.plusSeconds(i * 3_600L);
                r.ownerDoes = i % 3 == 0 ? "owner-reviews" : "TBD";
                change(r, RepoIssueState.OPEN, start);
                if (i % 3 != 2) {
                    change(r, RepoIssueState.CLOSED, start.plusSeconds((i % 90) * 86_400L + 3_600));
                }
                if (i % 25 == 0) {
                    change(r, RepoIssueState.OPEN, start.plusSeconds((i % 90) * 86_400L + 7_200));
                    change(r, RepoIssueState.CLOSED, start.plusSeconds((i % 90) * 86_400L + 9_000));
                }
            }
        });
        String url = "/projects/" + p.slug() + "?" + links.query(p.slug()).orElseThrow();

        double[] page = measure(() -> given().get(url).then().statusCode(200).extract().asByteArray().length);
        double[] burndown = measure(() -> charts.burndown(p.projectId()).orElseThrow().bytes().length);
        double[] levels = measure(() -> charts.levels(p.projectId()).orElseThrow().bytes().length);
        // the CPU time of the drawing thread: what a chart costs, whatever else the machine is busy with
        double[] burndownCpu = cpu(() -> charts.burndown(p.projectId()).orElseThrow().bytes().length);
        double[] levelsCpu = cpu(() -> charts.levels(p.projectId()).orElseThrow().bytes().length);
        double[] burndownHttp = measure(() -> given().get("/projects/" + p.slug() + "/burndown.png?"
                + links.query(p.slug()).orElseThrow()).then().statusCode(200).extract().asByteArray().length);

        System.out.printf(Locale.ROOT, "%nstatus page bench: %d repositories, %d warm-up + %d rounds (ms)%n",
                REPOSITORIES, WARMUP, ROUNDS);
        report("page over HTTP (500 rows)", page);
        report("burndown drawn (PNG)", burndown);
        report("levels drawn (PNG)", levels);
        report("burndown over HTTP", burndownHttp);
        report("burndown drawn, CPU time", burndownCpu);
        report("levels drawn, CPU time", levelsCpu);
        assertTrue(p95(page) < 1_000, "page p95 under 1 s");
        assertTrue(p95(burndown) < 200 && p95(levels) < 200, "charts p95 under 200 ms");
    }

    private static void change(ProjectRepoEntity r, RepoIssueState state, Instant at) {
        IssueStateChangeEntity row = new IssueStateChangeEntity();
        row.projectId = r.projectId;
        row.projectRepoId = r.id;
        row.state = state;
        row.changedAt = at;
        row.persist();
        r.issueState = state;
    }

    private static double[] measure(Supplier<Integer> once) {
        for (int i = 0; i < WARMUP; i++) {
            once.get();
        }
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            assertTrue(once.get() > 0);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double[] cpu(Supplier<Integer> once) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = threads.getCurrentThreadCpuTime();
            assertTrue(once.get() > 0);
            ms[i] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double p95(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "  %-28s p50 %7.1f  p95 %7.1f  max %7.1f%n", what, sorted[sorted.length / 2],
                p95(sorted), sorted[sorted.length - 1]);
    }
}
