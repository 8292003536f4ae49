package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Minimal REST/GraphQL reads for the owner and board lookups ({@link GitHubTeamMembers}, {@link BoardItemFieldValue})
 * that {@link GitHubGateway} does not offer. Authenticates with the gateway's own credentials (the token, or the
 * GitHub App installation token the gateway mints and refreshes).
 * Read-only; every failure answers empty (logged), never throws: callers treat "unknown" as a normal answer.
 */
@ApplicationScoped
class GitHubJsonClient {

    private static final Logger LOG = Logger.getLogger(GitHubJsonClient.class);

    record Answer(JsonNode body, HttpResponse<String> response) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GitHubSetup setup;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GitHubJsonClient(GitHubSetup setup) {
        this.setup = setup;
    }

    /** GET {@code pathOrUrl} (relative to the API base, or absolute as in a Link header). */
    Optional<Answer> get(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), pathOrUrl);
    }

    /** A GraphQL query; empty when GitHub answered errors. */
    Optional<JsonNode> graphql(String query, JsonNode variables) {
        String body = json.createObjectNode().put("query", query).set("variables", variables).toString();
        return send(HttpRequest.newBuilder(URI.create(setup.access().graphqlUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "graphql")
                .flatMap(a -> {
                    if (a.body().has("errors") && !a.body().path("errors").isEmpty()) {
                        LOG.infof("GitHub GraphQL answered errors: %s", a.body().path("errors").toString());
                        return Optional.empty();
                    }
                    return Optional.of(a.body().path("data"));
                });
    }

    private Optional<Answer> send(HttpRequest.Builder req, String what) {
        try {
            req.timeout(TIMEOUT)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", GitHubHttp.API_VERSION);
            String authorization = authorization();
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                LOG.infof("GitHub %s answered %d", what.replace(base(), ""), res.statusCode());
                return Optional.empty();
            }
            return Optional.of(new Answer(json.readTree(res.body()), res));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.infof("GitHub %s failed: %s", what.replace(base(), ""), e.toString());
            return Optional.empty();
        }
    }

    private String authorization() {
        // the gateway's own credentials, so one installation token (and one refresh) serves every GitHub call
        return setup.hubGateway().authorization();
    }

    private String base() {
        return setup.access().apiUrl();
    }
}
