package io.upgradebot.slack;

import static io.restassured.RestAssured.given;
import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Slack secrets the bot still starts (health works) and refuses every Slack request: fail closed. */
@QuarkusTest
@TestProfile(MissingSlackSecretsTest.NoSlackSecrets.class)
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class MissingSlackSecretsTest {

    public static class NoSlackSecrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slack.signing-secret", "", "slack.bot-token", "");
        }
    }

    @Inject
    SlackGateway slack;

    @Test
    void startsAndAnswersHealth() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'slack' }.data.'signing-secret'", equalTo("missing"))
                .body("checks.find { it.name == 'slack' }.data.'bot-token'", equalTo("missing"))
                .body("checks.find { it.name == 'slack' }.data.'socket-mode'", equalTo("off"));
    }

    @Test
    void signedRequestsAreRefusedWithoutASigningSecret() {
        ProbeSubcommand.INVOCATIONS.set(0);
        postForm(command("probe", "U0ALICE", "C0UPGRADES", "13345224609.nosecret")).statusCode(401);
        assertEquals(0, ProbeSubcommand.INVOCATIONS.get());
    }

    @Test
    void webApiCallsFailClearlyWithoutABotToken() {
        SlackGateway.SlackException e = assertThrows(SlackGateway.SlackException.class,
                () -> slack.postMessage("C0UPGRADES", null, "hello", List.of()));
        assertEquals("not_authed", e.error());
    }
}
