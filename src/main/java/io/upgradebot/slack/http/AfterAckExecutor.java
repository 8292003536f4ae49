package io.upgradebot.slack.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * {@link AfterAck} on a bounded thread pool. While a Slack request is being handled, tasks are only collected (a
 * {@link Batch} is open on the handling thread); the transport releases them once the ack is out: over HTTP when the
 * response has been written, in Socket Mode when the handler has returned. Outside a Slack request a task is queued
 * at once.
 *
 * <p>Each task runs with a CDI request context (so it may use request-scoped beans and Panache), and an exception
 * is logged, never rethrown: a slow or failing GitHub call cannot reach Slack's 3-second ack.
 */
@Singleton
public class AfterAckExecutor implements AfterAck {

    private static final Logger LOG = Logger.getLogger(AfterAckExecutor.class);

    /** The batch of the Slack request handled on this thread, if any. */
    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor executor;
    /** Tasks submitted and not yet finished, plus Slack requests whose tasks wait for their ack to be written. */
    private final AtomicInteger inFlight = new AtomicInteger();

    public AfterAckExecutor(UpgradeBotConfig config) {
        int threads = Math.max(1, config.slack().afterAckThreads());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.slack().afterAckQueueSize())),
                r -> {
                    Thread t = new Thread(r, "after-ack-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void run(Runnable task) {
        Batch batch = CURRENT.get();
        if (batch != null) {
            batch.tasks.add(task);
        } else {
            submit(task);
        }
    }

    /** True on a thread that is handling a Slack request before its ack: no sleeping, no slow calls here. */
    public static boolean onSlackRequestThread() {
        return CURRENT.get() != null;
    }

    /**
     * Starts collecting the tasks of the Slack request handled on this thread. The caller must {@link Batch#close()}
     * it on the same thread, then {@link Batch#release()} or {@link Batch#discard()} it.
     */
    public Batch open() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a Slack request is already being handled on this thread");
        }
        Batch batch = new Batch();
        inFlight.incrementAndGet();
        CURRENT.set(batch);
        return batch;
    }

    /**
     * Makes the current Slack request's work conditional: once the ack is out, {@code guard} runs first (on an
     * after-ack thread) and the request's tasks run only if it answers true, one after another on that thread. Answers false when no request is being
     * handled on this thread (the caller must then decide before the handler runs).
     */
    public static boolean guardCurrent(java.util.function.BooleanSupplier guard) {
        Batch batch = CURRENT.get();
        if (batch == null) {
            return false;
        }
        batch.guard = guard;
        return true;
    }

    /** Drops what the current Slack request scheduled so far (its handler failed: nothing half-done follows). */
    public static void discardCurrent() {
        Batch batch = CURRENT.get();
        if (batch != null) {
            batch.tasks.clear();
        }
    }

    private void submit(Runnable task) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    runGuarded(task);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            LOG.errorf(
                    "Work after a Slack ack was refused: %d tasks are already waiting (upgrade-bot.slack.after-ack-queue-size)",
                    executor.getQueue().size());
        }
    }

    private static void runGuarded(Runnable task) {
        ManagedContext requestContext = Arc.container() == null ? null : Arc.container().requestContext();
        boolean activated = false;
        try {
            if (requestContext != null && !requestContext.isActive()) {
                requestContext.activate();
                activated = true;
            }
            task.run();
        } catch (Throwable t) {
            LOG.error("Work scheduled after a Slack ack failed", t);
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /**
     * Tasks waiting or running, counting each Slack request being handled or waiting for its ack to be written as one:
     * 0 only once everything a request scheduled has run. For tests and metrics.
     */
    public int inFlight() {
        return inFlight.get();
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warnf("Stopping with %d tasks after a Slack ack unfinished", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tasks one Slack request scheduled. */
    public final class Batch implements AutoCloseable {
        private final List<Runnable> tasks = new ArrayList<>();
        private java.util.function.BooleanSupplier guard;
        private boolean done;

        /** Stops collecting on this thread (the handler has returned). */
        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }

        /** Queues the collected tasks: call once the ack is out. */
        public synchronized void release() {
            if (done) {
                return;
            }
            done = true;
            try {
                submitTasks();
            } finally {
                // after the tasks are counted, so that inFlight() does not pass through 0 in between
                inFlight.decrementAndGet();
            }
        }

        private void submitTasks() {
            if (tasks.isEmpty()) {
                return;
            }
            if (guard == null) {
                tasks.forEach(AfterAckExecutor.this::submit);
                return;
            }
            // one queued task: the guard, then the request's tasks in order on the same thread (nothing to refuse
            // between a successful claim and the work it claimed)
            java.util.function.BooleanSupplier condition = guard;
            List<Runnable> work = List.copyOf(tasks);
            submit(() -> {
                if (!condition.getAsBoolean()) {
                    return;
                }
                for (Runnable task : work) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.error("Work scheduled after a Slack ack failed", e);
                    }
                }
            });
        }

        public synchronized void discard() {
            tasks.clear();
            if (!done) {
                done = true;
                inFlight.decrementAndGet();
            }
        }
    }
}
