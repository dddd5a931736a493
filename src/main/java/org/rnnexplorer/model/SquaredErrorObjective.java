package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * Mean squared error of the readout's raw output (no softmax) against numeric targets, for regression tasks:
 * {@code L = (1/N) Σ_{b,t scored} Σ_k (y_t[k] − target[k])²}, {@code dL/dy = 2 (y − target) / N}.
 * N counts scored (sequence, step) pairs; a null target row marks a step that is not scored.
 */
public final class SquaredErrorObjective implements Objective {
    private final double[][][] targets; // [B][T][V] with null rows for unscored steps

    public SquaredErrorObjective(double[][][] targets) {
        this.targets = targets;
    }

    @Override
    public double seed(Trace trace, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits) {
        if (!trace.hasReadout()) throw new IllegalArgumentException("the model has no readout to score");
        int v = trace.outputSize();
        int n = 0;
        for (double[][] seq : targets) for (double[] y : seq) if (y != null) n++;
        if (n == 0) return 0.0;
        double loss = 0;
        for (int b = 0; b < targets.length; b++) {
            for (int t = 0; t < targets[b].length; t++) {
                double[] y = targets[b][t];
                if (y == null) continue;
                double[] out = trace.logits(t).data;
                double[] d = dLogits[t].data;
                for (int k = 0; k < v; k++) {
                    double e = out[b * v + k] - y[k];
                    loss += e * e;
                    d[b * v + k] = 2.0 * e / n;
                }
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
        return "mean squared error of the readout";
    }
}
