package io.upgradebot.project.statuspage;

import io.upgradebot.config.StatusPageConfig;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signed, expiring links to a project's status page: {@code ?exp=<epoch seconds>&sig=<hex HMAC-SHA256 of
 * "slug\nexp">} with the server's secret. Private repository names are on the page, so only a link the bot handed
 * out (in the project's Slack channel) opens it, and only until it expires.
 */
@ApplicationScoped
public class StatusPageLinks {

    private static final Logger LOG = Logger.getLogger(StatusPageLinks.class);
    /** A shorter key is refused: guessing it would open every page. */
    static final int MIN_SECRET_LENGTH = 32;
    private static final int MAX_SIG_HEX = 64;

    private final byte[] key;
    private final StatusPageConfig config;
    private final UpgradeBotConfig bot;
    private final Clock clock;

    public StatusPageLinks(StatusPageConfig config, UpgradeBotConfig bot, Clock clock) {
        this.config = config;
        this.bot = bot;
        this.clock = clock;
        String secret = config.secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            LOG.warnf("upgrade-bot.status-page.secret is shorter than %d characters: the status page stays off",
                    MIN_SECRET_LENGTH);
            secret = null;
        }
        this.key = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return key != null;
    }

    /** The query string ({@code exp=…&sig=…}) of a fresh link to the project's page, or empty when the page is off. */
    public Optional<String> query(String slug) {
        if (key == null) {
            return Optional.empty();
        }
        long exp = clock.instant().plus(config.linkLifetime()).getEpochSecond();
        return Optional.of("exp=" + exp + "&sig=" + sign(slug, exp));
    }

    /** The absolute link put in Slack; empty when the page is off or the public URL is not set. */
    public Optional<String> link(String slug) {
        Optional<String> base = bot.publicUrl().filter(u -> !u.isBlank())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        return query(slug).map(q -> base.get() + "/projects/" + slug + "?" + q);
    }

    private static final long MAX_CLOCK_SKEW_SECONDS = 300;

    /** True when {@code exp} / {@code sig} are a link to {@code slug} this server signed and it has not expired. */
    public boolean valid(String slug, String exp, String sig) {
        if (key == null || slug == null || exp == null || sig == null || sig.length() > MAX_SIG_HEX
                || exp.length() > 19) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = sign(slug, expiry).getBytes(StandardCharsets.US_ASCII);
        boolean same = MessageDigest.isEqual(expected, sig.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        // compared in epoch seconds: a signed expiry past what an Instant holds (Long.MAX_VALUE) is no 500. No link
        // lives longer than the configured lifetime from now (a few minutes' grace for clocks between replicas): one
        // signed further ahead was not handed out by this configuration, and shortening the lifetime shortens every
        // link already out
        long now = clock.instant().getEpochSecond();
        long latest = now + Math.min(config.linkLifetime().getSeconds(), Long.MAX_VALUE / 4) + MAX_CLOCK_SKEW_SECONDS;
        return same && now < expiry && expiry <= latest;
    }

    private String sign(String slug, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((slug + "\n" + exp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
