package io.upgradebot.github;

import io.upgradebot.config.GitHubSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * How the bot authenticates to GitHub, resolved once from the settings: a GitHub App installation (preferred when
 * configured), a personal access token, or nothing. Holds secrets: never log it; {@link #describe()} is safe to log.
 */
public final class GitHubAccess {
    public enum Mode {
        APP, TOKEN, NONE
    }

    private final Mode mode;
    private final String apiUrl;
    private final String graphqlUrl;
    private final String token;
    private final String appId;
    private final PrivateKey appKey;
    private final String installationId;
    private final String problem;

    private GitHubAccess(Mode mode, String apiUrl, String graphqlUrl, String token, String appId, PrivateKey appKey,
            String installationId, String problem) {
        this.mode = mode;
        this.apiUrl = trimSlash(apiUrl);
        this.graphqlUrl = graphqlUrl;
        this.token = token;
        this.appId = appId;
        this.appKey = appKey;
        this.installationId = installationId;
        this.problem = problem;
    }

    public static GitHubAccess from(GitHubSecrets secrets) {
        return resolve(secrets.apiUrl(), secrets.resolvedGraphqlUrl(), secrets.token(), secrets.appId(),
                secrets.appPrivateKey(), secrets.appPrivateKeyFile(), secrets.appInstallationId());
    }

    /** Personal access token (or any bearer token). */
    public static GitHubAccess token(String apiUrl, String graphqlUrl, String token) {
        return new GitHubAccess(Mode.TOKEN, apiUrl, graphqlUrl, token, null, null, null, null);
    }

    /** GitHub App installation; {@code pem} is the private key text (PKCS#1 or PKCS#8). */
    public static GitHubAccess app(String apiUrl, String graphqlUrl, String appId, String pem, String installationId) {
        return resolve(apiUrl, graphqlUrl, Optional.empty(), Optional.of(appId), Optional.of(pem), Optional.empty(),
                Optional.of(installationId));
    }

    static GitHubAccess resolve(String apiUrl, String graphqlUrl, Optional<String> token, Optional<String> appId,
            Optional<String> pem, Optional<String> pemFile, Optional<String> installationId) {
        Optional<String> id = appId.filter(s -> !s.isBlank());
        Optional<String> tokenValue = token.filter(s -> !s.isBlank());
        if (id.isPresent()) {
            String missing = null;
            PrivateKey key = null;
            Optional<String> installation = installationId.filter(s -> !s.isBlank());
            try {
                key = PemPrivateKeys.parse(pemText(pem, pemFile));
            } catch (IllegalArgumentException e) {
                missing = "GitHub App private key: " + e.getMessage();
            }
            if (missing == null && installation.isEmpty()) {
                missing = "GITHUB_APP_INSTALLATION_ID is not set";
            }
            if (missing == null) {
                return new GitHubAccess(Mode.APP, apiUrl, graphqlUrl, null, id.get(), key, installation.get(), null);
            }
            if (tokenValue.isEmpty()) {
                return none(apiUrl, graphqlUrl, "GitHub App settings are incomplete (" + missing + ")");
            }
            // a usable token beats a broken app configuration; the startup line says which is used and why
            return new GitHubAccess(Mode.TOKEN, apiUrl, graphqlUrl, tokenValue.get(), null, null, null,
                    "GitHub App settings ignored (" + missing + ")");
        }
        if (tokenValue.isPresent()) {
            return new GitHubAccess(Mode.TOKEN, apiUrl, graphqlUrl, tokenValue.get(), null, null, null, null);
        }
        return none(apiUrl, graphqlUrl, "no GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID + "
                + "GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_FILE) + GITHUB_APP_INSTALLATION_ID");
    }

    private static GitHubAccess none(String apiUrl, String graphqlUrl, String why) {
        return new GitHubAccess(Mode.NONE, apiUrl, graphqlUrl, null, null, null, null, why);
    }

    private static String pemText(Optional<String> pem, Optional<String> pemFile) {
        if (pem.isPresent() && !pem.get().isBlank()) {
            return pem.get();
        }
        if (pemFile.isPresent() && !pemFile.get().isBlank()) {
            try {
                return Files.readString(Path.of(pemFile.get()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read GITHUB_APP_PRIVATE_KEY_FILE " + pemFile.get() + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        throw new IllegalArgumentException("set GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE");
    }

    public Mode mode() {
        return mode;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String graphqlUrl() {
        return graphqlUrl;
    }

    String token() {
        return token;
    }

    String appId() {
        return appId;
    }

    PrivateKey appKey() {
        return appKey;
    }

    String installationId() {
        return installationId;
    }

    /** Why writes cannot be made (NONE), or what was ignored; empty when all is well. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The account GitHub's limits apply to; the write queue paces per installation. One process writes as one
     * account, so this names it for the pacing row.
     */
    public String installationKey() {
        return switch (mode) {
            case APP -> "app-installation:" + installationId;
            case TOKEN -> "token";
            case NONE -> "none";
        };
    }

    /** One line for the startup log, no secrets. */
    public String describe() {
        String base = switch (mode) {
            case APP ->
                "GitHub: writing as GitHub App " + appId + " (installation " + installationId + ") at " + apiUrl;
            case TOKEN -> "GitHub: writing with a personal access token at " + apiUrl;
            case NONE -> "GitHub: " + problem + "; the bot runs, reads are anonymous and every GitHub write fails "
                    + "until credentials are set";
        };
        return mode != Mode.NONE && problem != null ? base + " — " + problem : base;
    }

    private static String trimSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
