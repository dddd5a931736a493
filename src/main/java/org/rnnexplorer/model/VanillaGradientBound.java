package org.rnnexplorer.model;

/**
 * The upper bound on how far back a vanilla RNN can carry a gradient. With {@code h_s = φ(pre_s)},
 * {@code ∂h_s/∂h_{s−1} = diag(φ'(pre_s)) W_hh}, so over k steps
 * <pre>
 * ‖∂h_{t+k}/∂h_t‖₂ ≤ Π ‖diag(φ')‖₂ ‖W_hh‖₂ ≤ (γ · σ_max(W_hh))^k,      γ = sup |φ'| (1 for tanh)
 * </pre>
 * and hence {@code ‖dL/dh_t‖ ≤ (γσ_max)^k ‖dL/dh_{t+k}‖} for a loss read at step t+k only. Below γσ_max = 1 the
 * gradient must vanish geometrically; above it, it may (but need not) explode.
 */
public final class VanillaGradientBound {
    /** γ for the tanh cell: tanh'(x) = 1 − tanh²(x) ≤ 1, reached at x = 0. */
    public static final double GAMMA_TANH = 1.0;

    private VanillaGradientBound() {
    }

    /** (γ · σ_max)^k. */
    public static double bound(double gamma, double sigmaMax, int k) {
        if (k < 0) throw new IllegalArgumentException("k must be ≥ 0, got " + k);
        return Math.pow(gamma * sigmaMax, k);
    }

    /** (σ_max)^k for k = 0..steps−1, the tanh cell's bound against steps back. */
    public static double[] curve(double sigmaMax, int steps) {
        double[] b = new double[steps];
        for (int k = 0; k < steps; k++) b[k] = bound(GAMMA_TANH, sigmaMax, k);
        return b;
    }

    /** The bound for layer l of a vanilla model, k = 0..steps−1, from σ_max of its W_hh. */
    public static double[] curve(RnnModel model, int l, int steps) {
        if (model.cell() != CellType.RNN)
            throw new IllegalArgumentException("the (γσ_max)^k bound is for the vanilla RNN, not " + model.cell().id());
        return curve(RecurrentSpectrum.largestSingularValue(model.layer(l).wHh), steps);
    }
}
