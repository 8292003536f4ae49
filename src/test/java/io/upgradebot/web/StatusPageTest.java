package io.upgradebot.web;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.OwnerDoesFixtures.sent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upgradebot.config.StatusPageConfig;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.chart.ChartRenderer;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.project.statuspage.StatusPageLinks;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.OwnerDoesFixtures.Seeded;
import io.upgradebot.support.SettableClock;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /projects/{slug}}, its chart images and {@code GET /api/projects/{slug}}: served for a link the bot
 * signed, until it expires; every other request gets 404 with an empty body.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class StatusPageTest {

    @Inject
    StatusPageLinks links;
    @Inject
    SettableClock clock;
    @Inject
    StatusMessages statusMessages;
    @Inject
    io.upgradebot.github.WriteQueueLoop worker;
    @Inject
    StatusPageConfig pageConfig;

    @Test
    void aSignedLinkShowsTheProjectItsRepositoriesAndItsCharts() throws Exception {
        Seeded p = seed();
        String q = links.query(p.slug()).orElseThrow();

        String html = given().get("/projects/" + p.slug() + "?" + q).then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", containsString("no-store"))
                .header("Referrer-Policy", equalTo("no-referrer")).extract().asString();
        assertTrue(html.contains("Django 5.2 (" + p.slug() + ") upgrade"), html);
        assertTrue(html.contains("33% done"), "1 of 3 closed: " + html);
        assertTrue(html.contains(">openedx/edx-ora2</a>") && html.contains("openedx/arch"), html);
        assertTrue(html.contains("Owner reviews"), "a chosen level is shown by its label");
        assertTrue(html.contains("/projects/" + p.slug() + "/burndown.png?" + q.replace("&", "&amp;")), html);
        assertTrue(html.contains(ChartRenderer.NO_HISTORY), "seeded rows have no history: the page says so");

        for (String chart : new String[]{"burndown.png", "owner-does.png"}) {
            byte[] png = given().get("/projects/" + p.slug() + "/" + chart + "?" + q).then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, chart);
            assertEquals(ChartRenderer.WIDTH, image.getWidth());
            assertEquals(ChartRenderer.HEIGHT, image.getHeight());
        }
    }

    @Test
    void theJsonEndpointAnswersTheSameData() {
        Seeded p = seed();
        String q = links.query(p.slug()).orElseThrow();

        JsonPath json = given().get("/api/projects/" + p.slug() + "?" + q).then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertEquals(p.slug(), json.getString("slug"));
        assertEquals(3, json.getInt("repositories"));
        assertEquals(1, json.getInt("issuesClosed"));
        assertEquals(2, json.getInt("issuesOpen"));
        assertEquals(33, json.getInt("percentDone"));
        assertEquals(List.of("openedx/codejail", "openedx/edx-ora2", "openedx/xblock"), json.getList("rows.repo"),
                "by name");
        assertEquals("Owner reviews", json.getString("rows[1].ownerDoes"));
        assertEquals("closed", json.getString("rows[1].status"));
        assertEquals("open", json.getString("rows[0].status"));
        assertEquals("openedx/arch", json.getString("rows[1].owner"));
        assertEquals("2026-11-30T10:00:00Z", json.getString("rows[1].lastHumanActivity"));
        assertTrue(json.getString("rows[1].issueUrl").contains("/issues/"));
        assertEquals("TBD", json.getString("levels[0].label"));
        assertEquals(2, json.getInt("levels[0].count"));
    }

    @Test
    void anythingButAValidUnexpiredLinkIs404WithAnEmptyBody() {
        Seeded p = seed();
        String q = links.query(p.slug()).orElseThrow();
        String exp = q.substring("exp=".length(), q.indexOf('&'));
        String sig = q.substring(q.indexOf("sig=") + 4);
        String otherSig = (sig.charAt(0) == 'a' ? "b" : "a") + sig.substring(1);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no link", "/projects/" + p.slug());
        refused.put("tampered signature", "/projects/" + p.slug() + "?exp=" + exp + "&sig=" + otherSig);
        refused.put("later expiry", "/projects/" + p.slug() + "?exp=" + (Long.parseLong(exp) + 1) + "&sig=" + sig);
        refused.put("another project's link", "/projects/" + p.slug() + "-x?" + q);
        refused.put("unknown project, signed", "/projects/no-such-project?" + links.query("no-such-project").get());
        refused.put("garbage", "/projects/" + p.slug() + "?exp=abc&sig=" + "f".repeat(500));
        refused.put("json without a link", "/api/projects/" + p.slug());
        refused.put("chart, tampered", "/projects/" + p.slug() + "/burndown.png?exp=" + exp + "&sig=" + otherSig);
        refused.put("expiry past what a number holds",
                "/projects/" + p.slug() + "?exp=" + "9".repeat(19) + "&sig=" + sig);
        refused.forEach((why, url) -> given().get(url).then().statusCode(404).body(emptyString()));

        // the same link once its lifetime is over
        // the GitHub write queue sits the week out: a write paced under it would hold the queue back a week after
        worker.pause();
        clock.use(Clock.offset(Clock.systemUTC(), Duration.ofDays(7).plusMinutes(1)));
        try {
            for (String url : new String[]{"/projects/" + p.slug() + "?" + q, "/api/projects/" + p.slug() + "?" + q,
                    "/projects/" + p.slug() + "/owner-does.png?" + q}) {
                given().get(url).then().statusCode(404).body(emptyString());
            }
        } finally {
            clock.useSystemClock();
            worker.resume();
        }
        given().get("/projects/" + p.slug() + "?" + q).then().statusCode(200);
    }

    @Test
    void aSignedLinkExpiringPastWhatADateHoldsOrPastTheLifetimeIsA404NotA500() {
        Seeded p = seed();
        String farFuture = signedQuery(p.slug(), Long.MAX_VALUE);
        for (String url : new String[]{"/projects/" + p.slug() + "?" + farFuture,
                "/api/projects/" + p.slug() + "?" + farFuture, "/projects/" + p.slug() + "/burndown.png?" + farFuture,
                "/projects/" + p.slug() + "/owner-does.png?" + farFuture}) {
            given().get(url).then().statusCode(404).body(emptyString());
        }
        long now = clock.instant().getEpochSecond();
        long lifetime = pageConfig.linkLifetime().getSeconds();
        given().get("/projects/" + p.slug() + "?" + signedQuery(p.slug(), now + lifetime)).then().statusCode(200);
        given().get("/projects/" + p.slug() + "?" + signedQuery(p.slug(), now + lifetime + 3600)).then()
                .statusCode(404).body(emptyString());
        String gone = signedQuery(p.slug(), -999_999_999_999_999_999L); // before any date too
        given().get("/projects/" + p.slug() + "?" + gone).then().statusCode(404).body(emptyString());
    }

    /** A link signed like StatusPageLinks does, with the test key, for an expiry the bot would never hand out. */
    private String signedQuery(String slug, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    pageConfig.secret().orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "exp=" + exp + "&sig=" + HexFormat.of().formatHex(
                    mac.doFinal((slug + "\n" + exp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStatusMessageCarriesASignedLinkToThePage() {
        Seeded p = seed();
        statusMessages.refreshNow(p.projectId());
        String blocks = sent("chat.postMessage").stream().map(m -> m.path("blocks").toString())
                .filter(b -> b.contains(p.slug())).reduce((a, b) -> b).orElseThrow();
        String prefix = "https://upgrade-bot.test/projects/" + p.slug() + "?exp=";
        int at = blocks.indexOf(prefix);
        assertTrue(at >= 0, blocks);
        String link = blocks.substring(at, blocks.indexOf('"', at));
        String q = link.substring(link.indexOf('?') + 1);
        Eventually.await(Duration.ofSeconds(5), "the link opens the page",
                () -> given().get("/projects/" + p.slug() + "?" + q).then().extract().statusCode() == 200);
        assertTrue(blocks.contains("ub.project_chart"), "and the Chart button: " + blocks);
        long exp = Long.parseLong(q.substring(4, q.indexOf('&')));
        assertTrue(Instant.ofEpochSecond(exp).isAfter(Instant.now().plus(Duration.ofDays(6))), "valid for 7 days");
    }

    private static Seeded seed() {
        Seeded p = OwnerDoesFixtures.seed(OwnerDoesFixtures.freshFakes(), Map.of("openedx/edx-ora2", "openedx/arch",
                "openedx/codejail", "openedx/arch", "openedx/xblock", "openedx/frontend"));
        QuarkusTransaction.requiringNew().run(() -> {
            ProjectRepoEntity ora = ProjectRepoEntity.findById(p.id("openedx/edx-ora2"));
            ora.issueState = RepoIssueState.CLOSED;
            ora.ownerDoes = "owner-reviews";
            ora.lastHumanActivityAt = Instant.parse("2026-11-30T10:00:00Z");
        });
        return p;
    }
}
