package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The model's own loss: the mean cross-entropy of the readout against target ids,
 * {@code L = −(1/N) Σ_{b,t: target≥0} log p_t[target]}, with {@code dL/dlogits = (p − onehot(target)) / N}.
 * A target of −1 marks a step that is not scored.
 */
public final class CrossEntropyObjective implements Objective {
    private final int[][] targets;
    private final String description;

    public CrossEntropyObjective(int[][] targets, String description) {
        this.targets = targets;
        this.description = description;
    }

    /** Next-token prediction on one sequence, scored at every step that has a next token. */
    public static CrossEntropyObjective nextTokenEveryStep(int[] tokens) {
        int[] t = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) t[i] = i + 1 < tokens.length ? tokens[i + 1] : -1;
        return new CrossEntropyObjective(new int[][] {t}, "mean cross-entropy of the next token at every step");
    }

    /** Next-token prediction scored once: the prediction made at step T−2 of the last token. */
    public static CrossEntropyObjective nextTokenLastStep(int[] tokens) {
        int[] t = new int[tokens.length];
        java.util.Arrays.fill(t, -1);
        if (tokens.length >= 2) t[tokens.length - 2] = tokens[tokens.length - 1];
        return new CrossEntropyObjective(new int[][] {t}, "cross-entropy of the last token");
    }

    @Override
    public double seed(Trace trace, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits) {
        if (!trace.hasReadout()) throw new IllegalArgumentException("the model has no readout to score");
        int v = trace.outputSize();
        int n = 0;
        for (int[] row : targets) for (int k : row) if (k >= 0) n++;
        if (n == 0) return 0.0;
        double loss = 0;
        for (int b = 0; b < targets.length; b++) {
            for (int t = 0; t < targets[b].length; t++) {
                int k = targets[b][t];
                if (k < 0) continue;
                if (k >= v) throw new IllegalArgumentException("target " + k + " is outside the vocabulary");
                double[] p = trace.probabilities(t).data;
                double[] d = dLogits[t].data;
                int off = b * v;
                loss -= Math.log(Math.max(p[off + k], Double.MIN_NORMAL));
                for (int j = 0; j < v; j++) d[off + j] = p[off + j] / n;
                d[off + k] -= 1.0 / n;
            }
        }
        return loss / n;
    }

    @Override
    public boolean usesReadout() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }
}
