package io.upgradebot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects, repositories and scheduled messages for the schedule tests, and what the Slack fake received. */
public final class ScheduleSeeds {
    private ScheduleSeeds() {
    }

    public static UpgradeProjectEntity project(String name, String channel, String statusTs, LocalDate completion,
            String createdBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = new UpgradeProjectEntity();
            p.slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-"
                    + UUID.randomUUID().toString().substring(0, 6);
            p.name = name;
            p.roadmapRepo = "acme/roadmap";
            p.dependency = "django";
            p.completionDate = completion;
            p.orchestrationTeam = "arch-bom";
            p.channelId = channel;
            p.statusChannelId = statusTs == null ? null : channel;
            p.statusMessageTs = statusTs;
            p.state = ProjectState.ACTIVE;
            p.roadmapIssueUrl = "https://github.com/acme/roadmap/issues/1";
            p.docsUrl = "https://docs.example.com/django-5.2";
            p.createdBy = createdBy;
            p.persist();
            return p;
        });
    }

    public static ProjectRepoEntity repo(long projectId, String repo, String ownerTeam, String level, String nodeId,
            Instant createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectRepoEntity r = new ProjectRepoEntity();
            r.projectId = projectId;
            r.repo = repo;
            r.ownerTeam = ownerTeam;
            r.ownerDoes = level;
            r.issueNumber = 1;
            r.issueNodeId = nodeId;
            r.issueUrl = "https://github.com/" + repo + "/issues/1";
            r.issueState = RepoIssueState.OPEN;
            r.inScope = true;
            r.persist();
            r.createdAt = createdAt;
            return r;
        });
    }

    public static ScheduledMessageEntity message(long projectId, String kind, String text, String channel,
            Instant runAt,
            String cron, String zone, String author) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = new ScheduledMessageEntity();
            m.projectId = projectId;
            m.kind = kind;
            m.text = text;
            m.target = "CHANNEL";
            m.channelId = channel;
            m.runAt = runAt;
            m.cron = cron;
            m.timeZone = zone;
            m.state = MessageState.ACTIVE;
            m.createdBy = author;
            m.persist();
            return m;
        });
    }

    // --- the Slack fake ---------------------------------------------------------------------------------------

    /** chat.postMessage answers ok (any channel) with a fresh ts; conversations.open answers a DM channel. */
    public static void slackAcceptsPosts() {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("""
                {"ok":true,"channel":"C0000000000","ts":"1767225600.000100","message":{"type":"message","text":"ok",
                 "user":"U0BOT","bot_id":"B0BOT","ts":"1767225600.000100"}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/conversations.open")).willReturn(okJson("""
                {"ok":true,"no_op":true,"already_open":true,"channel":{"id":"D0DMCHANNEL"}}""")));
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral")).willReturn(okJson("""
                {"ok":true,"message_ts":"1767225600.000200"}""")));
    }

    public static void slackUser(String userId, String timeZone) {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=" + userId))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"%s","team_id":"T0001","name":"person-%s","deleted":false,
                         "real_name":"Person %s","tz":"%s","tz_label":"Local","tz_offset":0,"is_bot":false,
                         "profile":{"real_name":"Person %s","display_name":"p","email":"%s@example.com"}}}"""
                        .formatted(userId, userId, userId, timeZone, userId, userId.toLowerCase()))));
    }

    public static void slackRefuses(String channel, String error) {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
                .atPriority(1)
                .willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
    }

    public static void slackRateLimits(String channel, String scenario, int times) {
        for (int i = 0; i < times; i++) {
            Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(
                            i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "429-" + i)
                    .willSetStateTo(i == times - 1 ? "open" : "429-" + (i + 1))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        }
    }

    /** Every post to the channel answers 429 (Retry-After: 1), however often it is tried. */
    public static void slackAlwaysRateLimits(String channel) {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
                .atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
    }

    /** Every chat.postMessage the fake received, as form fields. */
    public static List<Map<String, String>> posts() {
        return Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .map(ScheduleSeeds::form).toList();
    }

    public static List<Map<String, String>> postsTo(String channel) {
        return posts().stream().filter(p -> channel.equals(p.get("channel"))).toList();
    }

    public static Map<String, String> form(LoggedRequest r) {
        Map<String, String> out = new HashMap<>();
        String body = r.getBodyAsString();
        if (body.startsWith("{")) {
            out.put("json", body);
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
