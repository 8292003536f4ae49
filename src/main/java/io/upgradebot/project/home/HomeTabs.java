package io.upgradebot.project.home;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.upgradebot.config.HomeConfig;
import io.upgradebot.store.HomeTabViewerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Keeps the Home tabs current, and no more than that. Slack rate-limits {@code views.publish} (Tier 4, and per
 * user), so:
 * <ul>
 * <li>only people who have opened the tab get one (a row in {@code home_tab_viewer}, shared by the replicas);</li>
 * <li>one person gets at most one publish per {@code upgrade-bot.home.publish-interval}: changes inside the window
 * only mark the tab as owed ({@code changed_at}), and one publish at the window's end shows them all;</li>
 * <li>a view identical to the last one published (same fingerprint) is not sent.</li>
 * </ul>
 * {@link #changed()} is cheap and may be called after anything that could change what a tab shows (it is called
 * wherever a project's status message is refreshed: a choice, an issue closed, a write done, a project created).
 * Times come from the injected Clock; tests drive {@link #flush()} directly.
 */
@ApplicationScoped
public class HomeTabs {

    private static final Logger LOG = Logger.getLogger(HomeTabs.class);
    /** Changes reported within this are marked on the tabs together. */
    static final Duration MARK_DELAY = Duration.ofSeconds(1);

    /** What one flush did. {@code waiting}: tabs owed a publish whose person's window is still open. */
    public record Flush(int published, int unchanged, int waiting) {
    }

    /** What publishing one tab did. */
    public enum Outcome {
        PUBLISHED, UNCHANGED, DEFERRED, FAILED
    }

    private final ShowHomeTab show;
    private final HomeTabPublisher publisher;
    private final HomeConfig config;
    private final Clock clock;
    private final Object[] locks = new Object[64];
    private final AtomicBoolean marking = new AtomicBoolean();
    private final AtomicReference<Instant> flushAt = new AtomicReference<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "home-tabs");
        t.setDaemon(true);
        return t;
    });

    public HomeTabs(ShowHomeTab show, HomeTabPublisher publisher, HomeConfig config, Clock clock) {
        this.show = show;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        executor.shutdownNow();
    }

    /** The person opened their Home tab (after the ack): remembered, and published unless their window is open. */
    public Outcome opened(String userId) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            HomeTabViewerEntity v = HomeTabViewerEntity.findById(userId);
            if (v == null) {
                v = new HomeTabViewerEntity();
                v.userId = userId;
                v.openedAt = now;
                v.persist();
            } else {
                v.openedAt = now;
            }
        });
        return publishOrDefer(userId);
    }

    /** Shows another page of the person's pending repositories (previous / next on the tab). */
    public Outcome showPage(String userId, int page) {
        boolean known = QuarkusTransaction.requiringNew().call(() -> {
            HomeTabViewerEntity v = HomeTabViewerEntity.findById(userId);
            if (v == null) {
                return false;
            }
            v.page = Math.max(0, page);
            return true;
        });
        return known ? publishOrDefer(userId) : opened(userId);
    }

    /** Something a Home tab may show has changed: every remembered tab is owed a publish (coalesced, throttled). */
    public void changed() {
        if (!marking.compareAndSet(false, true)) {
            return; // a marking is queued and will see this change too
        }
        try {
            // a burst of changes (a 500-repository fan-out reports every write) is one marking a second, not one each
            executor.schedule(() -> {
                marking.set(false);
                try {
                    Instant now = clock.instant();
                    QuarkusTransaction.requiringNew().run(() -> HomeTabViewerEntity
                            .update("changedAt = ?1 where changedAt is null", now));
                    flush();
                } catch (RuntimeException e) {
                    LOG.warnf("Home tabs not refreshed: %s", e.toString());
                }
            }, MARK_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            marking.set(false); // shutting down
        }
    }

    /** Publishes every owed tab whose person's window has closed; schedules itself for the others. */
    public Flush flush() {
        Instant now = clock.instant();
        Duration interval = config.publishInterval();
        List<HomeTabViewerEntity> owed = QuarkusTransaction.requiringNew()
                .call(() -> HomeTabViewerEntity.<HomeTabViewerEntity>list("changedAt is not null"));
        int published = 0;
        int unchanged = 0;
        int waiting = 0;
        Instant earliest = null;
        for (HomeTabViewerEntity v : owed) {
            Instant due = v.publishedAt == null ? now : v.publishedAt.plus(interval);
            if (due.isAfter(now)) {
                waiting++;
                earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
                continue;
            }
            Outcome o = claimAndPublish(v.userId, v.changedAt);
            if (o == Outcome.PUBLISHED) {
                published++;
            } else if (o == Outcome.UNCHANGED) {
                unchanged++;
            }
        }
        if (earliest != null) {
            scheduleFlush(earliest);
        }
        return new Flush(published, unchanged, waiting);
    }

    private Outcome publishOrDefer(String userId) {
        Instant now = clock.instant();
        HomeTabViewerEntity v = QuarkusTransaction.requiringNew()
                .call(() -> HomeTabViewerEntity.<HomeTabViewerEntity>findById(userId));
        if (v == null) {
            return Outcome.FAILED;
        }
        if (v.publishedAt != null && v.publishedAt.plus(config.publishInterval()).isAfter(now)) {
            QuarkusTransaction.requiringNew().run(() -> HomeTabViewerEntity
                    .update("changedAt = ?1 where userId = ?2 and changedAt is null", now, userId));
            scheduleFlush(v.publishedAt.plus(config.publishInterval()));
            return Outcome.DEFERRED;
        }
        return publish(userId);
    }

    /** Takes the owed publish (one replica wins the conditional update), then publishes. */
    private Outcome claimAndPublish(String userId, Instant changedAt) {
        int claimed = QuarkusTransaction.requiringNew().call(() -> HomeTabViewerEntity
                .update("changedAt = null where userId = ?1 and changedAt = ?2", userId, changedAt));
        return claimed == 1 ? publish(userId) : Outcome.DEFERRED;
    }

    private Outcome publish(String userId) {
        synchronized (locks[Math.floorMod(userId.hashCode(), locks.length)]) {
            HomeTabViewerEntity v = QuarkusTransaction.requiringNew()
                    .call(() -> HomeTabViewerEntity.<HomeTabViewerEntity>findById(userId));
            if (v == null) {
                return Outcome.FAILED;
            }
            HomeTab tab = show.forUser(userId, v.page);
            String hash = publisher.fingerprint(tab);
            if (hash.equals(v.lastHash)) {
                return Outcome.UNCHANGED;
            }
            Instant at = clock.instant(); // the window starts with the attempt
            try {
                publisher.publish(userId, tab);
            } catch (RuntimeException e) {
                LOG.warnf("Home tab of %s not published: %s", userId, e.getMessage());
                return Outcome.FAILED;
            }
            QuarkusTransaction.requiringNew().run(() -> HomeTabViewerEntity
                    .update("lastHash = ?1, publishedAt = ?2, page = ?3 where userId = ?4", hash, at, tab.page(),
                            userId));
            return Outcome.PUBLISHED;
        }
    }

    /** One pending flush at the earliest time asked for (a later request is covered by the flush rescheduling). */
    private void scheduleFlush(Instant at) {
        Instant current = flushAt.get();
        if (current != null && !current.isAfter(at)) {
            return;
        }
        if (!flushAt.compareAndSet(current, at)) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            executor.schedule(() -> {
                flushAt.compareAndSet(at, null);
                try {
                    flush();
                } catch (RuntimeException e) {
                    LOG.warnf("Home tabs not refreshed: %s", e.toString());
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            flushAt.compareAndSet(at, null);
        }
    }
}
