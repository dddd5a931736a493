package org.rnnexplorer.model;

/**
 * The running product of LSTM forget gates along the cell path, per unit, for sequence 0 of a trace:
 * <pre>
 * P_t[u] = Π_{s=t+1}^{T−1} f_s[u]          (P_{T−1} = 1, the empty product)
 * </pre>
 * Since {@code c_s = f_s ⊙ c_{s−1} + i_s ⊙ g_s}, P_t is the part of ∂c_{T−1}/∂c_t that runs along the cell path
 * alone (diagonal, no detour through h): how much of what the cell held at step t still reaches the last step.
 * Near 1 the memory (and its gradient) is carried; near 0 it is forgotten.
 */
public final class ForgetGateProduct {
    private final double[][] product; // [T][H]

    private ForgetGateProduct(double[][] product) {
        this.product = product;
    }

    /** The products of layer l, from the forget gates (as clamped, if they were) in the trace. */
    public static ForgetGateProduct of(Trace trace, int layer) {
        if (trace.cell() != CellType.LSTM)
            throw new IllegalArgumentException("only an LSTM has forget gates, this is a " + trace.cell().id());
        if (layer < 0 || layer >= trace.layerCount())
            throw new IllegalArgumentException("layer " + layer + " does not exist (layers 0.." + (trace.layerCount() - 1) + ")");
        int steps = trace.steps(), h = trace.hiddenSize();
        double[][] p = new double[steps][h];
        java.util.Arrays.fill(p[steps - 1], 1.0);
        for (int t = steps - 2; t >= 0; t--)
            for (int u = 0; u < h; u++) p[t][u] = p[t + 1][u] * trace.gate(layer, GateBlocks.LSTM_FORGET, t + 1, u);
        return new ForgetGateProduct(p);
    }

    public int steps() { return product.length; }

    /** P_t[u]. */
    public double get(int t, int unit) {
        return product[t][unit];
    }

    /** (1/H) Σ_u P_t[u]. */
    public double mean(int t) {
        double s = 0;
        for (double v : product[t]) s += v;
        return s / product[t].length;
    }

    /** The mean product against steps back: entry k is mean(T−1−k), k = 0..T−1. */
    public double[] meanByStepsBack() {
        int steps = product.length;
        double[] m = new double[steps];
        for (int k = 0; k < steps; k++) m[k] = mean(steps - 1 - k);
        return m;
    }
}
