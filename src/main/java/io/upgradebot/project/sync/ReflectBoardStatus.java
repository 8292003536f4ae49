package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A person moved a repository's item on the configured board to another Status (runbook "Deploy the Upgrade": the
 * board is the status dashboard): the bot keeps the value, the status message counts items per Status, and the
 * status thread gets one line. The bot's own writes coming back (sent by the bot, or carrying the value the bot
 * already has) and edits on other boards change nothing; nothing is written back to GitHub.
 */
@ApplicationScoped
public class ReflectBoardStatus {

    private static final Logger LOG = Logger.getLogger(ReflectBoardStatus.class);

    private final ReflectBoardEdits boardEdits;
    private final GitHubGateway github;
    private final UpgradeBotConfig config;
    private final TellStatusThread thread;
    private final Clock clock;

    public ReflectBoardStatus(ReflectBoardEdits boardEdits, GitHubGateway github, UpgradeBotConfig config,
            TellStatusThread thread, Clock clock) {
        this.boardEdits = boardEdits;
        this.github = github;
        this.config = config;
        this.thread = thread;
        this.clock = clock;
    }

    void onWebhook(@ObservesAsync GitHubWebhookEvent event) {
        if (!event.is("projects_v2_item", "edited")) {
            return;
        }
        try {
            reflect(event);
        } catch (RuntimeException e) {
            LOG.warnf("GitHub delivery %s (board Status edit) not reflected: %s", event.deliveryId(), e.toString());
        }
    }

    private record Changed(long projectId, GitHubChange change) {
    }

    void reflect(GitHubWebhookEvent event) {
        String field = config.board().statusField();
        JsonNode change = event.payload().path("changes").path("field_value");
        if (change.isMissingNode() || !boardEdits.isField(change, field)) {
            return;
        }
        JsonNode item = event.payload().path("projects_v2_item");
        if (!boardEdits.onConfiguredBoard(item.path("project_node_id").asText(null))) {
            return;
        }
        if (event.sentBy(github.botLogin())) {
            return; // our own write coming back
        }
        String itemId = item.path("node_id").asText(null);
        String contentNodeId = item.path("content_node_id").asText(null);
        Optional<String> to = boardEdits.newValue(change, itemId, field);
        if (to.isEmpty() || to.get().isBlank()) {
            return; // cleared: nothing to count it as
        }
        Changed changed = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ProjectRepoEntity> found = findLocked(itemId, contentNodeId);
            if (found.isEmpty()) {
                return null; // an item of no project of ours
            }
            ProjectRepoEntity r = found.get();
            String known = r.boardStatus != null ? r.boardStatus : config.board().statusTodo();
            if (known.equalsIgnoreCase(to.get())) {
                return null; // the value the bot already has: an echo of its own write, or a repeat
            }
            r.boardStatus = to.get();
            r.lastHumanActivityAt = clock.instant();
            return new Changed(r.projectId, new GitHubChange.BoardFieldChanged(r.repo, r.issueNumber, r.issueUrl,
                    event.senderLogin(), field, known, to.get()));
        });
        if (changed != null) {
            LOG.infof("%s: board %s set to '%s' by %s", changed.change().repo(), field, to.get(),
                    event.senderLogin());
            thread.tell(changed.projectId(), List.of(changed.change()));
        }
    }

    /** Locked, so two deliveries of the same edit cannot both count it as new. */
    private static Optional<ProjectRepoEntity> findLocked(String itemId, String contentNodeId) {
        if (itemId != null) {
            Optional<ProjectRepoEntity> byItem = ProjectRepoEntity.<ProjectRepoEntity>find("boardItemId", itemId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
            if (byItem.isPresent()) {
                return byItem;
            }
        }
        return contentNodeId == null
                ? Optional.empty()
                : ProjectRepoEntity.<ProjectRepoEntity>find("issueNodeId", contentNodeId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
