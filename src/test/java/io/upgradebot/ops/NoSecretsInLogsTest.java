package io.upgradebot.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.upgradebot.slack.http.AfterAckExecutor;
import io.upgradebot.support.Eventually;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.OwnerDoesFixtures;
import io.upgradebot.support.SlackSigner;
import io.upgradebot.web.GitHubDeliveries;
import io.upgradebot.web.GitHubWebhookSignature;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * What an operator's log collector receives while the bot serves a signed Slack request and a GitHub webhook delivery
 * (and their refused variants) holds none of the four secrets and no part of a request body. Every record reaching
 * the root logger is captured, with the bot's own loggers turned up to DEBUG for the duration.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class NoSecretsInLogsTest {

    @Inject
    AfterAckExecutor afterAck;
    @Inject
    GitHubDeliveries deliveries;

    @Test
    void noSecretOrRequestBodyReachesTheLog() {
        // a value that exists only inside the request bodies below
        String marker = "BODYMARK" + UUID.randomUUID().toString().replace("-", "");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter text = new StringWriter();
                text.append(r.getLoggerName()).append(' ').append(message(r));
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(text));
                }
                logged.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger bot = Logger.getLogger("io.upgradebot");
        Level botLevel = bot.getLevel();
        root.addHandler(capture);
        bot.setLevel(Level.FINE);
        try {
            // Slack: a signed slash command, the same with a bad signature, a signed body Slack never sends
            String command = SlackSigner.command("status " + marker, "U0" + marker.substring(8, 14).toUpperCase(),
                    "C0UPGRADES", "13345224609." + marker.substring(8, 20));
            SlackSigner.postForm(command).statusCode(200);
            SlackSigner.postSigned(ContentType.URLENC, command, SlackSigner.now(), "v0=" + "0".repeat(64), Map.of())
                    .statusCode(401);
            SlackSigner.postJson("{\"type\":\"nothing_slack_sends\",\"secret\":\"" + marker + "\"}");

            // GitHub: a signed delivery, the same with a bad signature, a signed body that is no JSON
            byte[] issue = ("{\"action\":\"closed\",\"issue\":{\"number\":1,\"node_id\":\"I_" + marker
                    + "\",\"title\":\"" + marker + "\",\"state\":\"closed\"},\"repository\":{\"full_name\":\"openedx/"
                    + marker + "\"},\"sender\":{\"login\":\"jane\"}}").getBytes(StandardCharsets.UTF_8);
            deliver(issue, GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, issue));
            deliver(issue, "sha256=" + "0".repeat(64)).statusCode(401);
            byte[] notJson = ("not json " + marker).getBytes(StandardCharsets.UTF_8);
            deliver(notJson, GitHubWebhookSignature.sign(Fakes.WEBHOOK_SECRET, notJson)).statusCode(400);

            Eventually.await(Duration.ofSeconds(15), "deliveries handled", () -> deliveries.inFlight() == 0);
            OwnerDoesFixtures.awaitQuiet(afterAck::inFlight);
        } finally {
            bot.setLevel(botLevel);
            root.removeHandler(capture);
        }

        // the capture works: the refused Slack request is logged (at DEBUG, without its body)
        assertTrue(logged.stream().anyMatch(l -> l.contains("Refused a request on /slack/events")), logged::toString);
        for (String secret : List.of(Fakes.SIGNING_SECRET, Fakes.BOT_TOKEN, Fakes.GITHUB_TOKEN, Fakes.WEBHOOK_SECRET,
                marker)) {
            List<String> leaks = logged.stream().filter(l -> l.contains(secret)).toList();
            assertEquals(List.of(), leaks, () -> (secret.equals(marker) ? "request body" : "secret") + " in the log");
        }
    }

    private static io.restassured.response.ValidatableResponse deliver(byte[] body, String signature) {
        return given().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", signature).body(body).post("/github/webhook").then();
    }

    private static String message(LogRecord r) {
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return new SimpleFormatter().formatMessage(r);
    }
}
