package io.upgradebot.project.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.github.BoardItemFieldValue;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.GitHubTypes;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A person set a repository's Owner Does on the board (the runbook's own way: "specified in the Owner Does field
 * … easiest in the Table view"): the bot records it as a choice made via GitHub, so Slack, the status message and
 * the history agree with the board. Nothing is written back to GitHub; the bot's own board edits come back as
 * webhooks too and are ignored.
 */
@ApplicationScoped
public class ReflectBoardEdits {

    private static final Logger LOG = Logger.getLogger(ReflectBoardEdits.class);

    private final OwnerDoesChoices choices;
    private final OwnerDoesLevels levels;
    private final GitHubGateway github;
    private final BoardItemFieldValue itemValue;
    private final UpgradeBotConfig config;
    /** The configured board's node id, resolved on the first board edit (a board's node id never changes). */
    private volatile String boardNodeId;

    public ReflectBoardEdits(OwnerDoesChoices choices, OwnerDoesLevels levels, GitHubGateway github,
            BoardItemFieldValue itemValue, UpgradeBotConfig config) {
        this.choices = choices;
        this.levels = levels;
        this.github = github;
        this.itemValue = itemValue;
        this.config = config;
    }

    void onWebhook(@ObservesAsync GitHubWebhookEvent event) {
        if (!event.is("projects_v2_item", "edited")) {
            return;
        }
        try {
            reflect(event);
        } catch (RuntimeException e) {
            LOG.warnf("GitHub delivery %s (board edit) not reflected: %s", event.deliveryId(), e.toString());
        }
    }

    void reflect(GitHubWebhookEvent event) {
        JsonNode change = event.payload().path("changes").path("field_value");
        if (change.isMissingNode() || !isOwnerDoesField(change)) {
            return;
        }
        JsonNode item = event.payload().path("projects_v2_item");
        if (!onConfiguredBoard(item.path("project_node_id").asText(null))) {
            return; // another board of the organisation: its "Owner Does" is not the owners' choice
        }
        if (event.sentBy(github.botLogin())) {
            return; // our own write coming back
        }
        String itemId = item.path("node_id").asText(null);
        Optional<ProjectRepoEntity> repo = QuarkusTransaction.requiringNew().call(() -> findRepo(itemId,
                item.path("content_node_id").asText(null)));
        if (repo.isEmpty()) {
            return; // an item of another project on the same board
        }
        Optional<String> label = newValue(change, itemId, config.board().ownerDoesField());
        if (label.isEmpty()) {
            LOG.infof("%s: Owner Does cleared or unreadable on the board; the bot keeps its record", repo.get().repo);
            return;
        }
        Optional<OwnerDoesLevel> level = levels.byLabel(label.get());
        if (level.isEmpty()) {
            LOG.warnf("%s: board Owner Does '%s' is not a configured level (%s); not recorded", repo.get().repo,
                    label.get(), levels.labels());
            return;
        }
        String login = event.senderLogin();
        OwnerDoesChoices.Result result = choices.choose(new OwnerDoesChoices.Request(repo.get().id, level.get().key(),
                login, login, OwnerDoesChoices.Via.GITHUB, editedAt(event)));
        LOG.infof("%s: Owner Does '%s' set on the board by %s: %s", repo.get().repo, level.get().label(), login,
                result.outcome());
    }

    /** Whether a board's node id is the configured board's (other boards of the organisation are not ours). */
    boolean onConfiguredBoard(String projectNodeId) {
        if (projectNodeId == null || config.board().org().isEmpty() || config.board().number().isEmpty()) {
            return false;
        }
        String configured = boardNodeId;
        if (configured == null) {
            configured = github.board(config.board().org().get(), config.board().number().getAsInt())
                    .map(GitHubTypes.Board::nodeId).orElse(null);
            if (configured == null) {
                LOG.warnf("board %s#%s not found: board edits are not reflected until it is",
                        config.board().org().get(),
                        config.board().number().getAsInt());
                return false;
            }
            boardNodeId = configured;
        }
        return configured.equals(projectNodeId);
    }

    private boolean isOwnerDoesField(JsonNode change) {
        return isField(change, config.board().ownerDoesField());
    }

    /** Whether a {@code changes.field_value} is about the configured board's field of that name. */
    boolean isField(JsonNode change, String field) {
        if (change.hasNonNull("field_name")) {
            return change.path("field_name").asText().equalsIgnoreCase(field);
        }
        // older payloads name only the field's node id: compare with the board's field
        String fieldId = change.path("field_node_id").asText(null);
        if (fieldId == null || config.board().org().isEmpty() || config.board().number().isEmpty()) {
            return false;
        }
        return github.board(config.board().org().get(), config.board().number().getAsInt())
                .flatMap(b -> b.field(field)).map(GitHubTypes.BoardField::id).filter(fieldId::equals).isPresent();
    }

    /** {@code changes.field_value.to.name} when GitHub sent it, else the item's value read back. */
    Optional<String> newValue(JsonNode change, String itemId, String field) {
        JsonNode to = change.path("to");
        if (to.isObject() && to.hasNonNull("name")) {
            return Optional.of(to.path("name").asText());
        }
        if (to.isTextual()) {
            return Optional.of(to.asText());
        }
        if (change.has("to") && to.isNull()) {
            return Optional.empty();
        }
        return itemId == null ? Optional.empty() : itemValue.value(itemId, field);
    }

    private static Optional<ProjectRepoEntity> findRepo(String itemId, String contentNodeId) {
        if (itemId != null) {
            Optional<ProjectRepoEntity> byItem = ProjectRepoEntity.find("boardItemId", itemId).firstResultOptional();
            if (byItem.isPresent()) {
                return byItem;
            }
        }
        return contentNodeId == null
                ? Optional.empty()
                : ProjectRepoEntity.find("issueNodeId", contentNodeId).firstResultOptional();
    }

    private static Instant editedAt(GitHubWebhookEvent event) {
        String at = event.payload().path("projects_v2_item").path("updated_at").asText(null);
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
