package io.upgradebot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubWebhookSignatureTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesGitHubsPublishedTestVector() {
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertEquals(expected, GitHubWebhookSignature.sign(SECRET, BODY));
        assertTrue(GitHubWebhookSignature.matches(SECRET, BODY, expected));
    }

    @Test
    void refusesAnythingElse() {
        String good = GitHubWebhookSignature.sign(SECRET, BODY);
        assertFalse(GitHubWebhookSignature.matches(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), good));
        assertFalse(GitHubWebhookSignature.matches("another secret", BODY, good));
        assertFalse(GitHubWebhookSignature.matches(SECRET, BODY, null));
        assertFalse(GitHubWebhookSignature.matches(SECRET, BODY, good.substring("sha256=".length())));
        assertFalse(GitHubWebhookSignature.matches(SECRET, BODY, "sha1=" + good.substring(7)));
        assertFalse(GitHubWebhookSignature.matches("", BODY, good), "no secret configured: nothing matches");
    }
}
