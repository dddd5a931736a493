package org.rnnexplorer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a Java source file depends on: its {@code import} lines (static ones too) and any fully qualified name
 * written inline in the code (for example {@code org.rnnexplorer.ui.ExplorerApp.launchWindow(args)}), which
 * bypasses the imports. Comments, string literals and character literals are blanked first, so a javadoc that
 * mentions {@code io.AtomicFiles} or a message that names a package is not a dependency.
 */
final class SourceDependencies {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;", Pattern.MULTILINE);
    /** A dotted name rooted at a top-level package that code here could reach, not preceded by a dot or letter. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|javafx|org|com|picocli)(?:\\s*\\.\\s*[A-Za-z_]\\w*)+)");

    private SourceDependencies() {
    }

    /** A dependency and the 1-based line it is written on. */
    record Dependency(String name, int line, boolean imported) {
    }

    static List<Dependency> of(String source) {
        String code = blankCommentsAndLiterals(source);
        List<Dependency> found = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            found.add(new Dependency(imports.group(1), lineOf(code, imports.start(1)), true));
        }
        String body = blank(blank(code, IMPORT), PACKAGE);
        Matcher inline = QUALIFIED.matcher(body);
        while (inline.find()) {
            found.add(new Dependency(inline.group(1).replaceAll("\\s", ""), lineOf(body, inline.start(1)), false));
        }
        return found;
    }

    private static String blank(String code, Pattern pattern) {
        StringBuilder out = new StringBuilder(code);
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Replaces comments, strings, text blocks and char literals by spaces, keeping line breaks (and so lines). */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char ch = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && isEscaped(source, end)) {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
            } else if (ch == '"' || ch == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != ch && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isEscaped(String source, int index) {
        int backslashes = 0;
        for (int k = index - 1; k >= 0 && source.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
