package org.rnnexplorer.ui.safety;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;

/**
 * What keeps a window's work safe, started with it: uncaught exceptions are logged and told ({@link CrashReporter}),
 * the unsaved work goes to the recovery file every {@link RecoveryScheduler#PERIOD}, and the work a previous run
 * left is offered ({@link RecoveryOffer}). {@link #close} is the clean exit, which removes the recovery file.
 */
public final class WindowSafety implements AutoCloseable {
    private final RecoveryScheduler scheduler;

    private WindowSafety(RecoveryScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Logs every uncaught exception in {@code folder} and tells the user through {@code dialogs} on {@code ui}. */
    public static CrashReporter reportCrashes(java.nio.file.Path folder, DialogService dialogs, Executor ui) {
        CrashReporter r = new CrashReporter(new CrashLog(folder, CrashLog.DEFAULT_MAX_BYTES), dialogs, ui, System::nanoTime);
        r.install();
        return r;
    }

    /**
     * Saves {@code store}'s parts every {@code period} on {@code ticker} and offers what a previous run left
     * (the window: {@link Ticker#daemon}, {@link RecoveryScheduler#PERIOD}).
     */
    public static WindowSafety keepRecovery(RecoveryStore store, DialogService dialogs, Executor ui, Ticker ticker,
                                            Duration period) {
        return keepRecovery(store, dialogs, ui, ticker, period, new RecoveryScheduler(store, ui));
    }

    static WindowSafety keepRecovery(RecoveryStore store, DialogService dialogs, Executor ui, Ticker ticker,
                                     Duration period, RecoveryScheduler scheduler) {
        scheduler.start(ticker, period);
        new RecoveryOffer(store, dialogs, ui, job -> DaemonThreads.start("recovery-offer", job), scheduler::saveNow)
                .offer();
        return new WindowSafety(scheduler);
    }

    /** Saves the work as soon as any of {@code unsaved} turns false (work just saved leaves the file at once). */
    public void saveWhenCleared(javafx.beans.value.ObservableBooleanValue... unsaved) {
        for (javafx.beans.value.ObservableBooleanValue u : unsaved)
            u.addListener((o, was, now) -> {
                if (!now) saveNow();
            });
    }

    /** Saves the work now (from any thread). */
    public void saveNow() {
        scheduler.saveNow();
    }

    /** The clean exit: no more saves, and the recovery file is removed. */
    @Override
    public void close() {
        scheduler.close();
    }
}
