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
        // every Slack payload in the suite is checked against Block Kit's limits (BlockKitLimits)
        slack = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true)
                .extensions(new SlackPayloadLimitsFilter(), new SlackHistoryFake()));
        // GitHubFake: a stateful GitHub (issues, comments, sub-issues, boards) that tests opt into with install()
        github = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true)
                .extensions(GitHubFake.INSTANCE));
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
        slackWebApiDefaults();
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

    /**
     * Successful answers, in the Web API's shapes, for the calls every feature makes (posts, modals, DMs,
     * response_url). Tests override one with a more specific stub (WireMock picks the most recently added match).
     */
    public static void slackWebApiDefaults() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("""
                {"ok":true,"channel":"C0UPGRADES","ts":"1700000000.000100",
                 "message":{"type":"message","subtype":"bot_message","text":"ok","ts":"1700000000.000100",
                  "username":"upgrade-bot","bot_id":"B0BOT"}}""")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("""
                {"ok":true,"channel":"C0UPGRADES","ts":"1700000000.000100","text":"ok"}""")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral")).willReturn(okJson("""
                {"ok":true,"message_ts":"1700000000.000200"}""")));
        slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0MODAL","team_id":"T0001","type":"modal","callback_id":"ub.noop",
                 "hash":"1700000000.abcdef","title":{"type":"plain_text","text":"Upgrade"},"blocks":[],
                 "private_metadata":"","state":{"values":{}},"root_view_id":"V0MODAL","app_id":"A0UPGRADE",
                 "bot_id":"B0BOT"}}""")));
        slack.stubFor(post(urlPathEqualTo("/api/views.update")).willReturn(okJson("""
                {"ok":true,"view":{"id":"V0MODAL","team_id":"T0001","type":"modal","callback_id":"ub.noop",
                 "hash":"1700000001.abcdef","title":{"type":"plain_text","text":"Upgrade"},"blocks":[],
                 "private_metadata":"","state":{"values":{}},"root_view_id":"V0MODAL","app_id":"A0UPGRADE",
                 "bot_id":"B0BOT"}}""")));
        slack.stubFor(post(urlPathEqualTo("/api/views.publish")).willReturn(
                okJson("""
                        {"ok":true,"view":{"id":"V0HOME","team_id":"T0001","type":"home","callback_id":"","hash":"1700000002.abcdef",
                         "blocks":[],"private_metadata":"","state":{"values":{}},"root_view_id":"V0HOME","app_id":"A0UPGRADE",
                         "bot_id":"B0BOT"}}""")));
        slack.stubFor(post(urlPathEqualTo("/api/conversations.open")).willReturn(okJson("""
                {"ok":true,"no_op":true,"already_open":true,"channel":{"id":"D0DIRECT"}}""")));
        // Slack's external upload: files.getUploadURLExternal hands out a URL on this fake, the bytes are POSTed
        // there (answered as Slack does, "OK - <length>"), files.completeUploadExternal shares the file
        slack.stubFor(post(urlPathEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson("""
                {"ok":true,"upload_url":"%s/upload/v1/F0CHART","file_id":"F0CHART"}""".formatted(slack.baseUrl()))));
        slack.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/upload/v1/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("OK")));
        slack.stubFor(post(urlPathEqualTo("/api/files.completeUploadExternal")).willReturn(okJson("""
                {"ok":true,"files":[{"id":"F0CHART","name":"chart.png","title":"chart","mimetype":"image/png",
                 "filetype":"png"}]}""")));
        // conversations.history / conversations.replies answer from the posts accepted above (SlackHistoryFake)
        SlackHistoryFake.stub(slack);
        // response_url (SlackSigner.command points it here)
        slack.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/commands/.*"))
                .willReturn(okJson("{\"ok\":true}")));
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
