package org.rnnexplorer.ui.safety;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.rnnexplorer.ui.common.DialogService;

/**
 * What happens to an exception nobody caught, on any thread: it goes to the {@link CrashLog}, and the user is told
 * in one line (what failed, on which thread, which file has the details), with the stack trace to expand. A burst of
 * errors (a broken repaint fails at every frame) is one dialog, not a storm: while a message is open, and for
 * {@link #QUIET_NANOS} after it is dismissed, further errors are only logged and counted, and the next message says
 * how many there were.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    public static final String HEADER = "Something went wrong";
    /** After a message is dismissed, errors within this time are only logged (10 s). */
    public static final long QUIET_NANOS = 10_000_000_000L;
    private final CrashLog log;
    private final DialogService dialogs;
    private final Executor ui;
    private final LongSupplier nanoClock;
    private boolean open;
    private long closedAt;
    private boolean everClosed;
    private int unshown;

    /**
     * @param ui        where the dialog is shown (the JavaFX thread)
     * @param nanoClock the time in nanoseconds ({@code System::nanoTime}; tests step a clock of their own)
     */
    public CrashReporter(CrashLog log, DialogService dialogs, Executor ui, LongSupplier nanoClock) {
        this.log = log;
        this.dialogs = dialogs;
        this.ui = ui;
        this.nanoClock = nanoClock;
    }

    /** Reports uncaught exceptions of every thread, the JavaFX thread among them (run {@code ui} on it). */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        ui.execute(() -> Thread.currentThread().setUncaughtExceptionHandler(this));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        report(t.getName(), e);
    }

    /** Logs {@code e}, thrown on thread {@code thread}, and tells the user unless a burst is under way. */
    public void report(String thread, Throwable e) {
        boolean logged = log.append(Instant.now(), thread, e);
        int before;
        synchronized (this) {
            if (open || (everClosed && nanoClock.getAsLong() - closedAt < QUIET_NANOS)) {
                unshown++;
                return;
            }
            open = true;
            before = unshown;
            unshown = 0;
        }
        String line = message(thread, e, logged ? log.file().toString() : null, before);
        String details = stackTrace(e);
        ui.execute(() -> dialogs.showError(HEADER, line, details, this::closed));
    }

    private synchronized void closed() {
        open = false;
        everClosed = true;
        closedAt = nanoClock.getAsLong();
    }

    /** Errors logged and not yet told (they are counted in the next message). */
    public synchronized int unshown() {
        return unshown;
    }

    /**
     * "NullPointerException on thread training: Cannot read … Details are in /home/u/.local/state/rnn-explorer/
     * rnn-explorer.log (and 3 more errors since the last message)." One line, whatever the exception's message.
     */
    static String message(String thread, Throwable e, String logFile, int before) {
        String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        if (m.length() > 200) m = m.substring(0, 199) + "…";
        String what = e.getClass().getSimpleName() + " on thread " + thread + (m.isEmpty() ? "." : ": " + m
                + (m.endsWith(".") ? "" : "."));
        String where = logFile != null ? " The details are in " + logFile : " The log could not be written; the details"
                + " are below";
        String more = before == 0 ? "" : " (with " + before + " more error" + (before == 1 ? "" : "s")
                + " since the last message)";
        return what + where + more + ".";
    }

    static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
