package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * GitHub credentials and endpoints: GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_TOKEN, GITHUB_APP_ID,
 * GITHUB_APP_PRIVATE_KEY (PEM text) or GITHUB_APP_PRIVATE_KEY_FILE, GITHUB_APP_INSTALLATION_ID, GITHUB_WEBHOOK_SECRET.
 */
@ConfigMapping(prefix = "github")
public interface GitHubSecrets {
    /** REST base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise, or a fake. */
    @WithDefault("https://api.github.com")
    String apiUrl();

    /** GraphQL endpoint; derived from api-url when unset (…/api/v3 → …/api/graphql, otherwise api-url + /graphql). */
    Optional<String> graphqlUrl();

    Optional<String> token();

    Optional<String> appId();

    Optional<String> appPrivateKey();

    Optional<String> appPrivateKeyFile();

    Optional<String> appInstallationId();

    Optional<String> webhookSecret();

    /** Where people open GitHub in a browser (board and issue links), derived from {@link #apiUrl()}. */
    default String webUrl() {
        return webUrlOf(apiUrl());
    }

    /**
     * The web host of a REST base URL: https://api.github.com → https://github.com, https://HOST/api/v3 (GitHub
     * Enterprise Server) → https://HOST, https://api.SUBDOMAIN.ghe.com → https://SUBDOMAIN.ghe.com; any other URL
     * (a fake in tests) is taken as it is. The one place links to GitHub get their host.
     */
    static String webUrlOf(String apiUrl) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        if (base.endsWith("/api/v3")) {
            return base.substring(0, base.length() - "/api/v3".length());
        }
        int scheme = base.indexOf("://");
        if (scheme >= 0 && base.startsWith("api.", scheme + 3)) {
            return base.substring(0, scheme + 3) + base.substring(scheme + 3 + "api.".length());
        }
        return base;
    }

    default String resolvedGraphqlUrl() {
        if (graphqlUrl().isPresent() && !graphqlUrl().get().isBlank()) {
            return graphqlUrl().get();
        }
        String base = apiUrl().endsWith("/") ? apiUrl().substring(0, apiUrl().length() - 1) : apiUrl();
        if (base.endsWith("/api/v3")) {
            return base.substring(0, base.length() - "/v3".length()) + "/graphql";
        }
        return base + "/graphql";
    }
}
