package io.upgradebot.project.outside;

import java.util.List;

/**
 * The runbook's "ask the broader developer community for assistance" (port owned by project/, implemented in
 * slack/): one message to the configured community channel listing the open dependency issues. Call off Slack request
 * threads only; throws when Slack cannot be reached.
 */
public interface CommunityCallForHelp {

    /** An open dependency issue: what it is about, what is needed, its link. */
    record OpenDependency(String name, String needed, String url) {
    }

    void post(String channelId, String projectName, String roadmapIssueUrl, List<OpenDependency> open);
}
