package org.rnnexplorer.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.Objective;
import org.rnnexplorer.model.Trace;

/**
 * The objective {@code L = f_s} of one step s of sequence 0 (see {@link PredictionTarget}), so that a backward pass
 * gives ∂f_s/∂x_t for every t. Its gradient at the readout: for the logit {@code f_s = z_s[k]},
 * {@code ∂f_s/∂z_j = δ_jk}; for {@code f_s = log p_s[k]} with p = softmax(z), {@code ∂f_s/∂z_j = δ_jk − p_j}; for
 * the raw output {@code ∂f_s/∂y_j = 1}; for the state sum
 * {@code ∂f_s/∂h_s[u] = 1}. Every other step and sequence gets no gradient.
 */
final class PredictionObjective implements Objective {
    private final int step;
    private final PredictionTarget target;
    private final int token;

    /** @param token the k of {@code z_s[k]} or {@code log p_s[k]} for the token targets (ignored otherwise) */
    PredictionObjective(int step, PredictionTarget target, int token) {
        this.step = step;
        this.target = target;
        this.token = token;
    }

    @Override
    public double seed(Trace trace, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits) {
        if (target == PredictionTarget.STATE_SUM) {
            double[] h = trace.top().h[step].data, d = dTopH[step].data;
            double f = 0;
            for (int u = 0; u < trace.hiddenSize(); u++) {
                f += h[u];
                d[u] = 1.0;
            }
            return f;
        }
        int v = trace.outputSize();
        double[] d = dLogits[step].data;
        if (target == PredictionTarget.OUTPUT) {
            double[] y = trace.logits(step).data;
            double f = 0;
            for (int k = 0; k < v; k++) {
                f += y[k];
                d[k] = 1.0;
            }
            return f;
        }
        if (!target.isLogProbability()) {
            d[token] = 1.0;
            return trace.logits(step).data[token];
        }
        double[] p = trace.probabilities(step).data;
        for (int j = 0; j < v; j++) d[j] = -p[j];
        d[token] += 1.0;
        return Math.log(p[token]);
    }

    @Override
    public boolean usesReadout() {
        return target.usesReadout();
    }

    @Override
    public String describe() {
        return switch (target) {
            case PREDICTED_TOKEN -> "z_" + step + "[predicted token " + token + "]";
            case NEXT_TOKEN -> "z_" + step + "[next token " + token + "]";
            case PREDICTED_LOG_PROBABILITY -> "log p_" + step + "[predicted token " + token + "]";
            case NEXT_LOG_PROBABILITY -> "log p_" + step + "[next token " + token + "]";
            case OUTPUT -> "sum of y_" + step;
            case STATE_SUM -> "sum of h_" + step + " (top layer)";
        };
    }
}
