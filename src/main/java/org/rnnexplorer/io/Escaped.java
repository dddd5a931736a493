package org.rnnexplorer.io;

import java.nio.file.Path;

/**
 * Text from the user (a path, a token) made safe to show inside a one-line message: control characters and line or
 * paragraph separators are written as escapes ({@code \n}, {@code \r}, {@code \t}, others as a backslash, u and four hex digits), so a
 * newline in a file name cannot split the message and a terminal escape in it is not obeyed. Everything else is kept
 * as it is; text without such characters comes back unchanged, so escaping twice changes nothing more.
 */
public final class Escaped {
    private Escaped() {
    }

    /** The path as the user gave it, escaped. */
    public static String path(Path p) {
        return text(String.valueOf(p));
    }

    /** {@code s} with its control characters escaped. */
    public static String text(String s) {
        if (s == null) return "null";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = escape(c);
            if (e == null) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            sb.append(e);
        }
        return sb == null ? s : sb.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR)
                    return String.format("\\u%04X", (int) c);
                return null;
        }
    }
}
