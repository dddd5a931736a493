package org.rnnexplorer.model;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * PyTorch's default initialisation of {@code nn.RNN}, {@code nn.LSTM} and {@code nn.GRU}: every weight and bias drawn
 * from U(−k, k) with {@code k = 1/√H}. The draws come from a {@link Random} in a fixed order (per layer: W_ih, W_hh,
 * b_ih, b_hh, each row-major), so a seed gives the same model every time.
 */
public final class PyTorchInit {
    private PyTorchInit() {
    }

    /** {@code k = 1/√H}, the half-width of PyTorch's uniform initialisation for H hidden units. */
    public static double bound(int hidden) {
        return 1.0 / Math.sqrt(hidden);
    }

    /** Fills {@code m} with U(−bound, bound): {@code (2u − 1)·bound} for u uniform in [0, 1). */
    public static void uniform(DMatrixRMaj m, double bound, Random random) {
        for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * random.nextDouble() - 1) * bound;
    }

    /** One layer with every weight and bias in U(±1/√H). */
    public static LayerWeights layer(CellType cell, int inputSize, int hidden, Random random) {
        return layer(cell, inputSize, hidden, 1.0, random);
    }

    /**
     * One layer whose weights W_ih and W_hh are drawn from U(±gain/√H) and biases from U(±1/√H) (gain 1: PyTorch's
     * default; a larger gain saturates an untrained cell's gates, which shows better in a demo).
     */
    public static LayerWeights layer(CellType cell, int inputSize, int hidden, double weightGain, Random random) {
        double k = bound(hidden);
        LayerWeights w = LayerWeights.zeros(cell.blocks(), inputSize, hidden);
        uniform(w.wIh, weightGain * k, random);
        uniform(w.wHh, weightGain * k, random);
        uniform(w.bIh, k, random);
        uniform(w.bHh, k, random);
        return w;
    }
}
