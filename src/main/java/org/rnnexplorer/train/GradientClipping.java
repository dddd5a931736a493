package org.rnnexplorer.train;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Clipping by global norm (Pascanu et al. 2013; PyTorch's {@code clip_grad_norm_}): with
 * {@code n = √(Σ_θ ‖g_θ‖²)}, when n exceeds the limit c every gradient is scaled by {@code c / (n + 10⁻⁶)}, so the
 * direction is kept and the norm is at most c.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The global norm of all gradients. */
    public static double globalNorm(Map<String, DMatrixRMaj> gradients) {
        double s = 0;
        for (DMatrixRMaj m : gradients.values()) {
            double[] d = m.data;
            for (int i = 0, n = m.getNumElements(); i < n; i++) s += d[i] * d[i];
        }
        return Math.sqrt(s);
    }

    /**
     * Scales the gradients in place when their global norm {@code norm} exceeds {@code maxNorm} (≤ 0: no clipping).
     *
     * @return the factor applied (1 when not clipped)
     */
    public static double clip(Map<String, DMatrixRMaj> gradients, double norm, double maxNorm) {
        if (maxNorm <= 0 || norm <= maxNorm) return 1.0;
        double f = maxNorm / (norm + 1e-6);
        for (DMatrixRMaj m : gradients.values()) {
            double[] d = m.data;
            for (int i = 0, n = m.getNumElements(); i < n; i++) d[i] *= f;
        }
        return f;
    }
}
