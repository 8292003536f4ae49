package io.upgradebot.github;

import java.time.Instant;
import java.util.Optional;

/** What can go wrong talking to GitHub, mapped from library exceptions by the gateway. */
public abstract sealed class GitHubException extends RuntimeException
        permits GitHubException.RateLimited, GitHubException.Transient, GitHubException.Permanent {

    protected GitHubException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Primary or secondary rate limit. {@code retryAt} from retry-after / x-ratelimit-reset when GitHub said. */
    public static final class RateLimited extends GitHubException {
        private final Instant retryAt;
        private final boolean secondary;

        public RateLimited(String message, Instant retryAt, boolean secondary) {
            super(message, null);
            this.retryAt = retryAt;
            this.secondary = secondary;
        }

        public Optional<Instant> retryAt() {
            return Optional.ofNullable(retryAt);
        }

        public boolean secondary() {
            return secondary;
        }
    }

    /** 5xx, timeout, connection failure. */
    public static final class Transient extends GitHubException {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A 4xx that will not succeed when repeated. */
    public static final class Permanent extends GitHubException {
        private final int status;

        public Permanent(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
