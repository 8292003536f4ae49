package io.upgradebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Links to boards and issues use the web host of the GitHub the bot is configured for, not always github.com. */
class GitHubWebUrlTest {

    @Test
    void theWebHostFollowsTheConfiguredApiUrl() {
        assertEquals("https://github.com", GitHubSecrets.webUrlOf("https://api.github.com"));
        assertEquals("https://github.com", GitHubSecrets.webUrlOf("https://api.github.com/"));
        assertEquals("https://ghe.example.com", GitHubSecrets.webUrlOf("https://ghe.example.com/api/v3"));
        assertEquals("https://ghe.example.com", GitHubSecrets.webUrlOf("https://ghe.example.com/api/v3/"));
        assertEquals("https://acme.ghe.com", GitHubSecrets.webUrlOf("https://api.acme.ghe.com"));
        assertEquals("http://localhost:8089", GitHubSecrets.webUrlOf("http://localhost:8089"));
    }
}
