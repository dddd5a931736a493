package org.rnnexplorer.model;

/**
 * The input of a forward pass: B sequences of T steps, either token ids (looked up in the embedding, or one-hot) or
 * numeric vectors of the model's input size. Every sequence has the same length.
 */
public final class InputBatch {
    private final int[][] tokens;      // [B][T] or null
    private final double[][][] vectors; // [B][T][D] or null
    private final int batch;
    private final int steps;

    private InputBatch(int[][] tokens, double[][][] vectors) {
        this.tokens = tokens;
        this.vectors = vectors;
        this.batch = tokens != null ? tokens.length : vectors.length;
        if (batch == 0) throw new IllegalArgumentException("the batch is empty");
        this.steps = tokens != null ? tokens[0].length : vectors[0].length;
        if (steps == 0) throw new IllegalArgumentException("the input is empty");
        for (int b = 0; b < batch; b++) {
            int len = tokens != null ? tokens[b].length : vectors[b].length;
            if (len != steps) throw new IllegalArgumentException("sequence " + b + " has " + len + " steps, expected " + steps);
        }
    }

    public static InputBatch ofTokens(int... ids) {
        return new InputBatch(new int[][] {ids}, null);
    }

    public static InputBatch ofTokenBatch(int[][] ids) {
        return new InputBatch(ids, null);
    }

    public static InputBatch ofVectors(double[][] xs) {
        return new InputBatch(null, new double[][][] {xs});
    }

    public static InputBatch ofVectorBatch(double[][][] xs) {
        return new InputBatch(null, xs);
    }

    public int batch() { return batch; }

    public int steps() { return steps; }

    public boolean isTokens() { return tokens != null; }

    public int token(int b, int t) { return tokens[b][t]; }

    public double[] vector(int b, int t) { return vectors[b][t]; }

    /** The token ids of sequence 0 (null for numeric input). */
    public int[] tokens() { return tokens == null ? null : tokens[0]; }
}
