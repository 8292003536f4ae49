package io.upgradebot.slack;

import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.support.BlockKitLimits;
import io.upgradebot.support.Fakes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite checks every ack the bot writes against Slack's Block Kit limits (acks never pass through the Slack
 * fake). This test keeps that check attached: an ack over a limit must be caught, or the check has come loose.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class AckBlockKitCheckTest {

    @Test
    void anAckOverASlackLimitIsCaughtByTheSuitesCheck() {
        BlockKitLimits.assertNoViolations();
        postForm(command("probe oversize", "U0ALICE", "C0UPGRADES", "13345224609.ackcheck" + System.nanoTime()))
                .statusCode(200);
        List<String> caught = BlockKitLimits.drain(); // taken here, so this test itself passes
        assertTrue(caught.stream().anyMatch(v -> v.contains("ack to Slack") && v.contains("3001 characters")),
                "the ack check did not see an over-long section: " + caught);
    }
}
