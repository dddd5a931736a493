package org.rnnexplorer.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;

/** Uncaught exceptions: logged in full, told in one line, one dialog per burst; the log rotates at its limit. */
class CrashReporterTest {
    @TempDir
    Path dir;
    final AtomicLong nanos = new AtomicLong(1_000);
    final Dialogs dialogs = new Dialogs();

    /** Records every error dialog and keeps it open until the test closes it. */
    static final class Dialogs implements DialogService {
        final List<String> shown = new CopyOnWriteArrayList<>();
        final List<String> details = new CopyOnWriteArrayList<>();
        final List<Runnable> open = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public void showError(String header, String message, String detail, Runnable closed) {
            shown.add(header + ": " + message);
            details.add(detail);
            open.add(closed);
            first.countDown();
        }

        void closeAll() {
            List<Runnable> all = new ArrayList<>(open);
            open.clear();
            all.forEach(Runnable::run);
        }

        @Override public Path chooseFileToOpen(String title, List<FileType> types) { return null; }
        @Override public Path chooseFileToSave(String title, String suggested, String extension) { return null; }
        @Override public void showError(String header, String message) { shown.add(header + ": " + message); }
        @Override public void showInformation(String title, String header, String text) { }
        @Override public <T> void ask(String header, String question, List<Choice<T>> choices, java.util.function.Consumer<T> answer) { }
        @Override public <T> void choose(String header, String question, List<Choice<T>> options, java.util.function.Consumer<T> answer) { }
    }

    CrashReporter reporter(long maxBytes) {
        return new CrashReporter(new CrashLog(dir, maxBytes), dialogs, Runnable::run, nanos::get);
    }

    static IllegalStateException error(String message) {
        return new IllegalStateException(message);
    }

    @Test
    void aBurstOfErrorsIsOneDialogAndTheNextMessageCountsTheRest() throws Exception {
        CrashReporter r = reporter(CrashLog.DEFAULT_MAX_BYTES);
        for (int i = 0; i < 50; i++) r.report("JavaFX Application Thread", error("repaint " + i + " failed"));
        assertEquals(1, dialogs.shown.size(), "one dialog for the burst: " + dialogs.shown);
        Path log = dir.resolve(CrashLog.NAME);
        assertEquals("Something went wrong: IllegalStateException on thread JavaFX Application Thread: repaint 0 failed."
                + " The details are in " + log + ".", dialogs.shown.get(0));
        assertTrue(dialogs.details.get(0).startsWith("java.lang.IllegalStateException: repaint 0 failed\n\tat "),
                dialogs.details.get(0));
        assertEquals(49, r.unshown());

        dialogs.closeAll();
        nanos.addAndGet(CrashReporter.QUIET_NANOS - 1);
        r.report("training", error("still failing"));
        assertEquals(1, dialogs.shown.size(), "within the quiet time after closing: only logged");

        nanos.addAndGet(1);
        r.report("training", error("later"));
        assertEquals(2, dialogs.shown.size());
        assertTrue(dialogs.shown.get(1).endsWith("(with 50 more errors since the last message)."), dialogs.shown.get(1));
        String text = Files.readString(log);
        assertEquals(52, text.split("uncaught on thread ", -1).length - 1, "every error is in the log");
        assertTrue(text.contains("uncaught on thread training:\njava.lang.IllegalStateException: still failing\n\tat "));
    }

    @Test
    void theMessageIsOneLineWhateverTheException() {
        CrashReporter r = reporter(CrashLog.DEFAULT_MAX_BYTES);
        r.report("worker", new RuntimeException("first line\nsecond line\r\n\tthird"));
        String m = dialogs.shown.get(0);
        assertFalse(m.contains("\n") || m.contains("\r") || m.contains("\t"), m);
        assertTrue(m.contains("RuntimeException on thread worker: first line second line third."), m);
    }

    @Test
    void theLogIsRotatedAtItsLimitAndKeepsTheOneBefore() throws Exception {
        CrashLog log = new CrashLog(dir, 4_000);
        for (int i = 0; i < 200; i++) {
            IllegalStateException e = error("entry " + i);
            e.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "c", "B.java", 1)});
            assertTrue(log.append(Instant.EPOCH, "t", e));
        }
        long size = Files.size(log.file());
        assertTrue(size <= 4_000, "the log stays within its limit: " + size);
        assertTrue(Files.size(log.previous()) <= 4_000);
        String now = Files.readString(log.file()), before = Files.readString(log.previous());
        assertTrue(now.contains("entry 199\n"), "the newest entry is in the log");
        assertFalse(now.contains("entry 0\n") || before.contains("entry 0\n"), "the oldest went with an earlier rotation");
        int last = Integer.parseInt(before.substring(before.lastIndexOf("entry ") + 6, before.indexOf('\n',
                before.lastIndexOf("entry "))));
        int first = Integer.parseInt(now.substring(now.indexOf("entry ") + 6, now.indexOf('\n', now.indexOf("entry "))));
        assertEquals(last + 1, first, "no entry lost between the two files");
    }

    @Test
    void anEntryLongerThanAQuarterOfTheLimitIsCut() throws Exception {
        CrashLog log = new CrashLog(dir, 4_000);
        StackOverflowError deep = new StackOverflowError();
        StackTraceElement[] frames = new StackTraceElement[1000];
        java.util.Arrays.fill(frames, new StackTraceElement("a.Recursive", "call", "Recursive.java", 7));
        deep.setStackTrace(frames);
        assertTrue(log.append(Instant.EPOCH, "main", deep));
        String text = Files.readString(log.file());
        assertTrue(text.length() < 1_100 && text.endsWith("\t... (cut)\n\n"), text.length() + ": " + text);
    }

    @Test
    void aLogThatCannotBeWrittenIsSaidInTheMessage() throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file where the folder should be");
        CrashReporter r = new CrashReporter(new CrashLog(dir.resolve("blocked"), 1000), dialogs, Runnable::run,
                nanos::get);
        r.report("main", error("boom"));
        assertTrue(dialogs.shown.get(0).endsWith("boom. The log could not be written; the details are below."),
                dialogs.shown.get(0));
    }

    @Test
    void installedItReportsTheUncaughtExceptionsOfTheUiThreadAndOfAnyOther() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        ExecutorService ui = DaemonThreads.single("ui-stand-in");
        try {
            CrashReporter r = new CrashReporter(new CrashLog(dir, CrashLog.DEFAULT_MAX_BYTES), dialogs, ui, nanos::get);
            r.install();
            ui.execute(() -> {
                throw error("thrown on the ui thread");
            });
            assertTrue(dialogs.first.await(120, TimeUnit.SECONDS));
            assertTrue(dialogs.shown.get(0).contains("on thread ui-stand-in: thrown on the ui thread."), dialogs.shown.toString());
            Thread other = new Thread(() -> {
                throw error("thrown on a worker");
            }, "worker");
            other.start();
            other.join();
            assertTrue(Files.readString(dir.resolve(CrashLog.NAME)).contains("uncaught on thread worker:\n"
                    + "java.lang.IllegalStateException: thrown on a worker"), "the default handler logged it");
            assertEquals(1, r.unshown(), "the first dialog is still open");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            ui.shutdownNow();
        }
    }
}
