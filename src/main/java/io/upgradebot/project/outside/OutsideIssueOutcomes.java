package io.upgradebot.project.outside;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.OutsideIssueSettings;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.WriteOutcome;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The outside issues' side of the write queue: an issue's number and link recorded when it is created, and a call
 * for help that waited for the issues posted once none is still being created.
 */
@ApplicationScoped
public class OutsideIssueOutcomes {

    private static final Logger LOG = Logger.getLogger(OutsideIssueOutcomes.class);

    private final CommunityCallForHelp callForHelp;
    private final OutsideIssueSettings settings;

    public OutsideIssueOutcomes(CommunityCallForHelp callForHelp, OutsideIssueSettings settings) {
        this.callForHelp = callForHelp;
        this.settings = settings;
    }

    void recorded(@Observes WriteOutcome outcome) {
        if (!outcome.succeeded() || !isOutsideIssue(outcome.key())) {
            return;
        }
        OutsideIssueEntity.<OutsideIssueEntity>find("writeKey", outcome.key()).firstResultOptional().ifPresent(o -> {
            o.issueNumber = outcome.result() != null && outcome.result().hasNonNull("number")
                    ? outcome.result().get("number").asInt()
                    : null;
            o.issueUrl = outcome.result() != null && outcome.result().hasNonNull("url")
                    ? outcome.result().get("url").asText()
                    : null;
        });
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WriteOutcome outcome) {
        if (outcome.projectId() != null && isOutsideIssue(outcome.key())) {
            callForHelpIfReady(outcome.projectId());
        }
    }

    /**
     * Posts the call for help when one is pending and no outside issue of the project is still being created. The
     * pending flag is cleared by a conditional update first: whoever clears it posts, so the call goes out once.
     */
    public void callForHelpIfReady(long projectId) {
        Optional<String> channel = settings.communityChannel();
        if (channel.isEmpty()) {
            return;
        }
        record Call(String name, String roadmapUrl, List<CommunityCallForHelp.OpenDependency> open) {
        }
        Call call = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null || !p.helpCallPending) {
                return null;
            }
            long creating = GitHubWriteEntity.count("idempotencyKey like ?1 and state in ?2",
                    ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.OUTSIDE_ISSUE) + "%",
                    List.of(GitHubWriteEntity.State.PENDING, GitHubWriteEntity.State.RUNNING));
            if (creating > 0) {
                return null;
            }
            int claimed = UpgradeProjectEntity.update(
                    "helpCallPending = false where id = ?1 and helpCallPending = true",
                    projectId);
            if (claimed != 1) {
                return null;
            }
            List<CommunityCallForHelp.OpenDependency> open = OutsideIssueEntity.of(projectId).stream()
                    .filter(o -> OutsideIssueEntity.DEPENDENCY.equals(o.kind) && o.issueState != RepoIssueState.CLOSED
                            && o.issueUrl != null)
                    .map(o -> new CommunityCallForHelp.OpenDependency(o.name, o.needed, o.issueUrl)).toList();
            return new Call(p.name, p.roadmapIssueUrl, open);
        });
        if (call == null || call.open().isEmpty()) {
            return;
        }
        try {
            callForHelp.post(channel.get(), call.name(), call.roadmapUrl(), call.open());
        } catch (RuntimeException e) {
            // at most once: a second post after a half-failed one would be worse than none; the orchestrator can ask again
            LOG.warnf("call for help on %s not posted: %s", call.name(), e.getMessage());
        }
    }

    private static boolean isOutsideIssue(String key) {
        return ProjectWriteKeys.parse(key).map(k -> ProjectWriteKeys.OUTSIDE_ISSUE.equals(k.what())).orElse(false);
    }
}
