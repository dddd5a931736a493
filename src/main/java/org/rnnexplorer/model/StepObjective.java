package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * An objective that is a sum over steps, {@code L = Σ_t ℓ_t(h_t, p_t)}, each term reading only step t of one
 * sequence (the top layer's h_t, or the readout's p_t). Unlike an {@link Objective}, which reads a whole trace, it
 * can seed a chunk of a long sequence at a time: what checkpointed BPTT ({@link CheckpointedBackward}) and the
 * gradient at a step ({@link CompactTrace#gradientWindow}) need.
 * <ul>
 * <li>{@link #nextTokenEveryStep}: {@code L = −(1/(T−1)) Σ_{t<T−1} log p_t[x_{t+1}]}, the model's mean loss, the
 *     same as {@link CrossEntropyObjective#nextTokenEveryStep}.</li>
 * <li>{@link #nextTokenAt}: {@code L = −log p_s[x_{s+1}]}, the model's loss at step s alone: how well it predicts
 *     the token that follows step s.</li>
 * <li>{@link #dotAt}: {@code L = v · h_s} of the top layer; with s = T−1 the same as {@link DotObjective}. With v a
 *     unit vector e_u, the sensitivity of unit u at step s to everything before it.</li>
 * </ul>
 */
public final class StepObjective {
    private final int[] tokens;  // the next-token objectives: the input's ids; else null
    private final double[] v;    // dotAt: the direction; else null
    private final int first;     // steps first..last carry a term
    private final int last;
    private final double count;  // N, the terms of the mean
    private final String description;

    private StepObjective(int[] tokens, double[] v, int first, int last, double count, String description) {
        this.tokens = tokens;
        this.v = v;
        this.first = first;
        this.last = last;
        this.count = count;
        this.description = description;
    }

    /** The mean next-token cross-entropy over steps 0..T−2 of {@code tokens} (T ≥ 2). */
    public static StepObjective nextTokenEveryStep(int[] tokens) {
        if (tokens.length < 2) throw new IllegalArgumentException("one token has no next token to predict");
        return new StepObjective(tokens, null, 0, tokens.length - 2, tokens.length - 1,
                "mean cross-entropy of the next token at every step");
    }

    /** The cross-entropy of the token after step s, {@code −log p_s[x_{s+1}]} (s ≤ T−2). */
    public static StepObjective nextTokenAt(int[] tokens, int s) {
        if (s < 0 || s >= tokens.length - 1)
            throw new IllegalArgumentException("step " + s + " has no next token (steps 0.." + (tokens.length - 2) + ")");
        return new StepObjective(tokens, null, s, s, 1.0, "cross-entropy of the next token at step " + s);
    }

    /** {@code v · h_s} of the top layer. */
    public static StepObjective dotAt(double[] v, int s) {
        if (s < 0) throw new IllegalArgumentException("negative step " + s);
        return new StepObjective(null, v.clone(), s, s, 1.0, "dot(v, h[" + s + "])");
    }

    /** The first and the last step with a term: the gradient at every later step is 0. */
    public int firstStep() { return first; }

    public int lastStep() { return last; }

    /** Whether the terms read the readout (so the model needs a head). */
    public boolean usesReadout() { return tokens != null; }

    public String describe() { return description; }

    /** Refuses a model or a sequence of {@code steps} steps this objective does not fit. */
    void check(RnnModel model, int steps) {
        if (last >= steps) throw new IllegalArgumentException("step " + last + " is past the last step " + (steps - 1));
        if (usesReadout() && !model.hasHead())
            throw new IllegalArgumentException("this objective needs a readout and the model has none");
        if (tokens != null && tokens.length != steps)
            throw new IllegalArgumentException(tokens.length + " target tokens for " + steps + " steps");
        if (v != null && v.length != model.hiddenSize())
            throw new IllegalArgumentException("the gradient seed has " + v.length + " numbers, expected "
                    + model.hiddenSize());
    }

    /**
     * Seeds steps 0..n−1 of a chunk that starts at the sequence's step {@code from}: writes dℓ_t/dh_t of the top
     * layer into {@code dTopH[t]} and dℓ_t/dlogits_t into {@code dLogits[t]} (both zeroed by the caller) and returns
     * {@code Σ ℓ_t} over the chunk. Sequence 0 only.
     */
    double seed(Trace chunk, int from, int n, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits) {
        int lo = Math.max(first, from), hi = Math.min(last, from + n - 1);
        double loss = 0;
        for (int s = lo; s <= hi; s++) {
            int t = s - from;
            if (tokens != null) {
                int k = tokens[s + 1], vocab = chunk.outputSize();
                if (k < 0 || k >= vocab) throw new IllegalArgumentException("target " + k + " is outside the vocabulary");
                double[] p = chunk.probabilities(t).data, d = dLogits[t].data;
                loss -= Math.log(Math.max(p[k], Double.MIN_NORMAL)) / count;
                for (int j = 0; j < vocab; j++) d[j] = p[j] / count;
                d[k] -= 1.0 / count;
            } else {
                double[] h = chunk.top().h[t].data, d = dTopH[t].data;
                for (int u = 0; u < v.length; u++) {
                    loss += v[u] * h[u];
                    d[u] = v[u];
                }
            }
        }
        return loss;
    }
}
