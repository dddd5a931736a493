package org.rnnexplorer.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Adam (Kingma &amp; Ba 2015), computed as PyTorch's {@code torch.optim.Adam} does, step k = 1, 2, ...:
 * <pre>
 * m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 * θ ← θ − (lr / (1 − β1^k)) · m / (√v / √(1 − β2^k) + ε)
 * </pre>
 */
public final class Adam implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<String, double[][]> moments = new LinkedHashMap<>();
    private int k;

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void step(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> gradients) {
        k++;
        double bc1 = 1 - Math.pow(beta1, k), bc2 = Math.sqrt(1 - Math.pow(beta2, k));
        double stepSize = lr / bc1;
        for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
            double[] p = e.getValue().data, g = gradients.get(e.getKey()).data;
            double[][] mv = moments.computeIfAbsent(e.getKey(), n -> new double[][] {new double[p.length], new double[p.length]});
            double[] m = mv[0], v = mv[1];
            int n = e.getValue().getNumElements();
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                p[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2 + eps);
            }
        }
    }
}
