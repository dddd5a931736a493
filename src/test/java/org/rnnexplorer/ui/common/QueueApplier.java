package org.rnnexplorer.ui.common;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The "JavaFX thread" of view-model tests: background work hands its results here, and the test applies them by
 * draining the queue, so every test runs without a toolkit and sees results in the order a window would.
 */
public final class QueueApplier implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Applies what was handed over until {@code done} holds (at most 120 s). */
    public void until(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            Runnable r;
            while ((r = queue.poll()) != null) r.run();
            if (done.getAsBoolean()) return;
            Thread.sleep(2);
        }
        throw new AssertionError("timed out after 120 s");
    }
}
