package org.rnnexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The "JavaFX thread" of view-model tests: background work hands its results here, and the test applies them by
 * draining the queue, so every test runs without a toolkit and sees results in the order a window would.
 */
public final class QueueApplier implements Executor {
    /** A hang guard, not a timing goal: a condition that takes longer than this means a bug, even on a slow machine. */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(300);
    /** How often {@code done} is looked at again while nothing is handed over (it may follow a background thread). */
    private static final long RECHECK_MILLIS = 10;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /**
     * Applies what is handed over, as it comes, until {@code done} holds. It waits on the queue (what background
     * work hands over is applied at once) and looks at {@code done} again after each piece of work.
     */
    public void until(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + BOUND_NANOS;
        while (true) {
            Runnable r;
            while ((r = queue.poll()) != null) r.run();
            if (done.getAsBoolean()) return;
            if (System.nanoTime() > end) throw new AssertionError("the condition did not hold within the hang guard");
            r = queue.poll(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (r != null) r.run();
        }
    }
}
