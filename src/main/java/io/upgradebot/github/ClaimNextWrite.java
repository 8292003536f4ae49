package io.upgradebot.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.GitHubContentWriteEntity;
import io.upgradebot.store.GitHubPacingEntity;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.GitHubWriteEntity.State;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One step of the write queue: claim the next write that may run, run it, record what happened. All state lives in
 * the database, so any number of runners (threads, replicas, a runner started after a crash) share one queue:
 *
 * <ul>
 *   <li>Claiming locks the installation's {@code github_pacing} row (PESSIMISTIC_WRITE), so claims are serial across
 *       replicas; a claim needs the write interval elapsed, no throttle, no other write of the installation under
 *       lease, every write it refers to done, and — when it creates content — room in the budget. The write
 *       interval counts from the previous write's completion (recorded with its outcome), not its start.</li>
 *   <li>A claimed write is RUNNING under a lease. A runner that dies leaves it RUNNING; once the lease has expired the
 *       next claim takes it again, and because its attempt count is then above one it is looked for on GitHub before
 *       it is repeated.</li>
 *   <li>The outcome is recorded only by the runner holding the claim (same attempt number), and {@link WriteOutcome}
 *       is fired in that transaction.</li>
 * </ul>
 * Lock order is always pacing row, then write rows, in every transaction here.
 */
public final class ClaimNextWrite {
    private static final Logger LOG = Logger.getLogger(ClaimNextWrite.class);
    private static final int CANDIDATES = 200;
    private static final int MAX_ERROR = 2000;

    /** What one step did. */
    public sealed interface Step permits Ran, Waiting, Idle {
    }

    /** A write was attempted; {@code state} is where it stands now (PENDING again after a retryable failure). */
    public record Ran(long writeId, String key, State state) implements Step {
    }

    /** Writes are pending but none may run before {@code until} (interval, throttle, budget, backoff, lease). */
    public record Waiting(Instant until, String reason) implements Step {
    }

    /** Nothing pending. */
    public record Idle() implements Step {
    }

    /** A write this runner holds. */
    record Claim(long id, String key, WriteKind kind, Long projectId, JsonNode payload, int attempts, Long ledgerId) {
    }

    sealed interface Outcome permits Done, Failed {
    }

    record Done(JsonNode result) implements Outcome {
    }

    record Failed(GitHubException failure) implements Outcome {
    }

    private sealed interface ClaimResult permits Claimed, NotClaimed {
    }

    private record Claimed(Claim claim) implements ClaimResult {
    }

    private record NotClaimed(Step step) implements ClaimResult {
    }

    private final GitHubGateway gateway;
    private final Clock clock;
    private final Supplier<WritePolicy> policy;
    private final Supplier<String> installation;
    private final Event<WriteOutcome> outcomes;

    public ClaimNextWrite(GitHubGateway gateway, Clock clock, Supplier<WritePolicy> policy,
            Supplier<String> installation,
            Event<WriteOutcome> outcomes) {
        this.gateway = gateway;
        this.clock = clock;
        this.policy = policy;
        this.installation = installation;
        this.outcomes = outcomes;
    }

    /** Claims, runs and records at most one write. Never sleeps. */
    public Step step() {
        ClaimResult result = claimOrWait();
        if (result instanceof NotClaimed waiting) {
            return waiting.step();
        }
        Claim claim = ((Claimed) result).claim();
        return record(claim, execute(claim));
    }

    /** Claims the next write that may run now, if any. */
    Optional<Claim> claim() {
        return claimOrWait() instanceof Claimed claimed ? Optional.of(claimed.claim()) : Optional.empty();
    }

    private ClaimResult claimOrWait() {
        WritePolicy pol = policy.get();
        String inst = installation.get();
        return QuarkusTransaction.requiringNew().call(() -> claimIn(inst, clock.instant(), pol));
    }

    private ClaimResult claimIn(String inst, Instant now, WritePolicy pol) {
        GitHubPacingEntity pacing = lockPacing(inst, now);
        if (pacing.throttledUntil != null && pacing.throttledUntil.isAfter(now)) {
            return new NotClaimed(new Waiting(pacing.throttledUntil, "throttled: " + pacing.throttleReason));
        }
        if (pacing.nextWriteAt.isAfter(now)) {
            return new NotClaimed(new Waiting(pacing.nextWriteAt, "write interval"));
        }
        Optional<GitHubWriteEntity> leased = GitHubWriteEntity
                .find("state = ?1 and leaseUntil > ?2 order by leaseUntil", State.RUNNING, now).firstResultOptional();
        if (leased.isPresent()) {
            // one write at a time per installation, whichever replica runs it
            return new NotClaimed(new Waiting(earlier(leased.get().leaseUntil, now.plus(pol.pollInterval())),
                    "a write is in progress"));
        }
        List<GitHubWriteEntity> due = GitHubWriteEntity
                .find("(state = ?1 and notBefore <= ?3) or (state = ?2 and leaseUntil <= ?3) order by id",
                        State.PENDING, State.RUNNING, now)
                .page(0, CANDIDATES).list();
        if (due.isEmpty()) {
            Optional<GitHubWriteEntity> next = GitHubWriteEntity
                    .find("state = ?1 order by notBefore", State.PENDING).firstResultOptional();
            return new NotClaimed(next.<Step>map(w -> new Waiting(w.notBefore, "retry backoff")).orElse(new Idle()));
        }
        Instant since = now.minus(longer(pol.minuteWindow(), pol.hourWindow()));
        List<Instant> sent = GitHubContentWriteEntity.<GitHubContentWriteEntity>find(
                "installation = ?1 and sentAt > ?2", inst, since).stream().map(c -> c.sentAt).toList();
        Optional<Instant> budgetFreeAt = WritePacing.contentBudgetFreeAt(sent, now, pol);
        boolean budgetBlocked = false;
        for (GitHubWriteEntity w : due) {
            WriteKind kind = WriteKind.valueOf(w.kind);
            JsonNode payload = parse(w.payload);
            if (w.state == State.RUNNING && w.attempts >= pol.maxAttempts()) {
                fail(w, "gave up after " + w.attempts + " attempts (the worker stopped during each)", payload, now);
                continue;
            }
            Map<String, JsonNode> results = new HashMap<>();
            String blockedBy = null;
            String failedBecause = null;
            for (String key : PayloadRefs.keys(payload)) {
                Optional<GitHubWriteEntity> dep = GitHubWriteEntity.findByKey(key);
                if (dep.isEmpty()) {
                    failedBecause = "depends on " + key + ", which was never enqueued";
                } else if (dep.get().state == State.FAILED) {
                    failedBecause = "depends on " + key + ", which failed: " + dep.get().lastError;
                } else if (dep.get().state != State.DONE) {
                    blockedBy = key;
                } else {
                    results.put(key, parse(dep.get().result));
                }
                if (failedBecause != null) {
                    break;
                }
            }
            if (failedBecause != null) {
                fail(w, failedBecause, payload, now);
                continue;
            }
            if (blockedBy != null) {
                continue;
            }
            if (w.contentCreating && budgetFreeAt.isPresent()) {
                budgetBlocked = true;
                continue;
            }
            JsonNode resolved;
            try {
                resolved = PayloadRefs.resolve(payload, results::get);
            } catch (IllegalArgumentException e) {
                fail(w, e.getMessage(), payload, now);
                continue;
            }
            w.state = State.RUNNING;
            w.attempts++;
            w.leaseUntil = now.plus(pol.lease());
            w.startedAt = now;
            w.installation = inst;
            pacing.nextWriteAt = now.plus(pol.writeInterval());
            Long ledgerId = null;
            if (w.contentCreating) {
                GitHubContentWriteEntity sentNow = new GitHubContentWriteEntity();
                sentNow.installation = inst;
                sentNow.sentAt = now;
                sentNow.persist();
                ledgerId = sentNow.id;
                GitHubContentWriteEntity.delete("installation = ?1 and sentAt <= ?2", inst, since);
            }
            return new Claimed(new Claim(w.id, w.idempotencyKey, kind, w.projectId, resolved, w.attempts, ledgerId));
        }
        Optional<Instant> nextDue = GitHubWriteEntity.<GitHubWriteEntity>find(
                "state = ?1 and notBefore > ?2 order by notBefore", State.PENDING, now).firstResultOptional()
                .map(w -> w.notBefore);
        if (budgetBlocked) {
            Instant free = budgetFreeAt.get();
            return new NotClaimed(new Waiting(nextDue.map(d -> earlier(d, free)).orElse(free),
                    "content-creation budget"));
        }
        return new NotClaimed(new Waiting(nextDue.orElse(now.plus(pol.pollInterval())),
                "waiting for the writes it refers to"));
    }

    /** Runs the claimed write against GitHub (no transaction, no lock held). */
    Outcome execute(Claim claim) {
        try {
            return new Done(new ApplyWrite(gateway).run(claim.key(), claim.kind(), claim.payload(),
                    claim.attempts() > 1));
        } catch (GitHubException e) {
            return new Failed(e);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return new Failed(new GitHubException.Permanent(0, "invalid write: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.errorf(e, "GitHub write %s failed unexpectedly", claim.key());
            return new Failed(new GitHubException.Transient("unexpected error: " + e, e));
        }
    }

    /** Records the outcome, fires {@link WriteOutcome} in the same transaction; answers what the step did. */
    Step record(Claim claim, Outcome outcome) {
        WritePolicy pol = policy.get();
        String inst = installation.get();
        try {
            return QuarkusTransaction.requiringNew().call(() -> recordIn(claim, outcome, inst, clock.instant(), pol));
        } catch (RuntimeException listenerOrDatabase) {
            // a WriteOutcome observer threw (or the database did): the service rows and the queue row stay in step
            // by rolling both back; the write is retried, and the retry finds it on GitHub first
            LOG.errorf(listenerOrDatabase, "recording the outcome of GitHub write %s failed", claim.key());
            return QuarkusTransaction.requiringNew().call(() -> recordListenerFailure(claim, listenerOrDatabase,
                    inst, clock.instant(), pol));
        }
    }

    private Step recordIn(Claim claim, Outcome outcome, String inst, Instant now, WritePolicy pol) {
        GitHubPacingEntity pacing = lockPacing(inst, now);
        paceFromCompletion(pacing, now, pol);
        GitHubWriteEntity w = GitHubWriteEntity.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (w == null || w.state != State.RUNNING || w.attempts != claim.attempts()) {
            LOG.warnf("GitHub write %s: lease lost before its outcome was recorded (another worker took it over)",
                    claim.key());
            return new Ran(claim.id(), claim.key(), w == null ? State.FAILED : w.state);
        }
        w.leaseUntil = null;
        if (outcome instanceof Done done) {
            w.state = State.DONE;
            w.result = done.result().toString();
            w.lastError = null;
            w.finishedAt = now;
            pacing.throttleCount = 0;
            LOG.debugf("GitHub write %s done: %s", claim.key(), w.result);
            outcomes.fire(new WriteOutcome(w.id, w.idempotencyKey, claim.kind(), w.projectId, claim.payload(),
                    done.result(), true, null));
            return new Ran(w.id, w.idempotencyKey, w.state);
        }
        GitHubException failure = ((Failed) outcome).failure();
        if (failure instanceof GitHubException.RateLimited limited) {
            // GitHub refused before doing anything: this attempt does not count, and its content slot is given back
            w.attempts--;
            w.state = State.PENDING;
            pacing.throttledUntil = WritePacing.throttledUntil(limited.retryAt(), pacing.throttleCount, now, pol);
            pacing.throttleReason = clip(failure.getMessage(), 500);
            pacing.throttleCount++;
            w.notBefore = pacing.throttledUntil;
            w.lastError = clip(failure.getMessage(), MAX_ERROR);
            if (claim.ledgerId() != null) {
                GitHubContentWriteEntity.deleteById(claim.ledgerId());
            }
            LOG.warnf("GitHub write %s: %s; writes paused until %s", claim.key(), failure.getMessage(),
                    pacing.throttledUntil);
            return new Ran(w.id, w.idempotencyKey, w.state);
        }
        if (failure instanceof GitHubException.Transient && w.attempts < pol.maxAttempts()) {
            w.state = State.PENDING;
            w.notBefore = WritePacing.retryAt(w.attempts, now, pol);
            w.lastError = clip(failure.getMessage(), MAX_ERROR);
            LOG.infof("GitHub write %s: attempt %d failed (%s); retrying at %s", claim.key(), w.attempts,
                    failure.getMessage(), w.notBefore);
            return new Ran(w.id, w.idempotencyKey, w.state);
        }
        String reason = failure instanceof GitHubException.Transient
                ? "gave up after " + w.attempts + " attempts: " + failure.getMessage()
                : failure.getMessage();
        fail(w, reason, claim.payload(), now);
        return new Ran(w.id, w.idempotencyKey, w.state);
    }

    private Step recordListenerFailure(Claim claim, RuntimeException cause, String inst, Instant now,
            WritePolicy pol) {
        paceFromCompletion(lockPacing(inst, now), now, pol);
        GitHubWriteEntity w = GitHubWriteEntity.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (w == null || w.state != State.RUNNING || w.attempts != claim.attempts()) {
            return new Ran(claim.id(), claim.key(), w == null ? State.FAILED : w.state);
        }
        w.leaseUntil = null;
        w.lastError = clip("recording the outcome failed: " + cause, MAX_ERROR);
        if (w.attempts >= pol.maxAttempts()) {
            // no event: the listener is what keeps failing
            w.state = State.FAILED;
            w.finishedAt = now;
        } else {
            w.state = State.PENDING;
            w.notBefore = WritePacing.retryAt(w.attempts, now, pol);
        }
        return new Ran(w.id, w.idempotencyKey, w.state);
    }

    /**
     * The interval runs from the moment the previous write's answer came back: counted from its start, a write that
     * took most of the interval let the next one reach GitHub less than the interval after it (0.96 s for 1 s).
     */
    private static void paceFromCompletion(GitHubPacingEntity pacing, Instant completedAt, WritePolicy pol) {
        pacing.nextWriteAt = WritePacing.later(pacing.nextWriteAt, completedAt.plus(pol.writeInterval()));
    }

    private void fail(GitHubWriteEntity w, String reason, JsonNode payload, Instant now) {
        w.state = State.FAILED;
        w.leaseUntil = null;
        w.finishedAt = now;
        w.lastError = clip(reason, MAX_ERROR);
        LOG.warnf("GitHub write %s failed: %s", w.idempotencyKey, reason);
        outcomes.fire(new WriteOutcome(w.id, w.idempotencyKey, WriteKind.valueOf(w.kind), w.projectId, payload, null,
                false, w.lastError));
    }

    static GitHubPacingEntity lockPacing(String inst, Instant now) {
        GitHubPacingEntity pacing = GitHubPacingEntity.findById(inst, LockModeType.PESSIMISTIC_WRITE);
        if (pacing == null) {
            // two replicas may both find no row: the second insert waits for the first and does nothing
            GitHubPacingEntity.getEntityManager().createNativeQuery(
                    "insert into github_pacing (installation, next_write_at, throttle_count) values (?1, ?2, 0) "
                            + "on conflict do nothing")
                    .setParameter(1, inst).setParameter(2, now).executeUpdate();
            pacing = GitHubPacingEntity.findById(inst, LockModeType.PESSIMISTIC_WRITE);
        }
        return pacing;
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return GitHubHttp.json().createObjectNode();
        }
        try {
            return GitHubHttp.json().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
