package org.rnnexplorer.data.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Character-level language modelling of a generated text full of nested brackets and quotes, the setting in which
 * Karpathy et al. (2015) found cells that track bracket depth and being inside a quote. Words come from a small
 * lexicon; a phrase can open a bracket (nested up to {@link #MAX_DEPTH} deep) or a quote (no brackets inside quotes).
 * To predict ")" or the closing quote mark, a model has to know the depth and whether it is inside a quote.
 *
 * <pre>  we say "no" (the cat (sat on a mat) and it ran). a dog is "big and red".</pre>
 */
public final class BracketsTask implements Task {
    public static final int MAX_DEPTH = 4;
    private static final String[] WORDS = {"the", "cat", "sat", "on", "a", "mat", "dog", "ran", "to", "it", "is", "big",
            "red", "and", "we", "say", "hi", "no", "yes", "so"};

    private final int length;
    private final TaskShape shape;

    /** @param length characters per training sequence */
    public BracketsTask(int length) {
        if (length < 2) throw new IllegalArgumentException("--length must be at least 2, got " + length);
        this.length = length;
        TreeSet<String> chars = new TreeSet<>();
        for (char c = 'a'; c <= 'z'; c++) chars.add(String.valueOf(c)); // any lower-case text can be typed in
        for (String s : new String[] {" ", "(", ")", "\"", ".", "\n"}) chars.add(s);
        shape = TaskShape.tokens(new ArrayList<>(chars), "char");
    }

    @Override
    public String name() {
        return "brackets";
    }

    @Override
    public String describe() {
        return "next character of a text with nested brackets and quotes, " + length + " characters";
    }

    @Override
    public TaskShape shape() {
        return shape;
    }

    /** Generated text of at least {@code chars} characters, starting at the beginning of a sentence. */
    public static String text(Random random, int chars) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            phrases(sb, random, 0, false, 2 + random.nextInt(5));
            sb.append(random.nextInt(4) == 0 ? ".\n" : ". ");
        }
        return sb.toString();
    }

    /**
     * What a model should track while reading {@code text}: per character, the bracket depth after it
     * ({@code [0][i]}) and 1 when it is inside a quote after it, else 0 ({@code [1][i]}).
     */
    public static double[][] structure(String text) {
        double[][] s = new double[2][text.length()];
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '"') quoted = !quoted;
            s[0][i] = depth;
            s[1][i] = quoted ? 1 : 0;
        }
        return s;
    }

    private static void phrases(StringBuilder sb, Random r, int depth, boolean quoted, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(' ');
            int kind = r.nextInt(10);
            if (kind < 2 && depth < MAX_DEPTH && !quoted) {
                sb.append('(');
                phrases(sb, r, depth + 1, false, 1 + r.nextInt(4));
                sb.append(')');
            } else if (kind == 2 && !quoted) {
                sb.append('"');
                phrases(sb, r, depth, true, 1 + r.nextInt(4));
                sb.append('"');
            } else {
                sb.append(WORDS[r.nextInt(WORDS.length)]);
            }
        }
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        int[][] x = new int[batch][length], y = new int[batch][length];
        List<String> vocab = shape.vocabulary();
        for (int b = 0; b < batch; b++) {
            String s = text(random, length + 1);
            for (int t = 0; t < length; t++) {
                x[b][t] = vocab.indexOf(String.valueOf(s.charAt(t)));
                y[b][t] = vocab.indexOf(String.valueOf(s.charAt(t + 1)));
            }
        }
        return TaskBatch.ofTokens(x, y);
    }

    @Override
    public Goal goal() {
        return Goal.accuracyAtLeast(0.55);
    }
}
