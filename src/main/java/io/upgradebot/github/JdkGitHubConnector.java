package io.upgradebot.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * hub4j's transport on java.net.http with a timeout on every request.
 *
 * <p>hub4j silently re-sends a request up to twice after a {@link SocketException} or socket timeout. For a POST
 * that may already have reached GitHub that is a duplicate issue or comment, outside the write queue's control, so
 * every transport failure leaves here as a plain {@link IOException}: the queue decides about retries and checks its
 * hidden marker first.
 */
final class JdkGitHubConnector implements GitHubConnector {
    // java.net.http refuses to set these itself
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "accept-encoding");

    private final HttpClient client;
    private final Supplier<Duration> requestTimeout;

    JdkGitHubConnector(HttpClient client, Supplier<Duration> requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(requestTimeout.get());
        } catch (URISyntaxException e) {
            throw new IOException("bad GitHub URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getKey() == null || RESTRICTED.contains(header.getKey().toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        if (request.hasBody()) {
            byte[] body;
            try (InputStream in = request.body()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling GitHub", e);
        } catch (IOException e) {
            // not a SocketException any more: see the class comment
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        return new Response(request, response.statusCode(), headers, response.body());
    }

    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
