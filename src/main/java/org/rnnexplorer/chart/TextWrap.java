package org.rnnexplorer.chart;

import java.util.List;

/**
 * The tokens of an input laid out as wrapped lines of monospaced cells, as the text view draws them: token t
 * takes {@link #width(int)} cells from column {@link #column(int)} of line {@link #line(int)}. A line break token
 * is drawn as "↵" and ends its line; a line is at most {@code columns} cells wide, broken before a word (a run of
 * tokens without whitespace) that would not fit, or inside a word longer than a line. Tokens of a word model
 * (which drops the whitespace) are set one space apart. Nothing here draws: the window, the exports and the
 * benchmark all place the cells with it.
 */
public final class TextWrap {
    private final List<String> tokens;
    private final boolean spaced;
    private final int columns;
    private final int[] line;
    private final int[] column;
    private final int[] width;
    private final int[] lineStart; // lineStart[l] = first token of line l; lineStart[lines] = T

    /**
     * @param tokens  the tokens, in order
     * @param spaced  true for a word model: a space between tokens on a line
     * @param columns cells per line (at least 1)
     */
    public TextWrap(List<String> tokens, boolean spaced, int columns) {
        if (columns < 1) throw new IllegalArgumentException("a line needs at least one column, got " + columns);
        this.tokens = tokens;
        this.spaced = spaced;
        this.columns = columns;
        int n = tokens.size();
        line = new int[n];
        column = new int[n];
        width = new int[n];
        int[] starts = new int[Math.max(16, n / Math.max(1, columns) + 16)];
        int lines = 0, col = 0;
        boolean newLine = true;
        for (int t = 0; t < n; t++) {
            String tok = tokens.get(t);
            int w = Math.max(1, display(tok).length());
            width[t] = w;
            int gap = spaced && col > 0 ? 1 : 0;
            int need = w;
            if (!spaced && (t == 0 || isBlank(tokens.get(t - 1))) && !isBlank(tok)) {
                int word = wordCells(t); // a word that fits on a line is not broken
                if (word <= columns) need = word;
            }
            if (col > 0 && col + gap + need > columns) {
                newLine = true;
                gap = 0;
            }
            if (newLine) {
                if (lines == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                starts[lines++] = t;
                col = 0;
                newLine = false;
            }
            col += gap;
            line[t] = lines - 1;
            column[t] = col;
            col += w;
            if (tok.equals("\n")) newLine = true;
        }
        lineStart = java.util.Arrays.copyOf(starts, lines + 1);
        lineStart[lines] = n;
    }

    private int wordCells(int t) {
        int cells = 0;
        for (int i = t; i < tokens.size() && cells <= columns && !isBlank(tokens.get(i)); i++)
            cells += Math.max(1, display(tokens.get(i)).length());
        return cells;
    }

    private static boolean isBlank(String tok) {
        return tok.isBlank();
    }

    /** What a token's cells show: "↵" for a line break, "→" for a tab, other control characters as "·". */
    public static String display(String token) {
        if (token.equals("\n")) return "\u21B5";
        StringBuilder sb = null;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char shown = c == '\t' ? '\u2192' : c == '\n' || c == '\r' || Character.isISOControl(c) ? '\u00B7' : c;
            if (shown != c && sb == null) sb = new StringBuilder(token.substring(0, i));
            if (sb != null) sb.append(shown);
        }
        return sb == null ? token : sb.toString();
    }

    public List<String> tokens() { return tokens; }

    public boolean spaced() { return spaced; }

    /** Cells per line. */
    public int columns() { return columns; }

    /** The number of lines. */
    public int lines() { return lineStart.length - 1; }

    public int line(int token) { return line[token]; }

    public int column(int token) { return column[token]; }

    public int width(int token) { return width[token]; }

    /** The first token of line {@code l}. */
    public int firstToken(int l) { return lineStart[l]; }

    /** Just after the last token of line {@code l}. */
    public int endToken(int l) { return lineStart[l + 1]; }

    /** The token whose cells cover column {@code col} of line {@code l}, or −1 (a gap, past the end, no such line). */
    public int tokenAt(int l, int col) {
        if (l < 0 || l >= lines() || col < 0) return -1;
        int lo = lineStart[l], hi = lineStart[l + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (column[mid] + width[mid] <= col) lo = mid + 1;
            else if (column[mid] > col) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
