package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.CloseReason;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the bot's view of each repository issue in step with GitHub (runbook "Update the Code": the roadmap issue is
 * the dashboard). An issue closed or reopened changes its state and close reason; when that is a real change (the
 * same state arriving again by another delivery is not), its line in the roadmap issue's child list is ticked or
 * unticked (a rewrite of the bot's children section only, coalesced per project), the status message's counts
 * change, and a person's change gets one line in the status thread. Any of these by a person (not by the bot)
 * counts as human activity, which the nudges use; people's comments count too. An issue the bot does not know
 * changes nothing.
 */
@ApplicationScoped
public class ReflectIssueState {

    private static final Logger LOG = Logger.getLogger(ReflectIssueState.class);

    private final GitHubGateway github;
    private final ProjectWriteOutcomes outcomes;
    private final TellStatusThread thread;
    private final Clock clock;

    @jakarta.inject.Inject
    io.upgradebot.project.checklist.ChecklistProgress checklistProgress;

    public ReflectIssueState(GitHubGateway github, ProjectWriteOutcomes outcomes, TellStatusThread thread,
            Clock clock) {
        this.github = github;
        this.outcomes = outcomes;
        this.thread = thread;
        this.clock = clock;
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
        boolean closed = event.action().equals("closed");
        CloseReason reason = closed ? CloseReason.fromGitHub(issue.path("state_reason").asText(null)) : null;
        // per project: the changes people made (told in the thread); a project with a real change maps to a list
        Map<Long, List<GitHubChange>> changed = QuarkusTransaction.requiringNew().call(() -> {
            // locked: two deliveries of the same close must not both see it as new
            List<ProjectRepoEntity> rows = ProjectRepoEntity.<ProjectRepoEntity>find("issueNodeId", nodeId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            if (rows.isEmpty() && repoName != null) {
                rows = ProjectRepoEntity.<ProjectRepoEntity>find("lower(repo) = lower(?1) and issueNumber = ?2",
                        repoName, number).withLock(LockModeType.PESSIMISTIC_WRITE).list();
            }
            if (stateChange) {
                // one child list per project: changes of several of its issues at once are rendered one after the
                // other, each seeing the others' committed state
                rows.stream().map(r -> r.projectId).distinct().sorted()
                        .forEach(id -> UpgradeProjectEntity.findById(id, LockModeType.PESSIMISTIC_WRITE));
            }
            Map<Long, List<GitHubChange>> byProject = new LinkedHashMap<>();
            for (ProjectRepoEntity r : rows) {
                if (!byBot) {
                    r.lastHumanActivityAt = clock.instant();
                }
                if (!stateChange) {
                    continue;
                }
                RepoIssueState state = closed ? RepoIssueState.CLOSED : RepoIssueState.OPEN;
                if (r.issueState == state && Objects.equals(knownReason(r), reason)) {
                    continue; // already known: a second delivery of the same change, or the bot's own close
                }
                IssueStateChangeEntity.change(r, state);
                r.issueCloseReason = reason;
                List<GitHubChange> lines = byProject.computeIfAbsent(r.projectId, id -> new ArrayList<>());
                if (!byBot) {
                    lines.add(new GitHubChange.IssueStateChanged(r.repo, r.issueNumber, r.issueUrl,
                            event.senderLogin(), closed, reason));
                }
            }
            byProject.keySet().forEach(this::rewriteChildList);
            return byProject;
        });
        changed.forEach(thread::tell);
        // the checklist items that depend on every repository issue being closed (ticked / unticked by the bot)
        changed.keySet().forEach(id -> {
            try {
                checklistProgress.repositoryIssuesChanged(id);
            } catch (RuntimeException e) {
                LOG.warnf("checklist of project %d not updated after issue %s: %s", id, event.action(), e.toString());
            }
        });
    }

    /** A closed row from before close reasons were kept counts as completed. */
    private static CloseReason knownReason(ProjectRepoEntity r) {
        return r.issueState == RepoIssueState.CLOSED && r.issueCloseReason == null
                ? CloseReason.COMPLETED
                : r.issueCloseReason;
    }

    /** The child list is rewritten once the project's own creation has written it (it rewrites it at its end). */
    private void rewriteChildList(long projectId) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null || p.state == ProjectState.PREVIEW || p.state == ProjectState.CREATING) {
            return;
        }
        if (p.roadmapIssueNumber == null && GitHubWriteEntity.findByKey(ProjectWriteKeys.roadmap(p.slug)).isEmpty()) {
            return; // no roadmap issue to write to
        }
        outcomes.rewriteChildren(p);
    }
}
