package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.github.PayloadRefs;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteKind;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ChoiceNotifier;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records an Owner Does choice and reflects it ("Writing it back"): the history row first (who, when,
 * from → to, via Slack or GitHub), then the repository's current level, then, through the write queue in the same
 * transaction, the board's Owner Does field and one comment on the repository issue; after the commit the project's
 * status message is refreshed and the change's details go to its thread.
 *
 * <p>Nothing lost, nothing written twice, last choice wins:
 * <ul>
 *   <li>choices for one repository are serialised on its row ({@code SELECT … FOR UPDATE}), so two people choosing
 *       at once are both in the history, in order, and the later one is the current level;</li>
 *   <li>a choice equal to the current level (a double click, a Slack retry, a second person agreeing) records and
 *       writes nothing;</li>
 *   <li>write keys carry the choice's history id, so a retried enqueue stores one row while a real change of mind
 *       writes again; the queue runs one installation's writes in id order, and the locked row makes ids follow
 *       the choices' order, so the newest choice's board write runs last. A board write that still lands out of
 *       order (a retry) is put right by {@link ReconcileOwnerDoesBoard};</li>
 *   <li>a level set by a person on the board (via GITHUB) is recorded but not written back; if a bot write landed
 *       over that edit, the current level is written again, so GitHub ends where the record is.</li>
 * </ul>
 */
@ApplicationScoped
public class OwnerDoesChoices {

    private static final Logger LOG = Logger.getLogger(OwnerDoesChoices.class);
    /** Clock difference tolerated between GitHub's edit time and our write times. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

    public enum Via {
        SLACK, GITHUB
    }

    /**
     * @param chosenBy     Slack user id (SLACK) or GitHub login (GITHUB), stored in the history
     * @param chosenByName how the comment on GitHub names the person (a Slack id means nothing there)
     * @param chosenAt     when the person chose (GitHub's edit time); null = now
     */
    public record Request(long projectRepoId, String levelKey, String chosenBy, String chosenByName, Via via,
            Instant chosenAt) {
    }

    public enum Outcome {
        /** Recorded and being reflected. */
        RECORDED,
        /** Already the current level: nothing recorded, nothing written. */
        UNCHANGED,
        /** A board edit older than the current choice: kept in the history only. */
        SUPERSEDED, UNKNOWN_LEVEL, NOT_FOUND
    }

    public record Result(Outcome outcome, Long choiceId, Long projectId, String repo, String fromKey, String toKey) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null, null, null, null, null);
        }
    }

    private final OwnerDoesLevels levels;
    private final WriteQueue writes;
    private final UpgradeBotConfig config;
    private final StatusMessages statusMessages;
    private final ChoiceNotifier notifier;
    private final BoardFieldWrites board;
    private final Clock clock;

    public OwnerDoesChoices(OwnerDoesLevels levels, WriteQueue writes, UpgradeBotConfig config,
            StatusMessages statusMessages, ChoiceNotifier notifier, BoardFieldWrites board, Clock clock) {
        this.board = board;
        this.clock = clock;
        this.levels = levels;
        this.writes = writes;
        this.config = config;
        this.statusMessages = statusMessages;
        this.notifier = notifier;
    }

    /** Records the choice and reflects it. Call after the Slack ack / off the webhook thread (it posts to Slack). */
    public Result choose(Request request) {
        Result result = recordWithRetry(request);
        if (result.outcome() == Outcome.RECORDED) {
            writes.wake();
            reflectInSlack(result, request);
        }
        return result;
    }

    private Result recordWithRetry(Request request) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> record(request));
            } catch (RuntimeException e) {
                // another choice for the same repository holds the row: it commits in milliseconds, try again
                if (attempt >= 5 || !isLockConflict(e)) {
                    throw e;
                }
                LOG.debugf("choice for repository row %d waits for a concurrent one (attempt %d)",
                        request.projectRepoId(), attempt);
            }
        }
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t.getClass().getSimpleName().contains("LockAcquisition")
                    || t.getClass().getSimpleName().contains("LockTimeout")) {
                return true;
            }
        }
        return false;
    }

    Result record(Request request) {
        ProjectRepoEntity repo = ProjectRepoEntity.findById(request.projectRepoId(), LockModeType.PESSIMISTIC_WRITE);
        if (repo == null) {
            return Result.of(Outcome.NOT_FOUND);
        }
        Optional<OwnerDoesLevel> to = levels.byKey(request.levelKey());
        if (to.isEmpty()) {
            return Result.of(Outcome.UNKNOWN_LEVEL);
        }
        Instant at = request.chosenAt() == null ? clock.instant() : request.chosenAt();
        OwnerDoesChoiceEntity latest = OwnerDoesChoiceEntity
                .find("projectRepoId = ?1 order by chosenAt desc, id desc", repo.id).firstResult();
        String from = repo.ownerDoes;

        if (request.via() == Via.GITHUB && latest != null && at.isBefore(latest.chosenAt)) {
            // The board edit happened before the choice now in force (its webhook came late). That newer choice's
            // board write runs after it, so the board already ends right: history only.
            OwnerDoesChoiceEntity row = history(repo, null, to.get(), request, at);
            return new Result(Outcome.SUPERSEDED, row.id, repo.projectId, repo.repo, null, to.get().key());
        }
        if (to.get().key().equalsIgnoreCase(from)) {
            return new Result(Outcome.UNCHANGED, null, repo.projectId, repo.repo, from, from);
        }

        OwnerDoesChoiceEntity row = history(repo, from, to.get(), request, at);
        repo.ownerDoes = to.get().key();
        repo.lastHumanActivityAt = at;

        UpgradeProjectEntity project = UpgradeProjectEntity.findById(repo.projectId);
        if (request.via() == Via.SLACK) {
            queueBoardWrite(repo, project, to.get(), ProjectWriteKeys.ownerDoesBoard(repo.id, row.id));
            queueComment(repo, project, row, levels.byKey(from).orElse(levels.tbd()), to.get(), request, at);
        } else if (botBoardWriteNear(repo.id, at)) {
            // A bot write of this field landed around or after the person's edit and may have overwritten it.
            queueBoardWrite(repo, project, to.get(), ProjectWriteKeys.ownerDoesBoardSync(repo.id, row.id));
        }
        return new Result(Outcome.RECORDED, row.id, repo.projectId, repo.repo, from, to.get().key());
    }

    private static OwnerDoesChoiceEntity history(ProjectRepoEntity repo, String from, OwnerDoesLevel to,
            Request request,
            Instant at) {
        OwnerDoesChoiceEntity row = new OwnerDoesChoiceEntity();
        row.projectRepoId = repo.id;
        row.fromLevel = from;
        row.toLevel = to.key();
        row.chosenBy = request.chosenBy();
        row.via = request.via().name();
        row.chosenAt = at;
        row.persist();
        row.flush();
        return row;
    }

    /**
     * The board shows an Owner Does value the bot itself wrote earlier, not the current choice (a write lost or
     * landed out of order): writes the current level once more, once per choice (the key carries the choice), so a
     * drift found again on the next pass writes nothing twice. False when there is no choice to write.
     */
    public boolean writeCurrentLevelAgain(long projectRepoId) {
        boolean queued = QuarkusTransaction.requiringNew().call(() -> {
            ProjectRepoEntity repo = ProjectRepoEntity.findById(projectRepoId);
            OwnerDoesChoiceEntity latest = OwnerDoesChoiceEntity
                    .find("projectRepoId = ?1 order by chosenAt desc, id desc", projectRepoId).firstResult();
            if (repo == null || latest == null || levels.byKey(repo.ownerDoes).isEmpty()) {
                return false;
            }
            return queueBoardWrite(repo, UpgradeProjectEntity.findById(repo.projectId),
                    levels.byKey(repo.ownerDoes).get(), ProjectWriteKeys.ownerDoesBoardSync(repo.id, latest.id));
        });
        if (queued) {
            writes.wake();
        }
        return queued;
    }

    /** Queues the board's Owner Does = level for the repository's item; false when there is no board item. */
    boolean queueBoardWrite(ProjectRepoEntity repo, UpgradeProjectEntity project, OwnerDoesLevel level, String key) {
        if (!board.boardConfigured()) {
            return false;
        }
        Optional<String> item = repo.boardItemId != null
                ? Optional.of(repo.boardItemId)
                : pendingResult(project, ProjectWriteKeys.boardItem(project.slug, repo.repo), "item_id")
                        .or(() -> pendingLinkedItem(project, repo));
        if (item.isEmpty()) {
            LOG.infof("%s: not on the board; Owner Does '%s' is recorded but not set there", repo.repo, level.label());
            return false;
        }
        return board.set(repo.projectId, item.get(), config.board().ownerDoesField(), level.label(), key);
    }

    /**
     * While the project is still being created its issue or board item may not exist yet: the write then refers to
     * the creating write's result, and the queue runs it once that is done.
     */
    private static Optional<String> pendingResult(UpgradeProjectEntity project, String key, String field) {
        if (project == null) {
            return Optional.empty();
        }
        return GitHubWriteEntity.findByKey(key).filter(w -> w.state != GitHubWriteEntity.State.FAILED)
                .map(w -> PayloadRefs.ref(key, field));
    }

    /** The board item of an issue still being created, linked and added to the board in one write. */
    private static Optional<String> pendingLinkedItem(UpgradeProjectEntity project, ProjectRepoEntity repo) {
        if (project == null) {
            return Optional.empty();
        }
        String key = ProjectWriteKeys.repoIssue(project.slug, repo.repo);
        return GitHubWriteEntity.findByKey(key)
                .filter(w -> w.state != GitHubWriteEntity.State.FAILED
                        && WriteKind.CREATE_ISSUE_LINKED_ON_BOARD.name().equals(w.kind) && w.payload != null
                        && WritePayload.parse(WriteKind.CREATE_ISSUE_LINKED_ON_BOARD,
                                w.payload) instanceof WritePayload.CreateIssueLinkedOnBoard c
                        && c.org() != null)
                .map(w -> PayloadRefs.ref(key, "item_id"));
    }

    private void queueComment(ProjectRepoEntity repo, UpgradeProjectEntity project, OwnerDoesChoiceEntity row,
            OwnerDoesLevel from, OwnerDoesLevel to, Request request, Instant at) {
        Optional<String> number = repo.issueNumber != null
                ? Optional.of(String.valueOf(repo.issueNumber))
                : pendingResult(project, ProjectWriteKeys.repoIssue(project.slug, repo.repo), "number");
        if (number.isEmpty()) {
            LOG.infof("%s: no repository issue; the choice of '%s' is recorded without a comment", repo.repo,
                    to.label());
            return;
        }
        String body = OwnerDoesComment.body(row.id, from, to, repo.ownerTeam,
                project == null ? null : project.orchestrationTeam, request.chosenByName(), at);
        writes.enqueue(PlannedWrite.of(ProjectWriteKeys.ownerDoesComment(repo.id, row.id), repo.projectId,
                new WritePayload.Comment(repo.repo, Num.text(number.get()), body, OwnerDoesComment.marker(row.id))));
    }

    /** A bot write of the repository's Owner Does field still to run, or finished close to {@code at} or later. */
    private static boolean botBoardWriteNear(long projectRepoId, Instant at) {
        return GitHubWriteEntity.count("idempotencyKey like ?1 and (state in ?2 or finishedAt > ?3)",
                ProjectWriteKeys.ownerDoesBoardPrefix(projectRepoId) + "%",
                java.util.List.of(GitHubWriteEntity.State.PENDING, GitHubWriteEntity.State.RUNNING),
                at.minus(CLOCK_MARGIN)) > 0;
    }

    private void reflectInSlack(Result result, Request request) {
        try {
            boolean hasStatusMessage = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity
                    .<UpgradeProjectEntity>findByIdOptional(result.projectId()).map(p -> p.statusMessageTs != null)
                    .orElse(false));
            if (hasStatusMessage) {
                statusMessages.refresh(result.projectId());
            } else {
                statusMessages.refreshNow(result.projectId()); // the details below need a thread to go to
            }
        } catch (RuntimeException e) {
            LOG.warnf("status message of project %d not refreshed after a choice: %s", result.projectId(),
                    e.getMessage());
        }
        try {
            ChoiceNotifier.ChoiceDetail detail = QuarkusTransaction.requiringNew().call(() -> {
                UpgradeProjectEntity project = UpgradeProjectEntity.findById(result.projectId());
                ProjectRepoEntity repo = ProjectRepoEntity.findById(request.projectRepoId());
                if (project == null || project.statusMessageTs == null) {
                    return null;
                }
                String channel = project.statusChannelId != null ? project.statusChannelId : project.channelId;
                return new ChoiceNotifier.ChoiceDetail(project.id, channel, project.statusMessageTs, repo.repo,
                        repo.issueUrl, levels.byKey(result.fromKey()).orElse(levels.tbd()),
                        levels.byKey(result.toKey()).orElseThrow(), request.chosenBy(), request.via());
            });
            if (detail == null) {
                LOG.infof("project %d has no status message yet: choice details not posted", result.projectId());
                return;
            }
            notifier.choiceRecorded(detail);
        } catch (RuntimeException e) {
            LOG.warnf("choice details for project %d not posted: %s", result.projectId(), e.getMessage());
        }
    }
}
