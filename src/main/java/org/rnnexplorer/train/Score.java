package org.rnnexplorer.train;

import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.model.Trace;

/**
 * Loss and accuracy of a model's readout on one batch, accumulated over batches. Classification: the loss is the mean
 * cross-entropy {@code −log p_t[target]} over scored steps and a step is correct when the target has the largest
 * probability. Regression: the loss is the mean over scored steps of {@code Σ_k (y_k − target_k)²} and a step is
 * correct when every |y_k − target_k| is within the task's tolerance.
 */
public final class Score {
    private double lossSum;
    private long scored;
    private long correct;

    /** Adds the scored steps of {@code batch} (whose trace is {@code trace}); the steps are those of the trace. */
    public void add(Trace trace, TaskBatch batch, double tolerance) {
        int steps = trace.steps(), rows = trace.batch(), v = trace.outputSize();
        for (int t = 0; t < steps; t++) {
            if (!batch.isRegression()) {
                double[] p = trace.probabilities(t).data;
                for (int b = 0; b < rows; b++) {
                    int k = batch.classTargets()[b][t];
                    if (k < 0) continue;
                    int o = b * v;
                    lossSum -= Math.log(Math.max(p[o + k], Double.MIN_NORMAL));
                    scored++;
                    boolean best = true;
                    for (int j = 0; j < v && best; j++) if (j != k && p[o + j] > p[o + k]) best = false;
                    if (best && !Double.isNaN(p[o + k])) correct++;
                }
            } else {
                DMatrixRMaj y = trace.logits(t);
                for (int b = 0; b < rows; b++) {
                    double[] target = batch.valueTargets()[b][t];
                    if (target == null) continue;
                    boolean ok = true;
                    for (int k = 0; k < v; k++) {
                        double e = y.data[b * v + k] - target[k];
                        lossSum += e * e;
                        if (!(Math.abs(e) <= tolerance)) ok = false;
                    }
                    scored++;
                    if (ok) correct++;
                }
            }
        }
    }

    public long scored() {
        return scored;
    }

    /** Mean loss over the scored steps (0 when none). */
    public double loss() {
        return scored == 0 ? 0.0 : lossSum / scored;
    }

    /** Fraction of scored steps that are correct (NaN when none were scored). */
    public double accuracy() {
        return scored == 0 ? Double.NaN : (double) correct / scored;
    }

    public void clear() {
        lossSum = 0;
        scored = 0;
        correct = 0;
    }
}
