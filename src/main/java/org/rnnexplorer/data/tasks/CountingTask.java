package org.rnnexplorer.data.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Counting: {@code a^n X b^n $}, padded with {@code $} to a fixed length. The a's come in an unpredictable number; from
 * the {@code X} on, every next token is determined: n b's and then the end {@code $}. Only those predictions are
 * scored, so a model solves the task only by counting the a's up and the b's down.
 */
public final class CountingTask implements Task {
    private static final int A = 0, X = 1, B = 2, END = 3;

    private final int maxCount;
    private final TaskShape shape = TaskShape.tokens(List.of("a", "X", "b", "$"), "char");

    /** @param maxCount the largest n (the smallest is 1) */
    public CountingTask(int maxCount) {
        if (maxCount < 1) throw new IllegalArgumentException("--max-count must be at least 1, got " + maxCount);
        this.maxCount = maxCount;
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public String describe() {
        return "a^n X b^n with n up to " + maxCount + ": predict every b and the end";
    }

    @Override
    public TaskShape shape() {
        return shape;
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        int steps = 2 * maxCount + 2;
        int[][] x = new int[batch][steps], y = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            int n = 1 + random.nextInt(maxCount);
            Arrays.fill(x[b], END);
            Arrays.fill(x[b], 0, n, A);
            x[b][n] = X;
            Arrays.fill(x[b], n + 1, 2 * n + 1, B);
            Arrays.fill(y[b], -1);
            for (int t = n; t <= 2 * n; t++) y[b][t] = x[b][t + 1];
        }
        return TaskBatch.ofTokens(x, y);
    }

    /** The count a model should keep at each step of {@code tokens}: a's seen so far minus b's seen so far. */
    public static double[] counter(int[] tokens) {
        double[] c = new double[tokens.length];
        int k = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] == A) k++;
            else if (tokens[t] == B) k--;
            c[t] = k;
        }
        return c;
    }

    @Override
    public Goal goal() {
        return Goal.accuracyAtLeast(0.95);
    }
}
