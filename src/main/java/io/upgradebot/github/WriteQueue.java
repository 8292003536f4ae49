package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.upgradebot.store.GitHubPacingEntity;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.GitHubWriteEntity.State;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;

/**
 * The only way the bot writes to GitHub. A service {@link #enqueue enqueues} a {@link PlannedWrite} in its own
 * transaction — so its rows and the write are committed together or not at all — and the
 * {@link WriteQueueLoop} runs it later, paced, retried, exactly once. Results arrive as {@link WriteOutcome}
 * events (fired in the transaction that records them) and through {@link #result(String)}.
 */
@Singleton
public class WriteQueue {
    private static final int MAX_KEY = 300;
    private static final int FAILURES_REPORTED = 100;

    @Inject
    WriteQueueLoop worker;

    @Inject
    GitHubSetup setup;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Stores the write in the caller's transaction (one is started when there is none) and answers its id. The same
     * key twice is one row: the first payload wins and its id is answered. Every key the payload refers to
     * ({@code ${ref:KEY#field}}, {@code after}) must already be enqueued. The worker is woken after commit.
     *
     * @throws IllegalArgumentException when the write breaks the payload contract of its {@link WriteKind}
     */
    @Transactional
    public long enqueue(PlannedWrite write) {
        validate(write);
        Optional<GitHubWriteEntity> existing = GitHubWriteEntity.findByKey(write.key());
        if (existing.isPresent()) {
            return existing.get().id;
        }
        Long dependsOn = null;
        for (String key : PayloadRefs.keys(write.payload())) {
            if (key.equals(write.key())) {
                throw new IllegalArgumentException("write " + key + " refers to itself");
            }
            GitHubWriteEntity dep = GitHubWriteEntity.findByKey(key).orElseThrow(() -> new IllegalArgumentException(
                    "write " + write.key() + " refers to " + key + ", which is not enqueued (enqueue it first)"));
            if (dependsOn == null) {
                dependsOn = dep.id;
            }
        }
        Instant now = clock.instant();
        // a concurrent transaction may store the same key: the database keeps one row, nobody's transaction fails
        GitHubWriteEntity.getEntityManager().createNativeQuery("""
                insert into github_write (idempotency_key, installation, kind, content_creating, payload, depends_on,
                    project_id, state, attempts, not_before, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9)
                on conflict do nothing""")
                .unwrap(NativeQuery.class)
                .setParameter(1, write.key())
                .setParameter(2, setup.access().installationKey())
                .setParameter(3, write.kind().name())
                .setParameter(4, write.kind().contentCreating())
                .setParameter(5, write.payload().toString())
                .setParameter(6, dependsOn, Long.class)
                .setParameter(7, write.projectId(), Long.class)
                .setParameter(8, State.PENDING.name())
                .setParameter(9, now, Instant.class)
                .executeUpdate();
        long id = GitHubWriteEntity.findByKey(write.key()).orElseThrow(() -> new IllegalStateException(
                "write " + write.key() + " vanished right after it was stored")).id;
        wakeAfterCommit();
        return id;
    }

    /**
     * Gives a write that has not been claimed yet (PENDING) a new payload, so several changes in a short time make one
     * GitHub write instead of one each. Answers false when the write is not pending any more (running, done, failed
     * or unknown): enqueue a new one then. The payload must refer to no other write than the one it replaces did.
     *
     * <p>A claim that read the old payload just before this update may still send the old one; a caller that
     * coalesces this way checks the done write's payload against what it wants and enqueues again when they differ.
     */
    @Transactional
    public boolean replacePending(PlannedWrite write) {
        validate(write);
        int updated = GitHubWriteEntity.update("payload = ?1 where idempotencyKey = ?2 and state = ?3 and kind = ?4",
                write.payload().toString(), write.key(), State.PENDING, write.kind().name());
        if (updated > 0) {
            wakeAfterCommit();
        }
        return updated > 0;
    }

    /** Progress of one project's writes (or of all writes for {@code null}), for status messages in Slack. */
    @Transactional
    public WriteQueueState state(Long projectId) {
        long[] counts = new long[State.values().length];
        String where = projectId == null ? "" : " where w.projectId = ?1";
        List<Object[]> rows = projectId == null
                ? GitHubWriteEntity.getEntityManager()
                        .createQuery("select w.state, count(w) from GitHubWriteEntity w group by w.state",
                                Object[].class)
                        .getResultList()
                : GitHubWriteEntity.getEntityManager()
                        .createQuery("select w.state, count(w) from GitHubWriteEntity w" + where + " group by w.state",
                                Object[].class)
                        .setParameter(1, projectId).getResultList();
        for (Object[] row : rows) {
            counts[((State) row[0]).ordinal()] = ((Number) row[1]).longValue();
        }
        List<GitHubWriteEntity> failed = (projectId == null
                ? GitHubWriteEntity.<GitHubWriteEntity>find("state = ?1 order by id", State.FAILED)
                : GitHubWriteEntity.<GitHubWriteEntity>find("state = ?1 and projectId = ?2 order by id", State.FAILED,
                        projectId))
                .page(0, FAILURES_REPORTED).list();
        List<WriteQueueState.Failure> failures = new ArrayList<>();
        for (GitHubWriteEntity w : failed) {
            failures.add(new WriteQueueState.Failure(w.idempotencyKey, WriteKind.valueOf(w.kind), w.lastError));
        }
        Instant now = clock.instant();
        GitHubPacingEntity pacing = GitHubPacingEntity.findById(setup.access().installationKey());
        boolean throttled = pacing != null && pacing.throttledUntil != null && pacing.throttledUntil.isAfter(now);
        return new WriteQueueState(counts[State.PENDING.ordinal()], counts[State.RUNNING.ordinal()],
                counts[State.DONE.ordinal()], counts[State.FAILED.ordinal()],
                throttled ? Optional.of(pacing.throttledUntil) : Optional.empty(),
                throttled ? Optional.ofNullable(pacing.throttleReason) : Optional.empty(), List.copyOf(failures));
    }

    /** The result of a done write (fields per {@link WriteKind}); empty while pending, failed or unknown. */
    @Transactional
    public Optional<JsonNode> result(String key) {
        return GitHubWriteEntity.findByKey(key).filter(w -> w.state == State.DONE)
                .map(w -> ClaimNextWrite.parse(w.result));
    }

    /** Where a write stands (PENDING, RUNNING, DONE, FAILED); empty for an unknown key. */
    @Transactional
    public Optional<State> status(String key) {
        return GitHubWriteEntity.findByKey(key).map(w -> w.state);
    }

    /**
     * Puts failed writes (of one project, or all for {@code null}) back in the queue, e.g. after an operator fixed a
     * permission. A write that was attempted before is looked for on GitHub before it is sent again. Answers how many.
     */
    @Transactional
    public int retryFailed(Long projectId) {
        List<GitHubWriteEntity> failed = projectId == null
                ? GitHubWriteEntity.list("state", State.FAILED)
                : GitHubWriteEntity.list("state = ?1 and projectId = ?2", State.FAILED, projectId);
        Instant now = clock.instant();
        for (GitHubWriteEntity w : failed) {
            w.state = State.PENDING;
            w.attempts = Math.min(w.attempts, 1);
            w.notBefore = now;
            w.finishedAt = null;
        }
        if (!failed.isEmpty()) {
            wakeAfterCommit();
        }
        return failed.size();
    }

    /** Asks the worker to look at the queue now. */
    public void wake() {
        worker.wake();
    }

    private void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }

    private static void validate(PlannedWrite write) {
        if (write == null || write.kind() == null || write.payload() == null) {
            throw new IllegalArgumentException("a write needs a key, a kind and a payload");
        }
        if (write.key() == null || write.key().isBlank() || write.key().length() > MAX_KEY) {
            throw new IllegalArgumentException("a write's key must be 1-" + MAX_KEY + " characters: " + write.key());
        }
        List<String> missing = new ArrayList<>();
        for (String field : ApplyWrite.requiredFields(write.kind())) {
            JsonNode value = write.payload().get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                missing.add(field);
            }
        }
        if (write.kind() == WriteKind.SET_BOARD_FIELD && !write.payload().hasNonNull("option")
                && !write.payload().hasNonNull("option_id")) {
            missing.add("option (or option_id)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(write.kind() + " write " + write.key() + " lacks " + missing);
        }
    }
}
