package org.rnnexplorer.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The window's background threads: daemons (they never keep the app from exiting) one priority below normal (so
 * tracing, drawing and writing yield to the JavaFX thread where the system honours priorities), each with a name
 * that says what it does.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Makes daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** One such thread running jobs in the order they come. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** Starts {@code job} on a new such thread. */
    public static Thread start(String name, Runnable job) {
        Thread t = named(name).newThread(job);
        t.start();
        return t;
    }
}
