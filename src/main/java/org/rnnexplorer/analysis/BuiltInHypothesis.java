package org.rnnexplorer.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hypotheses the finder knows by name. Each is defined on the characters of the text and read per token t
 * (one character for a character model, a word or a punctuation mark for a word model):
 * "after t" means after the token's last character, i.e. what the model could know once it has read token t; the
 * character classes (vowel, uppercase, digit) look at the token's first character.
 */
public enum BuiltInHypothesis implements Hypothesis {
    /**
     * How many brackets are open after token t: each {@code (}, {@code [} or {@code {} adds one, each {@code )},
     * {@code ]} or {@code }} takes one away, never below 0 (a stray closing bracket at depth 0 counts nothing). All
     * three kinds share one count. Graded; "on" = inside at least one bracket.
     */
    BRACKET_DEPTH("bracket-depth", true, "brackets ( [ { open after the token (graded; on = depth at least 1)"),
    /**
     * 1 after an opening double quote mark up to (not including) its closing one: the straight {@code "} toggles
     * in and out; the typographic {@code “} opens and {@code ”} closes. The opening mark itself is inside, the
     * closing one outside. Single quotes are not counted: in English text they are mostly apostrophes.
     */
    INSIDE_QUOTES("inside-quotes", false, "inside double quotes \" or “…” after the token"),
    /**
     * How many characters (code points) of the current line have been read after token t: 0 after a line break
     * {@code \n}, 1 after the first character of a line, and so on (for a word model, characters, not words).
     * Graded; "on" = anywhere but just after a line break.
     */
    LINE_POSITION("line-position", true, "characters since the last line break (graded; on = at least 1)"),
    /** 1 when the token's first character is a letter or digit and the character before it in the text is not. */
    WORD_START("word-start", false, "the token starts a word (a run of letters and digits)"),
    /** 1 when the token's last character is a letter or digit and the character after it in the text is not. */
    WORD_END("word-end", false, "the token ends a word (a run of letters and digits)"),
    /** 1 when the token's first character is one of a, e, i, o, u (either case; y and accented letters are not). */
    VOWEL("vowel", false, "the token's first character is a vowel a e i o u"),
    /** 1 when the token's first character is an upper-case letter ({@link Character#isUpperCase(int)}). */
    UPPERCASE("uppercase", false, "the token's first character is an upper-case letter"),
    /** 1 when the token's first character is a decimal digit ({@link Character#isDigit(int)}). */
    DIGIT("digit", false, "the token's first character is a digit"),
    /**
     * 1 when the next token follows a line break: for a character model, the next character is {@code \n}; for a
     * word model (which drops whitespace), the whitespace between this token and the next holds a {@code \n}.
     */
    NEWLINE_NEXT("newline-next", false, "a line break comes next");

    private final String id;
    private final boolean graded;
    private final String description;

    BuiltInHypothesis(String id, boolean graded, String description) {
        this.id = id;
        this.graded = graded;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean graded() {
        return graded;
    }

    /** The hypothesis called {@code id} (any case, '_' for '-' allowed), or null. */
    public static BuiltInHypothesis named(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BuiltInHypothesis h : values()) if (h.id.equals(k)) return h;
        return null;
    }

    /** Every name, comma-separated, in order. */
    public static String names() {
        return Arrays.stream(values()).map(BuiltInHypothesis::id).collect(Collectors.joining(", "));
    }

    @Override
    public double[] values(TokenizedText text) {
        return switch (this) {
            case BRACKET_DEPTH, INSIDE_QUOTES, LINE_POSITION -> running(text);
            default -> perToken(text);
        };
    }

    /** The hypotheses that carry a state along the text, read after each token. */
    private double[] running(TokenizedText text) {
        String s = text.text();
        double[] v = new double[text.steps()];
        int depth = 0, column = 0;
        boolean quoted = false;
        int i = 0;
        for (int t = 0; t < v.length; t++) {
            for (; i < text.end(t); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '(', '[', '{' -> depth++;
                    case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                    case '"' -> quoted = !quoted;
                    case '\u201C' -> quoted = true;
                    case '\u201D' -> quoted = false;
                    default -> { }
                }
                if (c == '\n') column = 0;
                else if (!Character.isLowSurrogate(c)) column++;
            }
            v[t] = switch (this) {
                case BRACKET_DEPTH -> depth;
                case INSIDE_QUOTES -> quoted ? 1 : 0;
                default -> column;
            };
        }
        return v;
    }

    private double[] perToken(TokenizedText text) {
        String s = text.text();
        double[] v = new double[text.steps()];
        for (int t = 0; t < v.length; t++) {
            int first = s.codePointAt(text.start(t));
            boolean yes = switch (this) {
                case WORD_START -> Character.isLetterOrDigit(first)
                        && (text.start(t) == 0 || !Character.isLetterOrDigit(s.codePointBefore(text.start(t))));
                case WORD_END -> Character.isLetterOrDigit(s.codePointBefore(text.end(t)))
                        && (text.end(t) == s.length() || !Character.isLetterOrDigit(s.codePointAt(text.end(t))));
                case VOWEL -> "aeiouAEIOU".indexOf(first) >= 0;
                case UPPERCASE -> Character.isUpperCase(first);
                case DIGIT -> Character.isDigit(first);
                case NEWLINE_NEXT -> newlineNext(text, t);
                default -> throw new IllegalStateException(id);
            };
            v[t] = yes ? 1 : 0;
        }
        return v;
    }

    private static boolean newlineNext(TokenizedText text, int t) {
        String s = text.text();
        int i = text.end(t);
        if (!text.dropsWhitespace()) return i < s.length() && s.charAt(i) == '\n';
        for (; i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))); i++)
            if (s.charAt(i) == '\n') return true;
        return false;
    }
}
