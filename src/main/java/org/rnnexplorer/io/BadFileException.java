package org.rnnexplorer.io;

import java.nio.file.Path;

/**
 * A file the user gave that cannot be used: its message is one line, {@code "name: problem"}, ready to show as is
 * (commands print it on stderr and exit with code 2).
 */
public final class BadFileException extends RuntimeException {
    private final String file;
    private final String problem;

    /** The file is named as the user gave it ({@code model.json}, or {@code models/model.json}). */
    public BadFileException(Path file, String problem) {
        this(String.valueOf(file), problem);
    }

    /** {@code file} and {@code problem} are shown with their control characters escaped ({@link Escaped}). */
    public BadFileException(String file, String problem) {
        super(Escaped.text(file) + ": " + oneLine(problem));
        this.file = Escaped.text(file);
        this.problem = oneLine(problem);
    }

    public BadFileException(Path file, String problem, Throwable cause) {
        this(file, problem);
        initCause(cause);
    }

    /** The file as named in the message. */
    public String file() { return file; }

    /** The problem, without the file name. */
    public String problem() { return problem; }

    private static String oneLine(String s) {
        return s == null ? "unknown problem" : Escaped.text(s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
    }
}
