package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.github.WriteKind;
import io.upgradebot.github.WriteOutcome;
import io.upgradebot.github.WritePayload;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * "GitHub ends in the same state as the bot's record", even when board writes land out of order. The queue runs a
 * repository's writes in the order of the choices, but a write that failed transiently is retried later and can
 * land after a newer one. Whenever an Owner Does board write lands with a level that is no longer the current one,
 * and the newer choice's own value is already on the board (its write is done, or it came from the board itself),
 * the current level is written once more. Keys make that correction happen once per stale write.
 *
 * <p>Runs inside the write queue's outcome transaction (see {@link WriteOutcome}), so the correction is stored
 * atomically with the outcome; it never throws into that transaction.
 */
@ApplicationScoped
public class ReconcileOwnerDoesBoard {

    private static final Logger LOG = Logger.getLogger(ReconcileOwnerDoesBoard.class);
    private static final Pattern KEY = Pattern.compile("^owner-does:board:r(\\d+):c(\\d+).*$");

    private final OwnerDoesLevels levels;
    private final OwnerDoesChoices choices;
    private final UpgradeBotConfig config;

    public ReconcileOwnerDoesBoard(OwnerDoesLevels levels, OwnerDoesChoices choices, UpgradeBotConfig config) {
        this.levels = levels;
        this.choices = choices;
        this.config = config;
    }

    void onWriteOutcome(@Observes WriteOutcome outcome) {
        if (outcome.succeeded() && outcome.kind() == WriteKind.SET_BOARD_FIELDS && outcome.key() != null) {
            try {
                reconcileFirstValues(outcome);
            } catch (RuntimeException e) {
                LOG.warnf("Owner Does board check after write %s failed: %s", outcome.key(), e.getMessage());
            }
            return;
        }
        if (!outcome.succeeded() || outcome.kind() != WriteKind.SET_BOARD_FIELD || outcome.key() == null) {
            return;
        }
        Matcher m = KEY.matcher(outcome.key());
        if (!m.matches()) {
            return;
        }
        try {
            reconcile(Long.parseLong(m.group(1)), outcome);
        } catch (RuntimeException e) {
            LOG.warnf("Owner Does board check after write %s failed: %s", outcome.key(), e.getMessage());
        }
    }

    /**
     * A repository's first board values (TBD for Owner Does) written in one request: when a choice was made before
     * they landed (they were retried, or waited for the board item), the choice is written again.
     */
    private void reconcileFirstValues(WriteOutcome outcome) {
        Optional<ProjectWriteKeys.Key> key = ProjectWriteKeys.parse(outcome.key());
        if (key.isEmpty() || !ProjectWriteKeys.BOARD_FIELDS.equals(key.get().what()) || key.get().repo() == null
                || !(outcome.typedPayload() instanceof WritePayload.SetBoardFields fields)) {
            return;
        }
        Optional<String> written = fields.value(config.board().ownerDoesField())
                .map(WritePayload.SetBoardFields.FieldValue::option);
        if (written.isEmpty()) {
            return;
        }
        UpgradeProjectEntity.findBySlug(key.get().slug())
                .flatMap(p -> ProjectRepoEntity.find(p.id, key.get().repo()))
                .ifPresent(r -> reconcile(r.id, written.get(), outcome.writeId()));
    }

    private void reconcile(long projectRepoId, WriteOutcome outcome) {
        String written = outcome.typedPayload() instanceof WritePayload.SetBoardField set ? set.option() : null;
        reconcile(projectRepoId, written, outcome.writeId());
    }

    private void reconcile(long projectRepoId, String written, long writeId) {
        ProjectRepoEntity repo = ProjectRepoEntity.findById(projectRepoId);
        if (repo == null) {
            return;
        }
        OwnerDoesLevel current = levels.byKey(repo.ownerDoes).orElse(levels.tbd());
        if (current.label().equalsIgnoreCase(written)) {
            return;
        }
        OwnerDoesChoiceEntity latest = OwnerDoesChoiceEntity
                .find("projectRepoId = ?1 order by chosenAt desc, id desc", projectRepoId).firstResult();
        if (latest == null) {
            return;
        }
        if (latest.via.equals(OwnerDoesChoices.Via.SLACK.name())) {
            Optional<GitHubWriteEntity> newer = GitHubWriteEntity
                    .findByKey(ProjectWriteKeys.ownerDoesBoard(projectRepoId,
                            latest.id));
            if (newer.isPresent() && newer.get().state != GitHubWriteEntity.State.DONE
                    && newer.get().state != GitHubWriteEntity.State.FAILED) {
                return; // the newer choice's own write is still to land, after this one
            }
        }
        LOG.infof("%s: board got Owner Does '%s' after a newer choice ('%s'); writing the current level again",
                repo.repo, written, current.label());
        choices.queueBoardWrite(repo, UpgradeProjectEntity.findById(repo.projectId), current,
                ProjectWriteKeys.ownerDoesBoardAgain(projectRepoId, latest.id, writeId));
    }
}
