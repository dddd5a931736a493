package org.rnnexplorer.model;

/** The squashing functions, scalar, so the per-step loops stay allocation-free. */
final class Activations {
    private Activations() {
    }

    /** σ(x) = 1 / (1 + e^(−x)), written to stay finite for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    static double tanh(double x) {
        return Math.tanh(x);
    }
}
