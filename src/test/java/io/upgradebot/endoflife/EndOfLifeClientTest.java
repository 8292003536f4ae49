package io.upgradebot.endoflife;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.upgradebot.domain.CompletionDateRule;
import io.upgradebot.domain.CompletionSuggestion;
import io.upgradebot.domain.ReleaseCalendar;
import io.upgradebot.domain.SupportCycle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain JUnit against a WireMock endoflife.date answering with the API's real shapes. */
class EndOfLifeClientTest {

    WireMockServer server;
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    EndOfLifeClient client;

    @BeforeEach
    void start() throws IOException {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/django.json")).willReturn(okJson(fixture("django.json"))));
        server.stubFor(get(urlPathEqualTo("/api/react.json")).willReturn(okJson(fixture("react.json"))));
        server.stubFor(get(urlPathEqualTo("/api/nosuchproduct.json")).willReturn(notFound()
                .withHeader("Content-Type", "text/html").withBody("<html>Not found</html>")));
        client = new EndOfLifeClient(URI.create(server.baseUrl()), Duration.ofSeconds(30), Duration.ofHours(1),
                new ObjectMapper(), clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void eol_as_a_date_gives_the_end_of_support_and_the_completion_date_follows_the_runbook() {
        SupportCycle django42 = client.cycle("django", "4.2").orElseThrow();
        assertEquals(LocalDate.of(2026, 4, 30), django42.eolDate());
        assertEquals("4.2.26", django42.latest());
        assertTrue(django42.lts());

        CompletionSuggestion s = CompletionDateRule.suggest(LocalDate.of(2025, 6, 1), client.window("Django", "4.2.16"),
                ReleaseCalendar.defaults());
        assertEquals(Optional.of(LocalDate.of(2026, 4, 23)), s.date());
        assertEquals("Django 4.2 support ends 2026-04-30 (endoflife.date); the last release branch cut before that"
                + " is Verawood on 2026-04-23.", s.reason());
    }

    @Test
    void eol_as_a_boolean_is_understood_both_ways() {
        SupportCycle react17 = client.cycle("react", "17").orElseThrow();
        assertEquals(Boolean.TRUE, react17.eolFlag());
        assertTrue(react17.hasEnded(LocalDate.of(2025, 6, 1)));
        SupportCycle react18 = client.cycle("react", "18.3.1").orElseThrow();
        assertEquals(Boolean.FALSE, react18.eolFlag());
        assertTrue(CompletionDateRule.suggest(LocalDate.of(2025, 6, 1), client.window("react", "18"),
                ReleaseCalendar.defaults()).needsManualDate());
        assertEquals("16.14", client.cycle("react", "16.14").orElseThrow().cycle(), "numeric cycle");
    }

    @Test
    void an_unknown_product_or_cycle_is_empty_not_an_error() {
        assertEquals(Optional.empty(), client.cycle("nosuchproduct", "1"));
        assertEquals(Optional.empty(), client.cycle("django", "9.9"));
        assertEquals(Optional.empty(), client.cycle("../etc/passwd", "1"));
        assertEquals(0, server.findAll(getRequestedFor(urlPathEqualTo("/etc/passwd.json"))).size());
    }

    @Test
    void server_errors_garbage_and_timeouts_are_empty_and_not_cached() {
        server.stubFor(get(urlPathEqualTo("/api/python.json")).willReturn(serverError()));
        assertEquals(Optional.empty(), client.cycle("python", "3.12"));
        server.stubFor(get(urlPathEqualTo("/api/python.json")).willReturn(okJson("{\"message\":\"nope\"}")));
        assertEquals(Optional.empty(), client.cycle("python", "3.12"));
        server.stubFor(get(urlPathEqualTo("/api/python.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"cycle\":").withFixedDelay(0)));
        assertEquals(Optional.empty(), client.cycle("python", "3.12"));
        server.stubFor(get(urlPathEqualTo("/api/python.json")).willReturn(okJson(
                "[{\"cycle\":\"3.12\",\"eol\":\"2028-10-31\"}]").withFixedDelay(1500)));
        EndOfLifeClient impatient = new EndOfLifeClient(URI.create(server.baseUrl() + "/"), Duration.ofMillis(200),
                Duration.ofHours(1), new ObjectMapper(), clock);
        assertEquals(Optional.empty(), impatient.cycle("python", "3.12"), "slower than the 200 ms timeout");
        server.stubFor(get(urlPathEqualTo("/api/python.json")).willReturn(okJson(
                "[{\"cycle\":\"3.12\",\"eol\":\"2028-10-31\"}]")));
        assertEquals(LocalDate.of(2028, 10, 31), client.cycle("python", "3.12").orElseThrow().eolDate());
    }

    @Test
    void an_unreachable_api_is_empty() {
        server.stop();
        assertEquals(Optional.empty(), client.cycle("django", "4.2"));
    }

    @Test
    void answers_are_reused_until_the_cache_expires() {
        client.cycle("django", "4.2");
        client.cycle("django", "5.2");
        assertEquals(1, server.findAll(getRequestedFor(urlPathEqualTo("/api/django.json"))).size());
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        client.cycle("django", "4.2");
        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo("/api/django.json"))).size());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = EndOfLifeClientTest.class.getResourceAsStream("/endoflife/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
