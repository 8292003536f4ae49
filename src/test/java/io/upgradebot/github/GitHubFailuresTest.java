package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubFailuresTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SECONDARY = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few "
            + "minutes before you try again.\"}";

    private static GitHubException map(int status, Map<String, List<String>> headers, String body) {
        return GitHubFailures.fromResponse(status, headers, body, NOW);
    }

    @Test
    void secondaryLimitWithRetryAfterCarriesThatTime() {
        var e = assertInstanceOf(GitHubException.RateLimited.class,
                map(403, Map.of("Retry-After", List.of("30")), SECONDARY));
        assertTrue(e.secondary());
        assertEquals(Optional.of(NOW.plusSeconds(30)), e.retryAt());
    }

    @Test
    void secondaryLimitByMessageWithAnExhaustedBudgetWaitsForTheReset() {
        var e = assertInstanceOf(GitHubException.RateLimited.class, map(403,
                Map.of("x-ratelimit-remaining", List.of("0"), "x-ratelimit-reset", List.of("1795600000")), SECONDARY));
        assertTrue(e.secondary());
        assertEquals(Optional.of(Instant.ofEpochSecond(1795600000L)), e.retryAt());
    }

    @Test
    void secondaryLimitWithNeitherLeavesTheWaitToTheQueue() {
        var e = assertInstanceOf(GitHubException.RateLimited.class,
                map(403, Map.of("x-ratelimit-remaining", List.of("4000"), "x-ratelimit-reset", List.of("1795600000")),
                        SECONDARY));
        assertTrue(e.secondary());
        assertEquals(Optional.empty(), e.retryAt(), "the primary window's reset says nothing about a secondary limit");
        assertInstanceOf(GitHubException.RateLimited.class, map(429, Map.of(), "{\"message\":\"slow down\"}"));
    }

    @Test
    void primaryLimitIsRemainingZero() {
        var e = assertInstanceOf(GitHubException.RateLimited.class, map(403,
                Map.of("X-RateLimit-Remaining", List.of("0"), "X-RateLimit-Reset", List.of("1795600000")),
                "{\"message\":\"API rate limit exceeded for user ID 1.\"}"));
        assertFalse(e.secondary());
        assertEquals(Optional.of(Instant.ofEpochSecond(1795600000L)), e.retryAt());
    }

    @Test
    void serverErrorsAreTransientAndOtherClientErrorsPermanentWithGitHubsWords() {
        assertInstanceOf(GitHubException.Transient.class, map(502, Map.of(), "<html>Unicorn!</html>"));
        var e = assertInstanceOf(GitHubException.Permanent.class, map(422, Map.of(), """
                {"message":"Validation Failed","errors":[{"resource":"Issue","code":"custom","field":"body",
                 "message":"body is too long (maximum is 65536 characters)"}]}"""));
        assertEquals(422, e.status());
        assertEquals("Validation Failed: body is too long (maximum is 65536 characters)", e.getMessage());
        var forbidden = assertInstanceOf(GitHubException.Permanent.class,
                map(403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}"));
        assertEquals("Resource not accessible by integration", forbidden.getMessage());
        assertEquals("Validation Failed: Milestone title already_exists", GitHubFailures.githubMessage(
                "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Milestone\",\"code\":\"already_exists\","
                        + "\"field\":\"title\"}]}"));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        assertEquals(Optional.of(Instant.parse("2026-11-25T10:01:00Z")),
                GitHubFailures.retryAfter(Map.of("retry-after", List.of("Wed, 25 Nov 2026 10:01:00 GMT")), NOW));
    }
}
