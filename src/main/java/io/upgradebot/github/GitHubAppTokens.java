package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * GitHub App authentication: a JWT (RS256, signed with the app's private key) buys an installation access token
 * ({@code POST /app/installations/{id}/access_tokens}), valid one hour. The token is cached and refreshed
 * {@link #REFRESH_EARLY} before it expires, so a write never starts with a token about to die.
 */
public final class GitHubAppTokens {
    static final Duration REFRESH_EARLY = Duration.ofMinutes(5);
    // GitHub: iat 60 s in the past against clock drift; exp at most 10 minutes ahead
    private static final Duration JWT_BACKDATE = Duration.ofSeconds(60);
    private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);

    private final String apiUrl;
    private final String appId;
    private final PrivateKey key;
    private final String installationId;
    private final GitHubHttp http;
    private final Clock clock;

    private String token;
    private Instant expiresAt;
    private String slug;

    GitHubAppTokens(String apiUrl, String appId, PrivateKey key, String installationId, GitHubHttp http, Clock clock) {
        this.apiUrl = apiUrl;
        this.appId = appId;
        this.key = key;
        this.installationId = installationId;
        this.http = http;
        this.clock = clock;
    }

    /** A valid installation token (fetched or refreshed when missing or within 5 minutes of expiry). */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || expiresAt == null || !now.isBefore(expiresAt.minus(REFRESH_EARLY))) {
            JsonNode answer = http.send("POST", apiUrl + "/app/installations/" + installationId + "/access_tokens",
                    GitHubHttp.json().createObjectNode(), "Bearer " + jwt());
            String fresh = answer.path("token").asText(null);
            if (fresh == null || fresh.isBlank()) {
                throw new GitHubException.Transient("GitHub answered no installation token", null);
            }
            token = fresh;
            expiresAt = parseExpiry(answer.path("expires_at").asText(null), now);
        }
        return token;
    }

    /** Forgets the cached token (GitHub answered 401 with it: revoked or expired early). */
    public synchronized void invalidate() {
        token = null;
        expiresAt = null;
    }

    /** The app's slug ({@code GET /app} with the JWT); the bot writes as {@code slug[bot]}. */
    public synchronized String appSlug() {
        if (slug == null) {
            JsonNode app = http.send("GET", apiUrl + "/app", null, "Bearer " + jwt());
            String value = app.path("slug").asText(null);
            if (value == null || value.isBlank()) {
                throw new GitHubException.Transient("GitHub answered no app slug", null);
            }
            slug = value;
        }
        return slug;
    }

    /** A fresh app JWT. */
    public String jwt() {
        Instant now = clock.instant();
        ObjectNode header = GitHubHttp.json().createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = GitHubHttp.json().createObjectNode()
                .put("iat", now.minus(JWT_BACKDATE).getEpochSecond())
                .put("exp", now.plus(JWT_LIFETIME).getEpochSecond())
                .put("iss", appId);
        String signingInput = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the GitHub App JWT: " + e.getMessage(), e);
        }
    }

    private static Instant parseExpiry(String value, Instant now) {
        try {
            return value == null ? now.plus(Duration.ofMinutes(55)) : Instant.parse(value);
        } catch (RuntimeException e) {
            return now.plus(Duration.ofMinutes(55));
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
