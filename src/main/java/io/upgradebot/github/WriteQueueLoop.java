package io.upgradebot.github;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The background thread that drains the GitHub write queue: one {@link ClaimNextWrite#step()} after another, waiting (on
 * its own thread, never a caller's) until the next write may run, a {@link #wake()} or the poll interval.
 *
 * <p>Tests drive it by hand: {@link #pause()} (returns once no step is in flight), {@link #runOnce()},
 * {@link #usePolicy(WritePolicy)}, then {@link #resume()}.
 */
@Singleton
public class WriteQueueLoop {
    private static final Logger LOG = Logger.getLogger(WriteQueueLoop.class);

    @Inject
    UpgradeBotConfig config;

    @Inject
    GitHubGateway gateway;

    @Inject
    GitHubSetup setup;

    @Inject
    Clock clock;

    @Inject
    Event<WriteOutcome> outcomes;

    private final ReentrantLock stepLock = new ReentrantLock();
    private final Object signal = new Object();
    private volatile WritePolicy policy;
    private volatile boolean paused;
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private ClaimNextWrite runner;

    @PostConstruct
    void init() {
        policy = WritePolicy.from(config.github());
        runner = newRunner();
    }

    /** A runner on this process's gateway and database: what a fresh worker (another replica, a restart) runs. */
    public ClaimNextWrite newRunner() {
        return new ClaimNextWrite(gateway, clock, () -> policy, () -> setup.access().installationKey(), outcomes);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.github().workerEnabled()) {
            start();
        } else {
            LOG.info("GitHub write worker disabled (upgrade-bot.github.worker-enabled=false): writes stay queued");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "github-write-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread after its current write (a write cut short is retried, checked, by the next worker). */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t == null) {
            return;
        }
        wake();
        try {
            t.join(policy.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the thread now (new writes were committed). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops taking new writes; returns once the write in flight (if any) is recorded. */
    public void pause() {
        paused = true;
        stepLock.lock();
        stepLock.unlock();
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** One step on the caller's thread (tests, tools). Never sleeps. */
    public ClaimNextWrite.Step runOnce() {
        stepLock.lock();
        try {
            return runner.step();
        } finally {
            stepLock.unlock();
        }
    }

    public WritePolicy policy() {
        return policy;
    }

    /** Runs under other budgets or intervals until {@link #useConfiguredPolicy()} (tests, benchmarks). */
    public void usePolicy(WritePolicy newPolicy) {
        policy = newPolicy;
        wake();
    }

    public void useConfiguredPolicy() {
        usePolicy(WritePolicy.from(config.github()));
    }

    private void loop() {
        LOG.debug("GitHub write worker started");
        while (running) {
            Duration wait = policy.pollInterval();
            if (!paused && stepLock.tryLock()) {
                try {
                    if (!paused) {
                        wait = waitAfter(runner.step());
                    }
                } catch (RuntimeException e) {
                    // e.g. the database is briefly unreachable: the queue is in the database, try again later
                    LOG.errorf(e, "GitHub write worker step failed");
                } finally {
                    stepLock.unlock();
                }
            }
            await(wait);
        }
        LOG.debug("GitHub write worker stopped");
    }

    private Duration waitAfter(ClaimNextWrite.Step step) {
        Duration poll = policy.pollInterval();
        if (step instanceof ClaimNextWrite.Ran) {
            return Duration.ZERO;
        }
        if (step instanceof ClaimNextWrite.Waiting waiting) {
            Duration until = Duration.between(clock.instant(), waiting.until());
            if (until.isNegative()) {
                return Duration.ZERO;
            }
            // other replicas may finish writes this one waits for: look again at least every poll interval
            return until.compareTo(poll) < 0 ? until : poll;
        }
        return poll;
    }

    private void await(Duration wait) {
        if (wait.isZero() || !running) {
            return;
        }
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }
}
