package io.upgradebot.slack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.support.Eventually;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AfterAckExecutor#inFlight()} counts a Slack request from the moment it is handled until what it scheduled has
 * run: a caller who has the ack in hand never sees 0 while the request's work is still to come (the HTTP transport
 * releases the work only once the answer has been written, after the caller may already have read it).
 */
class AfterAckExecutorTest {

    private final AfterAckExecutor executor = new AfterAckExecutor(config(1, 10));

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void aRequestsWorkIsInFlightFromItsHandlingUntilItHasRun() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        AfterAckExecutor.Batch batch = executor.open();
        executor.run(() -> {
            await(go);
            ran.set(true);
        });
        batch.close();
        assertEquals(1, executor.inFlight(), "the answer is not written yet: the work is still to come");

        batch.release();
        assertEquals(1, executor.inFlight(), "released: queued or running");
        go.countDown();
        Eventually.await(Duration.ofSeconds(10), "the task to finish", () -> executor.inFlight() == 0);
        assertTrue(ran.get());

        batch.release();
        batch.discard();
        assertEquals(0, executor.inFlight(), "a second release or a late discard counts nothing twice");
    }

    @Test
    void aDiscardedRequestIsNoLongerInFlightAndItsWorkNeverRuns() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        AfterAckExecutor.Batch batch = executor.open();
        executor.run(() -> ran.set(true));
        batch.close();
        batch.discard();
        assertEquals(0, executor.inFlight());
        batch.release();
        // a task submitted afterwards runs: had the discarded one been queued, it would have run first
        CountDownLatch after = new CountDownLatch(1);
        executor.run(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertFalse(ran.get());
    }

    @Test
    void aRequestThatScheduledNothingIsNotInFlightOnceReleased() {
        AfterAckExecutor.Batch batch = executor.open();
        batch.close();
        assertEquals(1, executor.inFlight(), "being handled");
        batch.release();
        assertEquals(0, executor.inFlight());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static UpgradeBotConfig config(int threads, int queue) {
        Object slack = Proxy.newProxyInstance(AfterAckExecutorTest.class.getClassLoader(),
                new Class<?>[]{UpgradeBotConfig.Slack.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "afterAckThreads" -> threads;
                    case "afterAckQueueSize" -> queue;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (UpgradeBotConfig) Proxy.newProxyInstance(AfterAckExecutorTest.class.getClassLoader(),
                new Class<?>[]{UpgradeBotConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("slack")) {
                        return slack;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
