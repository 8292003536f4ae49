package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where the runbook's outside issues go ({@code /upgrade deps}): external dependencies that need a change or a
 * release, operations tickets for other groups, and the community channel asked for help. Same {@code upgrade-bot}
 * prefix as {@link UpgradeBotConfig}; checked at startup by {@link OutsideIssueSettings}.
 */
@ConfigMapping(prefix = "upgrade-bot")
public interface OutsideIssuesConfig {

    /** {@code owner/repo} where external dependency issues are opened (Open edX: openedx/public-engineering). */
    Optional<String> dependencyRepo();

    /** Labels of an external dependency issue (the runbook asks for both). */
    @WithDefault("help wanted,maintenance")
    List<String> dependencyLabels();

    /** Operations groups and their repositories: {@code name=owner/repo} pairs, e.g. {@code BTR=openedx/wg-build-test-release}. */
    Optional<List<String>> opsRepos();

    /** Slack channel id the call for help on open dependency issues goes to. Unset: no call for help. */
    Optional<String> communityChannel();
}
