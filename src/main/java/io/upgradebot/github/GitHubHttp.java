package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The few GitHub calls hub4j has no API for (sub-issues, GraphQL, installation tokens): JSON over java.net.http,
 * with the same timeouts and the same failure mapping as the hub4j side. Never retries by itself.
 */
final class GitHubHttp {
    static final String API_VERSION = "2022-11-28";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Supplier<Duration> requestTimeout;
    private final Clock clock;

    GitHubHttp(HttpClient client, Supplier<Duration> requestTimeout, Clock clock) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** Sends and answers the parsed JSON body (missing node for an empty body); non-2xx becomes a GitHubException. */
    JsonNode send(String method, String url, JsonNode body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout.get())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "upgrade-bot");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException.Transient("interrupted while calling GitHub", e);
        } catch (IOException e) {
            throw GitHubFailures.fromThrowable(e, clock.instant());
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw GitHubFailures.fromResponse(status, response.headers().map(), response.body(), clock.instant());
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new GitHubException.Transient("GitHub answered something that is not JSON", e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
