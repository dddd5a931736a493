package org.rnnexplorer.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Stochastic gradient descent, optionally with momentum μ (PyTorch's form): {@code b ← μ b + g}, {@code θ ← θ − lr b};
 * with μ = 0 simply {@code θ ← θ − lr g}.
 */
public final class Sgd implements Optimizer {
    private final double lr;
    private final double momentum;
    private final Map<String, double[]> buffers = new LinkedHashMap<>();

    public Sgd(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void step(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> gradients) {
        for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
            double[] p = e.getValue().data, g = gradients.get(e.getKey()).data;
            int n = e.getValue().getNumElements();
            if (momentum == 0) {
                for (int i = 0; i < n; i++) p[i] -= lr * g[i];
            } else {
                double[] b = buffers.computeIfAbsent(e.getKey(), k -> new double[n]);
                for (int i = 0; i < n; i++) {
                    b[i] = momentum * b[i] + g[i];
                    p[i] -= lr * b[i];
                }
            }
        }
    }
}
