package io.upgradebot.slack;

import com.slack.api.app_backend.SlackSignature;
import io.upgradebot.config.SlackSecrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Slack's v0 request signature check (HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret, computed by
 * Bolt's {@link SlackSignature.Generator}), compared in constant time, plus the 5-minute timestamp window in both
 * directions: Bolt only refuses old timestamps, and a request from the future is no more Slack's than an old one.
 * Without a signing secret every request is refused (fail closed). Bolt's own RequestVerification middleware checks
 * the same request again inside the App.
 */
@Singleton
public class SlackRequestVerifier {

    static final long MAX_SKEW_SECONDS = 5 * 60;

    public enum Verdict {
        VALID, NO_SIGNING_SECRET, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE
    }

    private final SlackSignature.Generator generator;
    private final Clock clock;

    @Inject
    public SlackRequestVerifier(SlackSecrets secrets) {
        this(secrets.signingSecret().filter(s -> !s.isBlank()).orElse(null), Clock.systemUTC());
    }

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.generator = signingSecret == null ? null : new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    public boolean configured() {
        return generator != null;
    }

    public Verdict verify(String timestamp, String signature, String body) {
        if (generator == null) {
            return Verdict.NO_SIGNING_SECRET;
        }
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.STALE_TIMESTAMP;
        }
        long now = clock.millis();
        if (Math.abs(now / 1000 - ts) > MAX_SKEW_SECONDS) {
            return Verdict.STALE_TIMESTAMP;
        }
        String expected = generator.generate(timestamp, body);
        boolean same = expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        return same ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }
}
