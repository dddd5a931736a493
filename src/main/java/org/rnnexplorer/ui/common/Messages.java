package org.rnnexplorer.ui.common;

import java.nio.file.Path;

/** Error messages as the window shows them: one line, naming the file. */
public final class Messages {
    private Messages() {
    }

    /** The first line of the exception's message (its class name when it has none). */
    public static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** {@link #oneLine} with the file's name in front unless the message already starts with it. */
    public static String naming(Path file, RuntimeException e) {
        String m = oneLine(e);
        String name = file.getFileName().toString();
        return m.startsWith(name) || m.startsWith(file.toString()) ? m : name + ": " + m;
    }
}
