package io.upgradebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub App authentication against a fake GitHub that checks the JWT's RS256 signature with the app's public key,
 * as GitHub does, and hands out installation tokens that expire.
 */
class GitHubAppAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "123456";
    private static final String INSTALLATION = "42";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static KeyPair appKeys;
    private WireMockServer github;
    private TestClock time;

    @BeforeEach
    void fakeGitHub() throws Exception {
        if (appKeys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            appKeys = generator.generateKeyPair();
        }
        time = new TestClock(T0);
        github = new WireMockServer(options().dynamicPort());
        github.start();
        ValueMatcher<Request> signedByTheApp = request -> MatchResult.of(validJwt(request, appKeys.getPublic()));
        github.stubFor(post(urlPathEqualTo("/app/installations/" + INSTALLATION + "/access_tokens")).atPriority(1)
                .andMatching(signedByTheApp).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(token("ghs_first", T0))));
        github.stubFor(post(urlPathEqualTo("/app/installations/" + INSTALLATION + "/access_tokens")).atPriority(1)
                .andMatching(signedByTheApp).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(token("ghs_second", T0.plus(Duration.ofMinutes(56))))));
        github.stubFor(get(urlPathEqualTo("/app")).atPriority(1).andMatching(signedByTheApp).willReturn(okJson("""
                {"id":123456,"slug":"upgrade-bot-acme","node_id":"A_kwHOAAECAw","name":"upgrade-bot (Acme)",
                 "owner":{"login":"acme","id":1,"type":"Organization"},"permissions":{"issues":"write"}}""")));
        github.stubFor(post(urlPathEqualTo("/app/installations/" + INSTALLATION + "/access_tokens")).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(
                        "{\"message\":\"A JSON web token could not be decoded\","
                                + "\"documentation_url\":\"https://docs.github.com/rest\"}")));
        for (String token : List.of("ghs_first", "ghs_second")) {
            github.stubFor(get(urlPathEqualTo("/repos/acme/app")).withHeader("Authorization",
                    equalTo("Bearer " + token)).willReturn(
                            okJson("""
                                    {"id":1,"node_id":"R_1","name":"app","full_name":"acme/app","private":false,
                                     "owner":{"login":"acme","id":1,"type":"Organization"},"html_url":"https://github.com/acme/app",
                                     "url":"%s/repos/acme/app","archived":false,"default_branch":"main"}"""
                                    .formatted(github.baseUrl()))));
        }
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private HubGitHubGateway gateway(String pem) {
        return new HubGitHubGateway(GitHubAccess.app(github.baseUrl(), github.baseUrl() + "/graphql", APP_ID, pem,
                INSTALLATION), false, time, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void aPkcs1KeyAsGitHubIssuesItSignsAJwtGitHubAcceptsAndTheBotWritesAsTheAppsBot() {
        HubGitHubGateway gateway = gateway(pkcs1Pem());

        assertTrue(gateway.repository("acme/app").isPresent(), "the API call carried the installation token");
        assertEquals("upgrade-bot-acme[bot]", gateway.botLogin());
        github.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
    }

    @Test
    void theInstallationTokenIsReusedAndRefreshedFiveMinutesBeforeItExpires() {
        HubGitHubGateway gateway = gateway(pkcs8Pem());
        gateway.repository("acme/app");
        time.advance(Duration.ofMinutes(54));
        gateway.repository("acme/app");
        github.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));

        time.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertTrue(gateway.repository("acme/app").isPresent());
        github.verify(2, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
        String lastAuth = github.getAllServeEvents().get(0).getRequest().getHeader("Authorization");
        assertEquals("Bearer ghs_second", lastAuth);
    }

    @Test
    void theJwtCarriesTheAppIdABackdatedIssueTimeAndLivesUnderTenMinutes() throws Exception {
        GitHubAppTokens tokens = new GitHubAppTokens(github.baseUrl(), APP_ID,
                PemPrivateKeys.parse(pkcs1Pem().replace("\n", "\\n")), INSTALLATION, null, time);
        String[] parts = tokens.jwt().split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals(APP_ID, claims.get("iss").asText());
        assertEquals(T0.minusSeconds(60).getEpochSecond(), claims.get("iat").asLong());
        assertTrue(claims.get("exp").asLong() - claims.get("iat").asLong() <= 600);
        assertTrue(verifies(parts, appKeys.getPublic()), "one-line PEM with \\n escapes signs the same");
    }

    @Test
    void aKeyThatIsNotTheAppsIsRejectedByGitHubAndReportedWithoutTheToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        GitHubException refused = assertThrows(GitHubException.class, () -> gateway(otherKey).repository("acme/app"));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
        assertTrue(refused.getMessage().contains("A JSON web token could not be decoded"), refused.getMessage());
    }

    @Test
    void incompleteAppSettingsAreExplainedAndAWorkingTokenIsUsedInstead() throws Exception {
        GitHubAccess noInstallation = GitHubAccess.resolve(github.baseUrl(), "g", Optional.empty(),
                Optional.of(APP_ID), Optional.of(pkcs1Pem()), Optional.empty(), Optional.empty());
        assertEquals(GitHubAccess.Mode.NONE, noInstallation.mode());
        assertTrue(noInstallation.describe().contains("GITHUB_APP_INSTALLATION_ID is not set"),
                noInstallation.describe());

        GitHubAccess badKeyButToken = GitHubAccess.resolve(github.baseUrl(), "g", Optional.of("ghp_x"),
                Optional.of(APP_ID), Optional.of("not a key"), Optional.empty(), Optional.of(INSTALLATION));
        assertEquals(GitHubAccess.Mode.TOKEN, badKeyButToken.mode());
        assertTrue(badKeyButToken.describe().contains("the private key is not PEM"), badKeyButToken.describe());
        assertTrue(!badKeyButToken.describe().contains("ghp_x"), "no secret in the log line");

        Path file = Files.createTempFile("app", ".pem");
        try {
            Files.writeString(file, pkcs1Pem(), StandardCharsets.US_ASCII);
            GitHubAccess fromFile = GitHubAccess.resolve(github.baseUrl(), "g", Optional.empty(), Optional.of(APP_ID),
                    Optional.empty(), Optional.of(file.toString()), Optional.of(INSTALLATION));
            assertEquals(GitHubAccess.Mode.APP, fromFile.mode());
            assertEquals("app-installation:42", fromFile.installationKey());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // --- helpers: PEM encodings of the test key, and GitHub's side of the JWT check ---------------------------

    private static String pkcs8Pem() {
        return pem("PRIVATE KEY", appKeys.getPrivate().getEncoded());
    }

    /** GitHub hands out PKCS#1: the RSAPrivateKey inside PKCS#8's OCTET STRING. */
    private static String pkcs1Pem() {
        byte[] der = appKeys.getPrivate().getEncoded();
        int[] pos = {0};
        readHeader(der, pos, 0x30);
        skip(der, pos, 0x02);
        skip(der, pos, 0x30);
        int length = readHeader(der, pos, 0x04);
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, pos[0], pos[0] + length));
    }

    private static int readHeader(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[pos[0]++] & 0xff);
        }
        return length;
    }

    private static void skip(byte[] der, int[] pos, int tag) {
        int length = readHeader(der, pos, tag);
        pos[0] += length;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String token(String token, Instant issuedAt) {
        return "{\"token\":\"" + token + "\",\"expires_at\":\"" + issuedAt.plus(Duration.ofHours(1))
                + "\",\"permissions\":{\"issues\":\"write\",\"metadata\":\"read\"},\"repository_selection\":\"all\"}";
    }

    private static boolean validJwt(Request request, PublicKey key) {
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = auth.substring(7).split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return parts.length == 3 && verifies(parts, key) && APP_ID.equals(claims.path("iss").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean verifies(String[] parts, PublicKey key) throws Exception {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
