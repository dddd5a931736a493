package org.rnnexplorer.ui.safety;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rnnexplorer.ui.common.DaemonThreads;

/** Runs a job at a fixed period until stopped: a daemon timer in the app, a hand-turned one in tests. */
@FunctionalInterface
public interface Ticker {

    /** Starts running {@code tick} every {@code period}; the result stops it. */
    Runnable every(Duration period, Runnable tick);

    /** A timer on a daemon thread called {@code name}. */
    static Ticker daemon(String name) {
        return (period, tick) -> {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
            long nanos = period.toNanos();
            timer.scheduleAtFixedRate(tick, nanos, nanos, TimeUnit.NANOSECONDS);
            return timer::shutdownNow;
        };
    }
}
