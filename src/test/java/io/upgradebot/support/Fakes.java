package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one WireMock server standing in for Slack's Web API and one for GitHub (REST + GraphQL), and points the
 * bot at them through the same settings an operator uses (SLACK_API_URL, GITHUB_API_URL). Used as a GLOBAL test
 * resource so all test classes share one Quarkus boot. Tests reset the stubs they add with {@link #reset()}.
 */
public class Fakes implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final String GITHUB_TOKEN = "ghp_testtoken";
    public static final String WEBHOOK_SECRET = "It's a Secret to Everybody";

    public static WireMockServer slack;
    public static WireMockServer github;

    @Override
    public Map<String, String> start() {
        slack = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true));
        github = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true));
        slack.start();
        github.start();
        reset();
        return Map.ofEntries(
                Map.entry("slack.signing-secret", SIGNING_SECRET),
                Map.entry("slack.bot-token", BOT_TOKEN),
                Map.entry("slack.api-url", slack.baseUrl() + "/api/"),
                Map.entry("github.api-url", github.baseUrl()),
                Map.entry("github.token", GITHUB_TOKEN),
                Map.entry("github.webhook-secret", WEBHOOK_SECRET),
                // endoflife.date is served by the GitHub fake under /eol: stub /eol/api/{product}.json
                Map.entry("upgrade-bot.endoflife.api-url", github.baseUrl() + "/eol"));
    }

    /** Back to the baseline stubs every test can rely on (auth.test, GET /user, rate limit). */
    public static void reset() {
        slack.resetAll();
        github.resetAll();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("""
                {"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"upgrade-bot","team_id":"T0001",
                 "user_id":"U0BOT","bot_id":"B0BOT","is_enterprise_install":false}""")));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson("""
                {"login":"upgrade-bot","id":9000001,"node_id":"U_kgDOAIlUgQ","type":"User","site_admin":false,
                 "html_url":"https://github.com/upgrade-bot"}""")));
        github.stubFor(get(urlPathEqualTo("/rate_limit")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                {"resources":{"core":{"limit":5000,"remaining":4999,"reset":1900000000,"used":1},
                 "search":{"limit":30,"remaining":30,"reset":1900000000,"used":0},
                 "graphql":{"limit":5000,"remaining":5000,"reset":1900000000,"used":0}},
                 "rate":{"limit":5000,"remaining":4999,"reset":1900000000,"used":1}}""")));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.stop();
        }
        if (github != null) {
            github.stop();
        }
    }
}
