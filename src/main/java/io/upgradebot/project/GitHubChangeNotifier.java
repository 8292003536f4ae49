package io.upgradebot.project;

import io.upgradebot.project.sync.GitHubChange;

/**
 * Tells a project's status thread what a person changed on GitHub (port owned by project/, implemented in slack/).
 * Call off Slack request threads. Throws {@link ProjectNotifier.NotifyException} when Slack cannot be reached.
 */
public interface GitHubChangeNotifier {

    /** One line in the thread of {@code threadTs} (in the channel when null). */
    void changed(String channelId, String threadTs, GitHubChange change);
}
