package org.rnnexplorer.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * An edit of a model's weights and input length, what the gradient lab's sliders set: recurrent weights scaled by
 * {@code recurrentScale} (W_hh ← s·W_hh in every layer), the bias of the gate that keeps the memory set to {@code keepBias} (LSTM: forget gate f; GRU: update gate
 * z, since h' = (1 − z) ⊙ n + z ⊙ h keeps h where z ≈ 1; the vanilla RNN has none), and the sequence length.
 *
 * @param recurrentScale s, 1 = as trained
 * @param keepBias       b: the forget (LSTM) or update (GRU) gate's total bias b_ih + b_hh becomes b in every unit
 *                       and layer; NaN = as trained
 * @param steps          T, 0 = the input's own length; a longer T repeats the input from its start
 */
public record WeightEdit(double recurrentScale, double keepBias, int steps) {

    /** No change. */
    public static final WeightEdit NONE = new WeightEdit(1.0, Double.NaN, 0);

    public WeightEdit {
        if (!Double.isFinite(recurrentScale)) throw new IllegalArgumentException("the recurrent scale must be a number");
        if (steps < 0) throw new IllegalArgumentException("the sequence length must be 0 or more, got " + steps);
    }

    /** A modified copy of the model (the model itself is not changed). */
    public RnnModel apply(RnnModel model) {
        RnnModel m = model.copy();
        int h = m.hiddenSize();
        int keepGate = keepGateIndex(m.cell());
        for (int l = 0; l < m.layerCount(); l++) {
            LayerWeights w = m.layer(l);
            if (recurrentScale != 1.0) {
                double[] d = w.wHh.data;
                for (int i = 0; i < d.length; i++) d[i] *= recurrentScale;
            }
            if (keepGate >= 0 && !Double.isNaN(keepBias)) {
                for (int u = 0; u < h; u++) {
                    w.bIh.data[keepGate * h + u] = keepBias;
                    w.bHh.data[keepGate * h + u] = 0.0;
                }
            }
        }
        return m;
    }

    /** The input cut or repeated to {@link #steps} (unchanged when steps is 0 or equal). */
    public InputBatch resize(InputBatch input) {
        int t = steps == 0 ? input.steps() : steps;
        if (t == input.steps()) return input;
        int b = input.batch();
        int n = input.steps();
        if (input.isTokens()) {
            int[][] ids = new int[b][t];
            for (int s = 0; s < b; s++) for (int i = 0; i < t; i++) ids[s][i] = input.token(s, i % n);
            return InputBatch.ofTokenBatch(ids);
        }
        double[][][] xs = new double[b][t][];
        for (int s = 0; s < b; s++) for (int i = 0; i < t; i++) xs[s][i] = input.vector(s, i % n);
        return InputBatch.ofVectorBatch(xs);
    }

    /** The gate whose bias {@link #keepBias} sets: LSTM forget (block 1), GRU update (block 1); −1 for the RNN. */
    static int keepGateIndex(CellType cell) {
        switch (cell) {
            case LSTM:
            case GRU:
                return 1;
            default:
                return -1;
        }
    }

    /** The keep gate's total bias b_ih + b_hh of one unit (NaN for the vanilla RNN). */
    public static double keepBiasOf(RnnModel model, int layer, int unit) {
        int g = keepGateIndex(model.cell());
        if (g < 0) return Double.NaN;
        int i = g * model.hiddenSize() + unit;
        DMatrixRMaj bi = model.layer(layer).bIh;
        DMatrixRMaj bh = model.layer(layer).bHh;
        return bi.data[i] + bh.data[i];
    }
}
