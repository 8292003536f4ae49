package io.upgradebot.project.checklist;

import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.BoardViewLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The maintenance board filtered to one project (its Project field value is the project's name), on the web host of
 * the configured GitHub API. Written into the roadmap issue and the status message in place of the board view the
 * runbook asks for, which GitHub's API cannot create.
 */
@ApplicationScoped
public class BoardViewLinks {

    private final UpgradeBotConfig config;
    private final GitHubSecrets gitHub;

    public BoardViewLinks(UpgradeBotConfig config, GitHubSecrets gitHub) {
        this.config = config;
        this.gitHub = gitHub;
    }

    /** Empty when no maintenance board is configured. */
    public Optional<String> of(String projectName) {
        var board = config.board();
        if (board.org().isEmpty() || board.number().isEmpty() || projectName == null) {
            return Optional.empty();
        }
        String boardUrl = gitHub.webUrl() + "/orgs/" + board.org().get() + "/projects/" + board.number().getAsInt();
        return Optional.of(BoardViewLink.filtered(boardUrl, board.projectField(), projectName));
    }
}
