package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Turns what GitHub answered (status, headers, body) or what the transport threw into a {@link GitHubException}, with
 * the rules of GitHub's "best practices for using the REST API": a secondary limit is a 403/429 with
 * {@code retry-after} or a "secondary rate limit" message; a primary limit is {@code x-ratelimit-remaining: 0}.
 */
public final class GitHubFailures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 1500;

    private GitHubFailures() {
    }

    /** Maps a non-2xx answer. {@code headers} may use any case for names. */
    public static GitHubException fromResponse(int status, Map<String, List<String>> headers, String body,
            Instant now) {
        String message = githubMessage(body);
        if (status == 403 || status == 429) {
            Optional<Instant> retryAfter = retryAfter(headers, now);
            Optional<String> remaining = header(headers, "x-ratelimit-remaining");
            Optional<Instant> reset = header(headers, "x-ratelimit-reset").flatMap(GitHubFailures::epochSeconds);
            String lower = message.toLowerCase(Locale.ROOT);
            boolean secondaryMessage = lower.contains("secondary rate limit") || lower.contains("abuse detection");
            boolean exhausted = remaining.map("0"::equals).orElse(false);
            if (retryAfter.isPresent() || secondaryMessage || (status == 429 && !exhausted)) {
                // GitHub: wait retry-after; without it, wait until the reset when the primary budget is spent too,
                // otherwise at least a minute (the caller's default, with backoff on repeats).
                Instant at = retryAfter.orElse(exhausted || remaining.isEmpty() ? reset.orElse(null) : null);
                return new GitHubException.RateLimited("secondary rate limit: " + message, at, true);
            }
            if (exhausted) {
                return new GitHubException.RateLimited("primary rate limit exhausted: " + message, reset.orElse(null),
                        false);
            }
        }
        if (status >= 500) {
            return new GitHubException.Transient("GitHub answered " + status + ": " + message, null);
        }
        if (status == 401) {
            return new GitHubException.Permanent(401, "GitHub rejected the credentials (401): " + message, null);
        }
        return new GitHubException.Permanent(status, message, null);
    }

    /** Maps whatever hub4j, java.net.http or our handlers threw (the cause chain is searched). */
    public static GitHubException fromThrowable(Throwable thrown, Instant now) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof GitHubException g) {
                return g;
            }
            if (t instanceof ThrowingLimitHandlers.LimitSignal signal) {
                return signal.failure();
            }
            if (t instanceof GHFileNotFoundException notFound) {
                return new GitHubException.Permanent(404, "not found: " + githubMessage(notFound.getMessage()), t);
            }
            if (t instanceof HttpException http && http.getResponseCode() > 0) {
                return fromResponse(http.getResponseCode(), http.getResponseHeaderFields(), http.getMessage(), now);
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return new GitHubException.Transient("GitHub did not answer in time", t);
            }
            if (t instanceof ConnectException) {
                return new GitHubException.Transient("cannot connect to GitHub: " + t.getMessage(), t);
            }
            if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new GitHubException.Transient("interrupted while talking to GitHub", t);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new GitHubException.Transient("GitHub call failed: " + t.getMessage(), thrown);
            }
        }
        return new GitHubException.Transient("GitHub call failed: " + thrown, thrown);
    }

    /** GitHub's own words: {@code message} plus each {@code errors[].message} (or code and field). */
    static String githubMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                List<String> parts = new ArrayList<>();
                String main = node.path("message").asText("");
                for (JsonNode error : node.path("errors")) {
                    if (error.isTextual()) {
                        parts.add(error.asText());
                    } else if (error.hasNonNull("message")) {
                        parts.add(error.get("message").asText());
                    } else if (error.hasNonNull("code")) {
                        parts.add((error.path("resource").asText("") + " " + error.path("field").asText("") + " "
                                + error.get("code").asText()).strip());
                    }
                }
                String joined = parts.isEmpty() ? main : (main.isEmpty() ? "" : main + ": ") + String.join("; ", parts);
                if (!joined.isBlank()) {
                    return clip(joined);
                }
            } catch (IOException notJson) {
                // fall through: GitHub sometimes answers HTML (the "unicorn" page)
            }
        }
        return clip(trimmed.replaceAll("\\s+", " "));
    }

    static Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null
                    && !entry.getValue().isEmpty() && entry.getValue().get(0) != null) {
                return Optional.of(entry.getValue().get(0).strip());
            }
        }
        return Optional.empty();
    }

    /** {@code retry-after} as seconds or as an HTTP date. */
    static Optional<Instant> retryAfter(Map<String, List<String>> headers, Instant now) {
        return header(headers, "retry-after").flatMap(value -> {
            try {
                return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (RuntimeException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Optional<Instant> epochSeconds(String value) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
