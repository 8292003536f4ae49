package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.store.ChecklistReadbackEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * People tick the runbook checklist in the roadmap issue on GitHub: each edit of a roadmap issue's body by a person
 * ({@code issues.edited}) is read back, and every item whose tick changed is stored for the project with who (the
 * GitHub login) and when, so Slack can show the checklist as it is on GitHub. Items are recognised by their text
 * ({@link RunbookChecklist#tickedIn}); an item a person reworded is not recognised and keeps its last state.
 *
 * <p>The bot's own body writes come back as {@code issues.edited} too: they are not read (the feature that ticks
 * an item itself records that). A tick found in the body that this edit did not make (an earlier edit whose webhook
 * was missed) is stored without an author.
 */
@ApplicationScoped
public class ReadBackChecklistTicks {

    private static final Logger LOG = Logger.getLogger(ReadBackChecklistTicks.class);

    /**
     * An item of the runbook checklist as last seen on GitHub.
     *
     * @param itemId    the {@link RunbookChecklist} item id
     * @param changedBy GitHub login of whoever changed it; null when the edit that changed it was not seen
     */
    public record ReadBackTick(String itemId, boolean ticked, String changedBy, Instant changedAt) {
    }

    private final RunbookChecklist checklist = RunbookChecklist.load();
    private final GitHubGateway github;
    private final Clock clock;

    public ReadBackChecklistTicks(GitHubGateway github, Clock clock) {
        this.github = github;
        this.clock = clock;
    }

    /** The project's checklist items as people last left them on GitHub (items never seen changed are absent). */
    public Map<String, ReadBackTick> ticks(long projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, ReadBackTick> out = new java.util.LinkedHashMap<>();
            for (ChecklistReadbackEntity e : ChecklistReadbackEntity.ofProject(projectId)) {
                out.put(e.key.itemId, new ReadBackTick(e.key.itemId, e.ticked, e.changedBy, e.changedAt));
            }
            return out;
        });
    }

    void onWebhook(@ObservesAsync GitHubWebhookEvent event) {
        if (!event.is("issues", "edited")) {
            return;
        }
        try {
            readBack(event);
        } catch (RuntimeException e) {
            LOG.warnf("GitHub delivery %s (roadmap issue edited) not read back: %s", event.deliveryId(),
                    e.toString());
        }
    }

    void readBack(GitHubWebhookEvent event) {
        JsonNode body = event.payload().path("changes").path("body");
        if (body.isMissingNode() || event.sentBy(github.botLogin())) {
            return; // the title or labels changed, or it is the bot's own write
        }
        JsonNode issue = event.payload().path("issue");
        String nodeId = issue.path("node_id").asText(null);
        String repo = event.payload().path("repository").path("full_name").asText(null);
        int number = issue.path("number").asInt(-1);
        Set<String> now = checklist.tickedIn(issue.path("body").asText(""));
        Optional<Set<String>> before = body.hasNonNull("from")
                ? Optional.of(checklist.tickedIn(body.path("from").asText("")))
                : Optional.empty();
        String login = event.senderLogin();
        Instant at = editedAt(issue);
        int stored = QuarkusTransaction.requiringNew().call(() -> {
            Optional<UpgradeProjectEntity> project = roadmapOf(nodeId, repo, number);
            if (project.isEmpty()) {
                return -1; // not a roadmap issue of ours
            }
            long projectId = project.get().id;
            Map<String, ChecklistReadbackEntity> known = new HashMap<>();
            ChecklistReadbackEntity.ofProject(projectId).forEach(e -> known.put(e.key.itemId, e));
            int n = 0;
            for (String id : checklist.ids()) {
                boolean ticked = now.contains(id);
                boolean changedHere = before.map(b -> b.contains(id) != ticked).orElse(false);
                ChecklistReadbackEntity row = known.get(id);
                if (row != null ? row.ticked == ticked : !ticked && !changedHere) {
                    continue; // as already known (a repeat), or unticked and never seen otherwise
                }
                boolean create = row == null;
                if (create) {
                    row = new ChecklistReadbackEntity();
                    row.key = new ChecklistReadbackEntity.Key(projectId, id);
                }
                row.ticked = ticked;
                row.changedBy = changedHere || before.isEmpty() ? login : null;
                row.changedAt = at;
                if (create) {
                    row.persist();
                }
                n++;
            }
            return n;
        });
        if (stored > 0) {
            LOG.infof("%s#%d: %d runbook checklist item(s) read back after an edit by %s", repo, number, stored,
                    login);
        }
    }

    private static Optional<UpgradeProjectEntity> roadmapOf(String nodeId, String repo, int number) {
        if (nodeId != null) {
            Optional<UpgradeProjectEntity> byNode = UpgradeProjectEntity
                    .<UpgradeProjectEntity>find("roadmapIssueNodeId", nodeId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
            if (byNode.isPresent()) {
                return byNode;
            }
        }
        return repo == null
                ? Optional.empty()
                : UpgradeProjectEntity.<UpgradeProjectEntity>find(
                        "lower(roadmapRepo) = lower(?1) and roadmapIssueNumber = ?2", repo, number)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private Instant editedAt(JsonNode issue) {
        String at = issue.path("updated_at").asText(null);
        try {
            return at == null ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
