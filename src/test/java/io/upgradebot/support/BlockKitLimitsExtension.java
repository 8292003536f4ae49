package io.upgradebot.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which the bot sent Slack a payload over a Block Kit limit. Registered for every test in the
 * suite through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (Quarkus' junit config turns
 * extension autodetection on), so no test has to remember to ask. A payload sent by work still running after its
 * test ended is reported by the next test: tests that leave work behind (after-ack tasks, queued writes) should
 * wait for it to finish.
 */
public class BlockKitLimitsExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        BlockKitLimits.assertNoViolations();
    }
}
