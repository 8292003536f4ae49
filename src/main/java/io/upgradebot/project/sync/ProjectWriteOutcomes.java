package io.upgradebot.project.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upgradebot.domain.CloseReason;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteOutcome;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
                    // created, linked and added to the board in one write: its board item came with it
                    String itemId = textOf(result, "item_id");
                    if (itemId != null && !itemId.isEmpty()) {
                        r.boardItemId = itemId;
                    }
                });
                case ProjectWriteKeys.BOARD_ITEM ->
                    repo(p, key).ifPresent(r -> r.boardItemId = textOf(result, "item_id"));
                case ProjectWriteKeys.REMOVAL_CLOSE -> repo(p, key).ifPresent(r -> {
                    IssueStateChangeEntity.change(r, RepoIssueState.CLOSED);
                    r.issueCloseReason = CloseReason.NOT_PLANNED;
                });
                case ProjectWriteKeys.READD_REOPEN -> repo(p, key).ifPresent(r -> {
                    IssueStateChangeEntity.change(r, RepoIssueState.OPEN);
                    r.issueCloseReason = null;
                });
                default -> {
                }
            }
        }
        if (ProjectWriteKeys.REPO_ISSUE.equals(key.what()) && batchSettled(p, outcome.writeId())) {
            rewriteChildren(p);
        }
        if (ProjectWriteKeys.CHILDREN.equals(key.what()) && outcome.succeeded()
                && !content(outcome.payload()).equals(content(desiredChildren(p)))) {
            // the list changed while this write ran (or its claim read the payload just before it was replaced)
            rewriteChildren(p, outcome.payload());
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

    /**
     * Plans a rewrite of the roadmap issue's child list, unless the last one planned says the same. Coalesced: while
     * the last rewrite is still waiting in the queue it is given the new list instead of a second write being queued,
     * so many issues closed in a short time make one body write (the queue paces writes, so a burst waits together).
     * A rewrite that ran with an older list is followed by another once it is done (see {@link #recorded}).
     */
    public void rewriteChildren(UpgradeProjectEntity p) {
        rewriteChildren(p, null);
    }

    /** {@code written}: the payload the last children write ran with, when it is known to be done. */
    private void rewriteChildren(UpgradeProjectEntity p, JsonNode written) {
        List<GitHubWriteEntity> earlier = GitHubWriteEntity.list("idempotencyKey like ?1 order by id desc",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.CHILDREN) + "%");
        PlannedWrite write = childrenWrite(p, earlier.size() + 1);
        if (!earlier.isEmpty()) {
            GitHubWriteEntity last = earlier.get(0);
            JsonNode lastPayload = written != null && last.state == GitHubWriteEntity.State.DONE
                    ? written
                    : parse(last.payload);
            if (lastPayload != null && content(lastPayload).equals(content(write.payload()))) {
                return;
            }
            if (last.state == GitHubWriteEntity.State.PENDING && queue.replacePending(
                    new PlannedWrite(last.idempotencyKey, write.kind(), write.projectId(), write.payload()))) {
                return;
            }
        }
        queue.enqueue(write);
    }

    private PlannedWrite childrenWrite(UpgradeProjectEntity p, int n) {
        List<ProjectRepoEntity> repos = ProjectRepoEntity.list("projectId = ?1 order by repo", p.id);
        return planner.children(p, repos, n);
    }

    private JsonNode desiredChildren(UpgradeProjectEntity p) {
        return childrenWrite(p, 0).payload();
    }

    /** What a children write puts in the body (its issue number may be a reference in one and a number in another). */
    private static String content(JsonNode payload) {
        return payload == null ? "" : payload.path("section").asText("") + "\n" + payload.path("content").asText("");
    }

    private static JsonNode parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            return null;
        }
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
