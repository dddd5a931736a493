package org.rnnexplorer.data.tasks;

import org.rnnexplorer.model.InputBatch;

/**
 * B sequences of T steps drawn from a task, with what the readout should say: class ids per step (−1 = not scored)
 * for classification tasks, or target vectors per step (null = not scored) for regression tasks.
 */
public final class TaskBatch {
    private final int[][] tokens;          // [B][T] or null
    private final double[][][] vectors;    // [B][T][D] or null
    private final int[][] classTargets;    // [B][T] or null
    private final double[][][] valueTargets; // [B][T][V] or null

    private TaskBatch(int[][] tokens, double[][][] vectors, int[][] classTargets, double[][][] valueTargets) {
        this.tokens = tokens;
        this.vectors = vectors;
        this.classTargets = classTargets;
        this.valueTargets = valueTargets;
    }

    public static TaskBatch ofTokens(int[][] tokens, int[][] targets) {
        return new TaskBatch(tokens, null, targets, null);
    }

    public static TaskBatch ofVectors(double[][][] vectors, double[][][] targets) {
        return new TaskBatch(null, vectors, null, targets);
    }

    public int batch() {
        return tokens != null ? tokens.length : vectors.length;
    }

    public int steps() {
        return tokens != null ? tokens[0].length : vectors[0].length;
    }

    public boolean isTokens() {
        return tokens != null;
    }

    public boolean isRegression() {
        return valueTargets != null;
    }

    public int[][] tokens() {
        return tokens;
    }

    public double[][][] vectors() {
        return vectors;
    }

    public int[][] classTargets() {
        return classTargets;
    }

    public double[][][] valueTargets() {
        return valueTargets;
    }

    /** How many (sequence, step) pairs are scored. */
    public int scoredCount() {
        int n = 0;
        if (classTargets != null) {
            for (int[] row : classTargets) for (int k : row) if (k >= 0) n++;
        } else {
            for (double[][] seq : valueTargets) for (double[] y : seq) if (y != null) n++;
        }
        return n;
    }

    public InputBatch input() {
        return tokens != null ? InputBatch.ofTokenBatch(tokens) : InputBatch.ofVectorBatch(vectors);
    }

    /** Steps [from, to) of every sequence: the chunks of truncated backpropagation through time. */
    public TaskBatch slice(int from, int to) {
        if (from == 0 && to == steps()) return this;
        int b = batch();
        if (tokens != null) {
            int[][] x = new int[b][], y = new int[b][];
            for (int i = 0; i < b; i++) {
                x[i] = java.util.Arrays.copyOfRange(tokens[i], from, to);
                y[i] = java.util.Arrays.copyOfRange(classTargets[i], from, to);
            }
            return new TaskBatch(x, null, y, null);
        }
        double[][][] x = new double[b][][], y = new double[b][][];
        for (int i = 0; i < b; i++) {
            x[i] = java.util.Arrays.copyOfRange(vectors[i], from, to);
            if (classTargets == null) y[i] = java.util.Arrays.copyOfRange(valueTargets[i], from, to);
        }
        if (classTargets != null) {
            int[][] c = new int[b][];
            for (int i = 0; i < b; i++) c[i] = java.util.Arrays.copyOfRange(classTargets[i], from, to);
            return new TaskBatch(null, x, c, null);
        }
        return new TaskBatch(null, x, null, y);
    }
}
