package io.upgradebot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.project.announce.ScheduledDeliveries;
import io.upgradebot.project.chart.ChartRenderer;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.ScheduleSeeds;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The charts reach Slack through its external upload, in two Web API steps around the bytes' own POST: on the
 * status message's "Chart" button (into the status thread) and with the weekly digest (into its thread).
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class ChartUploadTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATUS_TS = "1767000000.000100";

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    ScheduledDeliveries deliveries;

    @BeforeEach
    void fakes() {
        Fakes.reset();
        Fakes.slack.stubFor(post(urlPathMatching("/actions/.*")).willReturn(okJson("{\"ok\":true}")));
    }

    @Test
    void theChartButtonUploadsBothChartsIntoTheStatusThread() throws Exception {
        UpgradeProjectEntity p = ScheduleSeeds.project("Django 5.2 charts", "C0CHARTS", STATUS_TS,
                LocalDate.parse("2027-04-23"), "U0ORCH");
        String trigger = OwnerDoesFixtures.trigger();

        SlackSigner.postForm(SlackSigner.interaction(SlackSigner.blockActionPayload(ActionIds.PROJECT_CHART.id(),
                String.valueOf(p.id), "U0ANYONE", "C0CHARTS", trigger))).statusCode(200);

        Eventually.await(WAIT, "two uploads completed", () -> SlackCalls.count("files.completeUploadExternal") == 2);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        List<Map<String, String>> urls = SlackCalls.of("files.getUploadURLExternal");
        assertEquals(2, urls.size());
        assertTrue(urls.get(0).get("filename").endsWith("-burndown.png"), urls.toString());
        assertTrue(urls.get(1).get("filename").endsWith("-owner-does.png"), urls.toString());
        List<LoggedRequest> bytes = Fakes.slack.findAll(postRequestedFor(urlPathMatching("/upload/v1/.*")));
        assertEquals(2, bytes.size(), "the bytes went to the URL Slack handed out");
        for (int i = 0; i < 2; i++) {
            byte[] body = bytes.get(i).getBody();
            assertEquals(String.valueOf(body.length), urls.get(i).get("length"), "the announced length");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(body));
            assertNotNull(png, "a PNG");
            assertEquals(ChartRenderer.WIDTH, png.getWidth());
            assertEquals(ChartRenderer.HEIGHT, png.getHeight());
        }
        for (Map<String, String> done : SlackCalls.of("files.completeUploadExternal")) {
            assertEquals("C0CHARTS", done.get("channel_id"));
            assertEquals(STATUS_TS, done.get("thread_ts"), "in the status message's thread");
            assertTrue(done.get("files").contains("F0CHART"), done.toString());
        }
        String told = Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/actions/T0001/1/" + trigger))).get(0)
                .getBodyAsString();
        assertTrue(told.contains("status message") && told.contains("\"replace_original\":false"), told);
    }

    @Test
    void aChartButtonOfADeletedProjectUploadsNothing() {
        String trigger = OwnerDoesFixtures.trigger();
        SlackSigner.postForm(SlackSigner.interaction(SlackSigner.blockActionPayload(ActionIds.PROJECT_CHART.id(),
                "987654321", "U0ANYONE", "C0CHARTS", trigger))).statusCode(200);
        OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        assertEquals(0, SlackCalls.count("files.getUploadURLExternal"));
    }

    @Test
    void theWeeklyDigestCarriesTheCharts() {
        ScheduleSeeds.slackAcceptsPosts();
        UpgradeProjectEntity p = ScheduleSeeds.project("Django 5.2 digest", "C0DIGEST", STATUS_TS,
                LocalDate.parse("2027-04-23"), "U0ORCH");
        ScheduledMessageEntity m = ScheduleSeeds.message(p.id, "DIGEST", null, null, null, "0 0 10 ? * MON",
                "Europe/Berlin", "U0ORCH");
        QuarkusTransaction.requiringNew()
                .run(() -> ScheduledMessageEntity.update("target = 'THREAD' where id = ?1", m.id));

        assertEquals(ScheduledDeliveries.Outcome.SENT,
                deliveries.deliver(m.id, "digest-" + UUID.randomUUID(), Instant.now()));

        assertTrue(SlackCalls.of("chat.postMessage").stream()
                .anyMatch(x -> x.get("text") != null && x.get("text").contains("Weekly digest")));
        List<Map<String, String>> shared = SlackCalls.of("files.completeUploadExternal");
        assertEquals(2, shared.size(), "burndown and levels");
        assertTrue(shared.stream().allMatch(x -> "C0DIGEST".equals(x.get("channel_id"))
                && STATUS_TS.equals(x.get("thread_ts"))), shared.toString());
    }
}
