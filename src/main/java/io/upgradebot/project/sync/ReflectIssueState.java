package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the bot's view of each repository issue in step with GitHub: closed / reopened change its state, and any
 * of these by a person (not by the bot) counts as human activity, which the nudges and the status use. People's
 * comments count as activity too.
 */
@ApplicationScoped
public class ReflectIssueState {

    private static final Logger LOG = Logger.getLogger(ReflectIssueState.class);

    private final GitHubGateway github;
    private final StatusMessages statusMessages;
    private final Clock clock;

    public ReflectIssueState(GitHubGateway github, StatusMessages statusMessages, Clock clock) {
        this.github = github;
        this.clock = clock;
        this.statusMessages = statusMessages;
    }

    void onWebhook(@ObservesAsync GitHubWebhookEvent event) {
        boolean stateChange = event.name().equals("issues") && Set.of("closed", "reopened").contains(event.action());
        boolean comment = event.is("issue_comment", "created");
        if (!stateChange && !comment) {
            return;
        }
        try {
            reflect(event, stateChange);
        } catch (RuntimeException e) {
            LOG.warnf("GitHub delivery %s (%s %s) not reflected: %s", event.deliveryId(), event.name(),
                    event.action(), e.toString());
        }
    }

    private void reflect(GitHubWebhookEvent event, boolean stateChange) {
        JsonNode issue = event.payload().path("issue");
        String nodeId = issue.path("node_id").asText(null);
        String repoName = event.payload().path("repository").path("full_name").asText(null);
        int number = issue.path("number").asInt(-1);
        boolean byBot = event.sentBy(github.botLogin());
        if (!stateChange && byBot) {
            return;
        }
        List<Long> projects = QuarkusTransaction.requiringNew().call(() -> {
            List<ProjectRepoEntity> rows = ProjectRepoEntity.list("issueNodeId", nodeId);
            if (rows.isEmpty() && repoName != null) {
                rows = ProjectRepoEntity.list("lower(repo) = lower(?1) and issueNumber = ?2", repoName, number);
            }
            for (ProjectRepoEntity r : rows) {
                if (stateChange) {
                    IssueStateChangeEntity.change(r, event.action().equals("closed")
                            ? RepoIssueState.CLOSED
                            : RepoIssueState.OPEN);
                }
                if (!byBot) {
                    r.lastHumanActivityAt = clock.instant();
                }
            }
            return rows.stream().map(r -> r.projectId).distinct().toList();
        });
        if (stateChange) {
            projects.forEach(id -> {
                try {
                    statusMessages.refresh(id);
                } catch (RuntimeException e) {
                    LOG.warnf("status of project %d not refreshed after issue %s: %s", id, event.action(),
                            e.getMessage());
                }
            });
        }
    }
}
