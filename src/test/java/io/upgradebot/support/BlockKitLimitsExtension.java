package io.upgradebot.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which the bot sent Slack a payload over a Block Kit limit. Registered for every test in the
 * suite through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (Quarkus' junit config turns
 * extension autodetection on), so no test has to remember to ask.
 */
public class BlockKitLimitsExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        BlockKitLimits.assertNoViolations();
    }
}
