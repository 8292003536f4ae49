package io.upgradebot.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (for work that happens after the ack), instead of sleeping a fixed time. */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(20);
    /**
     * Every {@link #await} deadline is stretched this many times. A deadline only bounds how long a failing test
     * takes to say so (a passing one returns as soon as the condition holds), and CI's machine may be slower and
     * busier than the one a test was written on.
     */
    private static final int PATIENCE = 4;

    private Eventually() {
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        timeout = timeout.multipliedBy(PATIENCE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** True as soon as the condition holds, false if it still does not after {@code timeout}. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return condition.getAsBoolean();
    }
}
