package org.rnnexplorer.ui.safety;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The error log, {@code rnn-explorer.log} in the {@link StateFolder}: one entry per uncaught exception (the time,
 * the thread, the whole stack trace). When appending would take the file past {@code maxBytes} it is first renamed
 * to {@code rnn-explorer.log.1} (replacing the one before), so the log never takes more than twice that. A log is
 * appended to, not written whole: an entry cut off by a kill is still worth reading. An entry longer than a quarter
 * of the limit (a stack overflow's thousand frames) is cut there.
 */
public final class CrashLog {
    public static final String NAME = "rnn-explorer.log";
    /** The size at which the log is rotated: a thousand stack traces or so. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    private final Path file;
    private final long maxBytes;

    public CrashLog(Path folder, long maxBytes) {
        this.file = folder.resolve(NAME);
        this.maxBytes = maxBytes;
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** The file the log is rotated into. */
    public Path previous() {
        return file.resolveSibling(NAME + ".1");
    }

    /**
     * Appends an entry for {@code error} thrown on {@code thread}; returns false when the log could not be written
     * (a read-only home: the dialog then says so instead of naming a file that is not there).
     */
    public synchronized boolean append(Instant when, String thread, Throwable error) {
        String text = entry(when, thread, error);
        if (text.length() > maxBytes / 4) text = text.substring(0, (int) (maxBytes / 4)) + "\n\t... (cut)\n\n";
        byte[] entry = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) + entry.length > maxBytes)
                Files.move(file, previous(), StandardCopyOption.REPLACE_EXISTING);
            Files.write(file, entry, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** "2026-12-01T23:40:00Z uncaught on thread training:", then the stack trace and a blank line. */
    static String entry(Instant when, String thread, Throwable error) {
        StringWriter w = new StringWriter();
        w.append(when.toString()).append(" uncaught on thread ").append(thread).append(":\n");
        error.printStackTrace(new PrintWriter(w));
        return w.append('\n').toString();
    }
}
