package io.upgradebot.github;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * hub4j's default handlers (WAIT) sleep on the calling thread until the limit resets — seen sleeping 10 s for a 2 s
 * reset, and on a Slack thread that breaks the 3-second rule. These throw instead; the write queue schedules the retry
 * from {@code retry-after} / {@code x-ratelimit-reset}.
 */
final class ThrowingLimitHandlers {
    private ThrowingLimitHandlers() {
    }

    /** Carries the mapped failure through hub4j, which passes {@link GHIOException}s through unchanged. */
    static final class LimitSignal extends GHIOException {
        private final transient GitHubException failure;

        LimitSignal(GitHubException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }

        GitHubException failure() {
            return failure;
        }
    }

    static GitHubRateLimitHandler rateLimit(Clock clock) {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw signal(response, clock);
            }
        };
    }

    static GitHubAbuseLimitHandler abuseLimit(Clock clock) {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw signal(response, clock);
            }
        };
    }

    private static LimitSignal signal(GitHubConnectorResponse response, Clock clock) {
        String body;
        try (InputStream in = response.bodyStream()) {
            body = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            body = "";
        }
        GitHubException failure = GitHubFailures.fromResponse(response.statusCode(), response.allHeaders(), body,
                clock.instant());
        if (!(failure instanceof GitHubException.RateLimited)) {
            // hub4j thinks it is a limit (403 + gh-limited-by, say) but GitHub gave no sign of one we act on:
            // still never wait here; treat it as a secondary limit with the default wait.
            failure = new GitHubException.RateLimited("secondary rate limit: " + failure.getMessage(), null, true);
        }
        return new LimitSignal(failure);
    }
}
