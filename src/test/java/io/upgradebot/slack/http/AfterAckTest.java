package io.upgradebot.slack.http;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.slack.SlowPostSubcommand;
import io.upgradebot.support.Fakes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work scheduled with AfterAck starts only once Slack has its ack, and a slow Web API call does not delay the ack. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class AfterAckTest {

    static final int SLOW_SLACK_MILLIS = 2000;

    @BeforeEach
    void reset() {
        Fakes.reset();
        SlowPostSubcommand.reset();
    }

    @Test
    void slowPostAfterTheAckDoesNotDelayTheAck() throws Exception {
        Fakes.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=C0SLOW"))
                .willReturn(
                        okJson("""
                                {"ok":true,"channel":"C0SLOW","ts":"1700000099.000100",
                                 "message":{"type":"message","text":"after the ack","ts":"1700000099.000100","bot_id":"B0BOT"}}""")
                                .withFixedDelay(SLOW_SLACK_MILLIS)));

        // a first request warms the JIT and the connection
        postForm(command("help", "U0ALICE", "C0UPGRADES", "13345224609.warm" + System.nanoTime())).statusCode(200);

        long started = System.nanoTime();
        long ackMillis = postForm(
                command("slow-post C0SLOW", "U0ALICE", "C0UPGRADES", "13345224609.slow" + System.nanoTime()))
                .statusCode(200)
                .body("blocks[0].text.text", equalTo("Working on it…"))
                .extract().time();

        // the order that matters: the post began only once the ack was written, so the ack never waited for it
        assertTrue(SlowPostSubcommand.responseEndedWhenTaskStarted.get(5, TimeUnit.SECONDS),
                "the task started before the HTTP response was written");
        assertEquals("1700000099.000100", SlowPostSubcommand.posted.get(10, TimeUnit.SECONDS));
        long doneMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(doneMillis >= SLOW_SLACK_MILLIS,
                "ack after " + ackMillis + " ms, post done after " + doneMillis + " ms");
        Fakes.slack.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=C0SLOW")));
    }
}
