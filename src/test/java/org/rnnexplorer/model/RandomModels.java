package org.rnnexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded random models and inputs for the engine's tests. */
final class RandomModels {
    private RandomModels() {
    }

    /**
     * A stacked model with every weight uniform in ±scale. With {@code vocab > 0}: an embedding [vocab][in] and a
     * readout to {@code vocab} outputs when {@code head}; with {@code vocab == 0}: numeric input of width {@code in}
     * and, when {@code head}, a readout to {@code outputs} values.
     */
    static RnnModel model(CellType cell, int in, int hidden, int layers, int vocab, boolean head, int outputs,
                          double scale, Random r) {
        List<LayerWeights> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            LayerWeights w = LayerWeights.zeros(cell.blocks(), l == 0 ? in : hidden, hidden);
            for (DMatrixRMaj m : List.of(w.wIh, w.wHh, w.bIh, w.bHh)) fill(m, scale, r);
            ls.add(w);
        }
        DMatrixRMaj emb = null;
        if (vocab > 0) {
            emb = new DMatrixRMaj(vocab, in);
            fill(emb, 1.0, r);
        }
        DMatrixRMaj hw = null, hb = null;
        if (head) {
            int v = vocab > 0 ? vocab : outputs;
            hw = new DMatrixRMaj(v, hidden);
            hb = new DMatrixRMaj(1, v);
            fill(hw, scale, r);
            fill(hb, scale, r);
        }
        return new RnnModel(cell, in, hidden, ls, emb, hw, hb, null, null, null);
    }

    static void fill(DMatrixRMaj m, double scale, Random r) {
        for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * r.nextDouble() - 1) * scale;
    }

    static int[][] tokens(int batch, int steps, int vocab, Random r) {
        int[][] t = new int[batch][steps];
        for (int[] row : t) for (int i = 0; i < steps; i++) row[i] = r.nextInt(vocab);
        return t;
    }

    static double[][][] vectors(int batch, int steps, int width, Random r) {
        double[][][] x = new double[batch][steps][width];
        for (double[][] seq : x) for (double[] row : seq) for (int j = 0; j < width; j++) row[j] = r.nextGaussian();
        return x;
    }
}
