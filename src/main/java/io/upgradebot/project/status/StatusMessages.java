package io.upgradebot.project.status;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.CloseReason;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.github.WriteQueueState;
import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.checklist.BoardViewLinks;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.FinishProjectCreation;
import io.upgradebot.project.creation.SuggestCompletionDate;
import io.upgradebot.project.home.HomeTabs;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one status message per project, edited in place (progress while the project is created;
 * counts per Owner Does level and the repositories still TBD afterwards).
 *
 * <p>How to use it from other services:
 * <ul>
 *   <li>{@link #refresh(long)} after anything that changes what the message shows (a choice, a closed issue, a
 *       write done). It returns at once; edits are coalesced and at least {@code upgrade-bot.projects.progress-interval}
 *       apart (chat.update is rate limited, and a 500-repository fan-out must not make 3 500 edits), and the last
 *       one always shows the latest state.</li>
 *   <li>{@link #refreshNow(long)} when the message must exist before you go on (it posts it if missing).</li>
 *   <li>{@link #postScopeChange} for details of a scope change: in the status message's thread, not as new
 *       channel posts.</li>
 * </ul>
 * While a project is CREATING the message refreshes itself every interval even without events (so "resuming at
 * 14:02" and a restart after a crash show up); each refresh asks {@link FinishProjectCreation} whether the writes
 * have settled, which ends the creation.
 */
@ApplicationScoped
public class StatusMessages {

    private static final Logger LOG = Logger.getLogger(StatusMessages.class);

    private final ProjectNotifier notifier;
    private final WriteQueue queue;
    private final UpgradeBotConfig config;
    private final Instance<OwnerDoesLevels> configuredLevels;
    private final SuggestCompletionDate dates;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-messages");
        t.setDaemon(true);
        return t;
    });
    /** Field-injected so the constructor other features call stays as it is. */
    @Inject
    GitHubSecrets gitHubSecrets;
    @Inject
    FinishProjectCreation finishing;
    /** What a status message shows, Home tabs show too: they are refreshed on the same occasions. */
    @Inject
    HomeTabs homeTabs;
    @Inject
    BoardViewLinks boardViews;
    /** Projects with an edit scheduled (coalescing). */
    private final Map<Long, Boolean> scheduled = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastEdit = new ConcurrentHashMap<>();
    /** Edits under way on the executor (counted before their project leaves {@link #scheduled}). */
    private final AtomicInteger running = new AtomicInteger();
    private final Clock clock;

    public StatusMessages(ProjectNotifier notifier, WriteQueue queue, UpgradeBotConfig config,
            Instance<OwnerDoesLevels> configuredLevels, SuggestCompletionDate dates, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
        this.queue = queue;
        this.config = config;
        this.configuredLevels = configuredLevels;
        this.dates = dates;
    }

    void onStart(@Observes StartupEvent ev) {
        // a restart mid fan-out: the queue resumes its writes, and the progress message must resume with it; looked
        // up on this class's own thread, so that readiness does not wait for the first query
        executor.execute(() -> {
            try {
                List<Long> creating = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity
                        .<UpgradeProjectEntity>list("state", ProjectState.CREATING).stream().map(p -> p.id).toList());
                creating.forEach(this::refresh);
            } catch (RuntimeException e) {
                LOG.warnf("Progress messages of projects still being created not resumed: %s", e.toString());
            }
        });
    }

    void onStop(@Observes ShutdownEvent ev) {
        executor.shutdownNow();
    }

    /** Status message edits scheduled or under way; for tests, like the other executors' {@code inFlight()}. */
    public int inFlight() {
        return scheduled.size() + running.get();
    }

    /** Edit the status message soon (coalesced, throttled, asynchronous). */
    public void refresh(long projectId) {
        homeTabs.changed();
        if (scheduled.putIfAbsent(projectId, Boolean.TRUE) != null) {
            return;
        }
        Instant last = lastEdit.get(projectId);
        long interval = config.projects().progressInterval().toMillis();
        // never more than one interval: a last edit "in the future" means the clock moved back, not a reason to wait
        long delay = last == null
                ? 0
                : Math.min(interval, Math.max(0, Duration.between(clock.instant(), last).toMillis() + interval));
        schedule(projectId, delay);
    }

    private void schedule(long projectId, long delayMillis) {
        try {
            executor.schedule(() -> {
                running.incrementAndGet();
                // the edit's time is taken before the slot is freed: a refresh arriving in between must count its
                // delay from this edit, or two edits would go out back to back
                lastEdit.put(projectId, clock.instant());
                scheduled.remove(projectId);
                try {
                    refreshNow(projectId);
                } catch (RuntimeException e) {
                    LOG.warnf("status message of project %d not updated: %s", projectId, e.getMessage());
                } finally {
                    running.decrementAndGet();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            scheduled.remove(projectId); // shutting down
        }
    }

    /**
     * Posts or edits the status message now, on the calling thread; finishes the project when its writes are done
     * (whether or not Slack can be reached: the project's state never waits on a message). Answers the message ts,
     * or empty when the project does not exist or Slack refused the message (logged; the next refresh tries again).
     */
    public synchronized Optional<String> refreshNow(long projectId) {
        homeTabs.changed();
        Optional<ProjectStatus> found = QuarkusTransaction.requiringNew().call(() -> snapshotInTx(projectId));
        // a preview's message is its preview (with the Create it button) until it is created
        if (found.isEmpty() || found.get().channelId() == null || found.get().state() == ProjectState.PREVIEW) {
            return Optional.empty();
        }
        ProjectStatus status = found.get();
        boolean won = finishing.finishIfSettled(status);
        if (won) {
            status = QuarkusTransaction.requiringNew().call(() -> snapshotInTx(projectId)).orElse(status);
        }
        String ts = null;
        try {
            ts = postOrUpdate(projectId, status);
            if (won) {
                finishing.summarise(status, ts);
            }
        } catch (ProjectNotifier.NotifyException e) {
            LOG.warnf("status message of project %d not shown in %s: %s", projectId, status.channelId(), e.error());
        }
        if (status.creating() && scheduled.putIfAbsent(projectId, Boolean.TRUE) == null) {
            // keep the progress moving even when no write finishes (throttled, or resumed after a restart)
            schedule(projectId, config.projects().progressInterval().toMillis());
        }
        return Optional.ofNullable(ts);
    }

    private String postOrUpdate(long projectId, ProjectStatus status) {
        String[] where = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            return new String[]{p.statusChannelId, p.statusMessageTs};
        });
        lastEdit.put(projectId, clock.instant());
        if (where[1] != null && where[0] != null) {
            if (notifier.updateStatus(where[0], where[1], status)) {
                return where[1];
            }
        }
        String ts = notifier.postStatus(status.channelId(), status);
        QuarkusTransaction.requiringNew().run(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            p.statusChannelId = status.channelId();
            p.statusMessageTs = ts;
        });
        return ts;
    }

    /** A reply in the project's status thread (or in its channel while it has no status message yet). */
    public void postScopeChange(long projectId, ChangeProjectScope.ScopeChange change) {
        statusThread(projectId).ifPresent(where -> notifier.postScopeChange(where[0], where[1], change));
    }

    /** Checklist lines a write could not find, told in the status thread (once per line: the caller keeps track). */
    public void postChecklistLinesNotFound(long projectId,
            List<io.upgradebot.project.checklist.ChecklistWriteOutcomes.LineNotFound> lines) {
        statusThread(projectId).ifPresent(where -> notifier.postChecklistLinesNotFound(where[0], where[1], lines));
    }

    /** {channel, thread ts}: the status message's thread, or its channel (ts null) while it has no status message. */
    private Optional<String[]> statusThread(long projectId) {
        String[] where = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            return p == null
                    ? null
                    : new String[]{
                            p.statusChannelId != null ? p.statusChannelId : p.channelId, p.statusMessageTs};
        });
        return where != null && where[0] != null ? Optional.of(where) : Optional.empty();
    }

    /** The project as its status message shows it. */
    public Optional<ProjectStatus> snapshot(long projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> snapshotInTx(projectId));
    }

    private Optional<ProjectStatus> snapshotInTx(long projectId) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null) {
            return Optional.empty();
        }
        List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(projectId);
        OwnerDoesLevels levels = levels();
        Map<String, Integer> counts = new LinkedHashMap<>();
        levels.levels().forEach(l -> counts.put(l.key(), 0));
        int created = 0;
        int open = 0;
        int closed = 0;
        Map<String, Integer> undone = new LinkedHashMap<>();
        Map<String, Integer> boardStatuses = new LinkedHashMap<>();
        boolean boardStatusEdited = false;
        List<ProjectStatus.RepoLine> tbd = new ArrayList<>();
        for (ProjectRepoEntity r : repos) {
            if (r.boardItemId != null) {
                // an item whose Status no person changed has the one the bot gave it
                boardStatusEdited |= r.boardStatus != null;
                boardStatuses.merge(r.boardStatus != null ? r.boardStatus : config.board().statusTodo(), 1,
                        Integer::sum);
            }
            if (r.issueNumber != null) {
                created++;
                if (r.issueState == RepoIssueState.CLOSED) {
                    closed++;
                    if (r.issueCloseReason != null && r.issueCloseReason != CloseReason.COMPLETED) {
                        undone.merge(r.issueCloseReason.words(), 1, Integer::sum);
                    }
                } else {
                    open++;
                }
            }
            String level = levels.byKey(r.ownerDoes).map(OwnerDoesLevel::key).orElse(levels.tbd().key());
            counts.merge(level, 1, Integer::sum);
            if (levels.tbd().key().equals(level)) {
                tbd.add(new ProjectStatus.RepoLine(r.repo, r.issueUrl, r.ownerTeam));
            }
        }
        List<ProjectStatus.LevelCount> levelCounts = new ArrayList<>();
        for (OwnerDoesLevel l : levels.levels()) {
            levelCounts.add(new ProjectStatus.LevelCount(l.key(), l.label(), counts.getOrDefault(l.key(), 0)));
        }
        WriteQueueState q = p.state == ProjectState.PREVIEW ? null : queue.state(projectId);
        ProjectStatus.Progress progress = null;
        List<ProjectStatus.Failure> failures = new ArrayList<>();
        if (q != null) {
            for (WriteQueueState.Failure f : q.failures()) {
                failures.add(new ProjectStatus.Failure(ProjectWriteKeys.describe(f.key()), f.error()));
            }
            if (p.state == ProjectState.CREATING) {
                progress = new ProjectStatus.Progress(created, repos.size(), q.done(), q.total(), q.failed(),
                        q.throttledUntil().orElse(null), q.throttleReason().orElse(null));
            }
        }
        String overlap = p.state == ProjectState.CLOSED
                ? null
                : dates.overlapWarning(p.releaseName, p.id).orElse(null);
        return Optional.of(new ProjectStatus(p.id, p.slug, p.name, p.state, p.roadmapRepo, p.roadmapIssueNumber,
                p.roadmapIssueUrl, p.releaseName, p.completionDate, p.completionReason, p.orchestrationTeam, p.docsUrl,
                p.channelId, p.createdBy, p.createdAt, repos.size(), created, open, closed, levelCounts, tbd, progress,
                failures, overlap, boardViews.of(p.name).orElseGet(this::boardUrl), counts(undone),
                boardStatusEdited ? counts(boardStatuses) : List.of()));
    }

    private static List<ProjectStatus.Count> counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new ProjectStatus.Count(e.getKey(), e.getValue())).toList();
    }

    private OwnerDoesLevels levels() {
        return configuredLevels.isResolvable() ? configuredLevels.get() : OwnerDoesLevels.defaults();
    }

    private String boardUrl() {
        var board = config.board();
        if (board.org().isEmpty() || board.number().isEmpty()) {
            return null;
        }
        return gitHubSecrets.webUrl() + "/orgs/" + board.org().get() + "/projects/" + board.number().getAsInt();
    }
}
