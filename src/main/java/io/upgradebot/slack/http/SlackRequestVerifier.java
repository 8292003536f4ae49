package io.upgradebot.slack.http;

import io.upgradebot.config.SlackSecrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature check: {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body} (the raw body
 * bytes) with the signing secret, compared in constant time, plus the 5-minute timestamp window in both directions
 * (a request from the future is no more Slack's than an old one). Without a signing secret every request is
 * refused (fail closed).
 *
 * <p>This is the one signature check of a request arriving over HTTP: {@link SlackEventsResource} runs it before
 * the body is even parsed, and the Bolt App is reached only through that resource (or Socket Mode, authenticated by
 * its app token), so Bolt's RequestVerification middleware is not installed. The HMAC is computed here rather
 * than with Bolt's {@code SlackSignature.Generator}, which looks up a new {@code Mac} and formats each byte with
 * {@code String.format} on every call: on the path of every ack (docs/benchmarks.md). Tests sign with Bolt's
 * generator, so the two are checked against each other and against Slack's documented example.
 */
@Singleton
public class SlackRequestVerifier {

    static final long MAX_SKEW_SECONDS = 5 * 60;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] VERSION = "v0:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX = "v0=".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    public enum Verdict {
        VALID, NO_SIGNING_SECRET, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Clock clock;

    @Inject
    public SlackRequestVerifier(SlackSecrets secrets, Clock clock) {
        this(secrets.signingSecret().filter(s -> !s.isBlank()).orElse(null), clock);
    }

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.key = signingSecret == null
                ? null
                : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = key == null ? null : ThreadLocal.withInitial(this::newMac);
        this.clock = clock;
        if (key != null) {
            newMac(); // a JVM without HmacSHA256 fails at startup, not on the first request
        }
    }

    public boolean configured() {
        return key != null;
    }

    public Verdict verify(String timestamp, String signature, String body) {
        return verify(timestamp, signature, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body}: the request body exactly as received (Slack signs its bytes). */
    public Verdict verify(String timestamp, String signature, byte[] body) {
        if (key == null) {
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
        if (Math.abs(clock.millis() / 1000 - ts) > MAX_SKEW_SECONDS) {
            return Verdict.STALE_TIMESTAMP;
        }
        Mac mac = macs.get();
        mac.update(VERSION);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        byte[] digest = mac.doFinal(body); // doFinal also resets the Mac for the thread's next request
        byte[] expected = new byte[PREFIX.length + digest.length * 2];
        System.arraycopy(PREFIX, 0, expected, 0, PREFIX.length);
        byte[] hex = HEX.formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, expected, PREFIX.length, hex.length);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))
                ? Verdict.VALID
                : Verdict.BAD_SIGNATURE;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
