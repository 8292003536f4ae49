package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteOutcome;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.creation.PlanProjectWrites;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the project's rows in step with the write queue: every outcome of a project write is recorded here inside
 * the transaction that records it in the queue, so the bot's view (issue numbers, board items, closed issues) and
 * the queue can never disagree, even across a crash. When the last repository issue of a batch is settled, the
 * roadmap issue's child list is rewritten (runbook: "Create a task list in the roadmap issue to track all the
 * child issues").
 */
@ApplicationScoped
public class ProjectWriteOutcomes {

    private final WriteQueue queue;
    private final PlanProjectWrites planner;
    private final StatusMessages statusMessages;

    public ProjectWriteOutcomes(WriteQueue queue, PlanProjectWrites planner, StatusMessages statusMessages) {
        this.queue = queue;
        this.planner = planner;
        this.statusMessages = statusMessages;
    }

    void recorded(@Observes WriteOutcome outcome) {
        Optional<ProjectWriteKeys.Key> parsed = ProjectWriteKeys.parse(outcome.key());
        if (parsed.isEmpty()) {
            return;
        }
        ProjectWriteKeys.Key key = parsed.get();
        Optional<UpgradeProjectEntity> project = UpgradeProjectEntity.findBySlug(key.slug());
        if (project.isEmpty()) {
            return;
        }
        UpgradeProjectEntity p = project.get();
        if (outcome.succeeded()) {
            JsonNode result = outcome.result();
            switch (key.what()) {
                case ProjectWriteKeys.ROADMAP -> {
                    p.roadmapIssueNumber = intOf(result, "number");
                    p.roadmapIssueId = longOf(result, "id");
                    p.roadmapIssueNodeId = textOf(result, "node_id");
                    p.roadmapIssueUrl = textOf(result, "url");
                }
                case ProjectWriteKeys.REPO_ISSUE -> repo(p, key).ifPresent(r -> {
                    r.issueNumber = intOf(result, "number");
                    r.issueId = longOf(result, "id");
                    r.issueNodeId = textOf(result, "node_id");
                    r.issueUrl = textOf(result, "url");
                    IssueStateChangeEntity.change(r, RepoIssueState.OPEN);
                });
                case ProjectWriteKeys.BOARD_ITEM ->
                    repo(p, key).ifPresent(r -> r.boardItemId = textOf(result, "item_id"));
                case ProjectWriteKeys.REMOVAL_CLOSE ->
                    repo(p, key).ifPresent(r -> IssueStateChangeEntity.change(r, RepoIssueState.CLOSED));
                case ProjectWriteKeys.READD_REOPEN ->
                    repo(p, key).ifPresent(r -> IssueStateChangeEntity.change(r, RepoIssueState.OPEN));
                default -> {
                }
            }
        }
        if (ProjectWriteKeys.REPO_ISSUE.equals(key.what()) && batchSettled(p, outcome.writeId())) {
            rewriteChildren(p);
        }
    }

    /** After the queue's transaction committed: show it (coalesced, so a fast fan-out is not an edit per write). */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WriteOutcome outcome) {
        if (outcome.projectId() != null) {
            statusMessages.refresh(outcome.projectId());
        }
    }

    private static boolean batchSettled(UpgradeProjectEntity p, long justSettled) {
        return GitHubWriteEntity.count("idempotencyKey like ?1 and state in ?2 and id <> ?3",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.REPO_ISSUE) + "%",
                List.of(GitHubWriteEntity.State.PENDING, GitHubWriteEntity.State.RUNNING), justSettled) == 0;
    }

    /** Plans a rewrite of the roadmap issue's child list, unless the last one planned says the same. */
    public void rewriteChildren(UpgradeProjectEntity p) {
        List<ProjectRepoEntity> repos = ProjectRepoEntity.list("projectId = ?1 order by repo", p.id);
        List<GitHubWriteEntity> earlier = GitHubWriteEntity.list("idempotencyKey like ?1 order by id desc",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.CHILDREN) + "%");
        PlannedWrite write = planner.children(p, repos, earlier.size() + 1);
        if (!earlier.isEmpty() && earlier.get(0).payload != null && WritePayload.parse(write.kind(),
                earlier.get(0).payload).equals(WritePayload.parse(write.kind(), write.payload()))) {
            return;
        }
        queue.enqueue(write);
    }

    private static Optional<ProjectRepoEntity> repo(UpgradeProjectEntity p, ProjectWriteKeys.Key key) {
        return key.repo() == null ? Optional.empty() : ProjectRepoEntity.find(p.id, key.repo());
    }

    private static String textOf(JsonNode n, String field) {
        return n == null || !n.hasNonNull(field) ? null : n.get(field).asText();
    }

    private static Integer intOf(JsonNode n, String field) {
        return n == null || !n.hasNonNull(field) ? null : n.get(field).asInt();
    }

    private static Long longOf(JsonNode n, String field) {
        return n == null || !n.hasNonNull(field) ? null : n.get(field).asLong();
    }
}
