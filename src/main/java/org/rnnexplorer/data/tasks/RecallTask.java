package org.rnnexplorer.data.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Remember one token across a delay: a symbol from an alphabet of 8 ({@code a}..{@code h}) is shown, then K filler
 * tokens follow; after the last filler the readout must name the symbol (chance: 1/8). With more than one filler kind,
 * the fillers are random distractors that the model must learn to ignore.
 *
 * <pre>  a 2 0 3 1 ... 0   →   target at step K: a</pre>
 */
public final class RecallTask implements Task {
    public static final int SYMBOLS = 8;

    private final int delay;
    private final int fillers;
    private final TaskShape shape;

    /**
     * @param delay K ≥ 1, the number of filler steps between the symbol and the answer
     * @param fillers the number of filler kinds (1: the filler is always {@code .}; n > 1: {@code 0}..{@code n−1})
     */
    public RecallTask(int delay, int fillers) {
        if (delay < 1) throw new IllegalArgumentException("--delay must be at least 1, got " + delay);
        if (fillers < 1 || fillers > 10) throw new IllegalArgumentException("--fillers must be 1..10, got " + fillers);
        this.delay = delay;
        this.fillers = fillers;
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) vocab.add(String.valueOf((char) ('a' + i)));
        if (fillers == 1) vocab.add(".");
        else for (int i = 0; i < fillers; i++) vocab.add(String.valueOf(i));
        shape = TaskShape.tokens(vocab, "char");
    }

    public int delay() {
        return delay;
    }

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public String describe() {
        return "name the first token after " + delay + " filler step" + (delay == 1 ? "" : "s") + " (" + SYMBOLS
                + " symbols, " + fillers + " filler kind" + (fillers == 1 ? "" : "s") + ")";
    }

    @Override
    public TaskShape shape() {
        return shape;
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        int steps = delay + 1;
        int[][] x = new int[batch][steps], y = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            int symbol = random.nextInt(SYMBOLS);
            x[b][0] = symbol;
            for (int t = 1; t < steps; t++) x[b][t] = SYMBOLS + (fillers == 1 ? 0 : random.nextInt(fillers));
            java.util.Arrays.fill(y[b], -1);
            y[b][steps - 1] = symbol;
        }
        return TaskBatch.ofTokens(x, y);
    }

    @Override
    public Goal goal() {
        return Goal.accuracyAtLeast(0.95);
    }
}
