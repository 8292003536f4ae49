package io.upgradebot.slack.api;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import io.upgradebot.project.GitHubChangeNotifier;
import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.sync.GitHubChange;
import io.upgradebot.slack.view.GitHubChangeText;
import io.upgradebot.slack.view.Mrkdwn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@link GitHubChangeNotifier} over the Slack Web API, worded by {@link GitHubChangeText}. */
@ApplicationScoped
public class SlackGitHubChangeNotifier implements GitHubChangeNotifier {

    private final SlackGateway slack;

    public SlackGitHubChangeNotifier(SlackGateway slack) {
        this.slack = slack;
    }

    @Override
    public void changed(String channelId, String threadTs, GitHubChange change) {
        String text = Mrkdwn.truncate(GitHubChangeText.text(change), Mrkdwn.SECTION_MAX);
        try {
            slack.postMessage(channelId, threadTs, text, List.of(section(s -> s.text(markdownText(text)))));
        } catch (SlackGateway.SlackException e) {
            throw new ProjectNotifier.NotifyException(e.error(), "GitHub change not posted: " + e.error(), e);
        }
    }
}
