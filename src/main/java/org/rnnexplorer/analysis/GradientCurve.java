package org.rnnexplorer.analysis;

import org.rnnexplorer.model.CellType;

/**
 * ‖dL/dh_t‖ of one layer against the steps back {@code k = T−1−t}, with the reference lines the chart draws beside
 * it. Index k of every array is k steps back from the last step.
 *
 * @param label         legend name, e.g. "LSTM"
 * @param cell          the cell of the model
 * @param objective     what L is, e.g. "L = cross-entropy of the last token"
 * @param norm          {@code norm[k] = ‖dL/dh_{T−1−k}‖}
 * @param anchor        the first k with a non-zero gradient (where the error enters): the reference lines start there
 * @param sigmaMax      σ_max(W_hh) of the layer (the largest singular value of its recurrent weights)
 * @param bound         vanilla RNN only (else null): {@code bound[k] = norm[anchor]·σ_max^(k−anchor)} for k ≥ anchor,
 *                      NaN before; each step back multiplies the gradient by {@code diag(tanh')·W_hhᵀ}, whose norm is
 *                      at most σ_max because tanh' ≤ 1
 * @param cellNorm      LSTM only (else null): {@code cellNorm[k] = ‖dL/dc_{T−1−k}‖}, the gradient on the cell state
 * @param forgetProduct LSTM only (else null): {@code ‖ g ⊙ Π_{j=t+1}^{t_a} f_j ‖} with {@code g = dL/dc_{t_a}} at the
 *                      anchor step t_a: the anchor's cell-state gradient carried back along the cell path alone, where
 *                      each step multiplies by the forget gate f (∂c_t/∂c_{t−1} = diag(f_t)); NaN before the anchor.
 *                      It starts at {@code cellNorm[anchor]}; where it stays close to cellNorm the cell path carries
 *                      the gradient
 */
public record GradientCurve(String label, CellType cell, String objective, double[] norm, int anchor,
                            double sigmaMax, double[] bound, double[] cellNorm, double[] forgetProduct) {

    /** Number of steps T. */
    public int steps() {
        return norm.length;
    }

    /**
     * The average factor per step back between the anchor and k steps back, {@code (norm[k]/norm[anchor])^(1/(k−anchor))}:
     * below 1 the gradient vanishes, above 1 it explodes.
     */
    public double ratePerStep(int k) {
        if (k <= anchor || norm[k] <= 0 || norm[anchor] <= 0) return Double.NaN;
        return Math.exp((Math.log(norm[k]) - Math.log(norm[anchor])) / (k - anchor));
    }
}
