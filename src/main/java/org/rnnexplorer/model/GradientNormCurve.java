package org.rnnexplorer.model;

/**
 * How the gradient fades (or grows) with distance in time: for one layer and sequence 0,
 * {@code n_k = ‖dL/dh_{T−1−k}‖₂} against steps back k = T−1−t, k = 0..T−1 (and the same for dL/dc_t of an LSTM).
 * dL/dh_t is the total gradient, through every later step and every layer above.
 */
public final class GradientNormCurve {
    private GradientNormCurve() {
    }

    /** Entry k is ‖dL/dh_{T−1−k}‖ of layer l. */
    public static double[] hidden(Gradients g, int layer) {
        LayerGradients lg = g.layer(layer);
        int steps = g.steps();
        double[] n = new double[steps];
        for (int k = 0; k < steps; k++) n[k] = lg.hNorm(steps - 1 - k);
        return n;
    }

    /** Entry k is ‖dL/dc_{T−1−k}‖ of layer l (LSTM). */
    public static double[] cell(Gradients g, int layer) {
        LayerGradients lg = g.layer(layer);
        if (lg.dC == null) throw new IllegalArgumentException("only an LSTM has a cell state");
        int steps = g.steps();
        double[] n = new double[steps];
        for (int k = 0; k < steps; k++) n[k] = lg.cNorm(steps - 1 - k);
        return n;
    }
}
