package io.upgradebot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.chart.ChartRenderer;
import io.upgradebot.project.statuspage.StatusPageLinks;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The status page in a real browser: headless Chromium (Debian's package; .ci/run installs it) loads a signed link
 * from the test server, and the test reads what a person sees from the DOM after load (the chart images' onload
 * writes their decoded width into {@code data-loaded}). A screenshot goes to target/status-page.png. Skipped, with
 * a message, only where Chromium is not installed.
 */
@QuarkusTest
@Tag("browser")
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class StatusPageBrowserTest {

    private static final long BROWSER_TIMEOUT_SECONDS = 90;

    @TestHTTPResource("/")
    URL server;
    @Inject
    StatusPageLinks links;

    @Test
    void aPersonOpeningTheLinkSeesTheProjectItsProgressARepositoryAndTheCharts() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium is not installed (apt-get install chromium; .ci/run installs it): browser test skipped");
        Seeded p = OwnerDoesFixtures.seed(OwnerDoesFixtures.freshFakes(), Map.of("openedx/edx-ora2", "openedx/arch",
                "openedx/codejail", "openedx/arch"));
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : p.repoIds().values()) {
                ProjectRepoEntity r = ProjectRepoEntity.findById(id);
                r.issueState = null;
                IssueStateChangeEntity.change(r, RepoIssueState.OPEN);
            }
            IssueStateChangeEntity.change(ProjectRepoEntity.findById(p.id("openedx/codejail")),
                    RepoIssueState.CLOSED);
        });
        String url = server.toString().replaceAll("/$", "") + "/projects/" + p.slug() + "?"
                + links.query(p.slug()).orElseThrow();

        String dom = run(chromium.get(), "--dump-dom", url);
        assertTrue(dom.contains("Django 5.2 (" + p.slug() + ") upgrade"), "the project's name: " + dom);
        assertTrue(dom.contains("50% done"), "its progress: " + dom);
        assertTrue(Pattern.compile("<td><a href=\"[^\"]+/openedx/codejail\">openedx/codejail</a></td>")
                .matcher(dom).find(), "a repository row: " + dom);
        assertTrue(dom.contains(">closed<") && dom.contains(">open<"), "each repository's status: " + dom);
        assertEquals(String.valueOf(ChartRenderer.WIDTH), attribute(dom, "burndown", "data-loaded"),
                "the burndown image loaded and decoded");
        assertEquals(String.valueOf(ChartRenderer.WIDTH), attribute(dom, "levels", "data-loaded"),
                "the Owner Does image loaded and decoded");

        Path shot = Path.of("target", "status-page.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(chromium.get(), "--screenshot=" + shot, "--window-size=1280,1800", url);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertNotNull(image, "a screenshot in " + shot);
        assertEquals(1280, image.getWidth());
    }

    private static String attribute(String dom, String id, String name) {
        Matcher tag = Pattern.compile("<img[^>]*id=\"" + id + "\"[^>]*>").matcher(dom);
        assertTrue(tag.find(), "an image #" + id + ": " + dom);
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag.group());
        return value.find() ? value.group(1) : null;
    }

    private static String run(String chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--user-data-dir="
                        + Files.createTempDirectory("chromium").toAbsolutePath()));
        command.addAll(List.of(args));
        File log = File.createTempFile("chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(log).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + Files.readString(log.toPath()));
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + readQuietly(log));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(File f) {
        try {
            return Files.readString(f.toPath());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Debian's chromium, or another Chromium on the PATH. */
    private static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return Optional.of(f.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
