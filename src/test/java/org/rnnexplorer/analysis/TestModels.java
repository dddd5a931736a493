package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/** Seeded random models for the analysis tests (weights uniform in ±scale). */
final class TestModels {
    private TestModels() {
    }

    /** A language model: an embedding [vocab][embed], {@code layers} cells of H units, a readout to the vocabulary. */
    static RnnModel language(CellType cell, int vocab, int embed, int hidden, int layers, long seed) {
        Random r = new Random(seed);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < vocab; i++) tokens.add(String.valueOf((char) ('a' + i)));
        DMatrixRMaj emb = fill(new DMatrixRMaj(vocab, embed), 1.0, r);
        return new RnnModel(cell, embed, hidden, layers(cell, embed, hidden, layers, 0.6, r), emb,
                fill(new DMatrixRMaj(vocab, hidden), 1.0, r), fill(new DMatrixRMaj(1, vocab), 0.5, r), tokens,
                "char", null);
    }

    /**
     * A series model: numeric input of {@code width} numbers and, with {@code outputs > 0}, a readout of that many
     * (no vocabulary: a raw output).
     */
    static RnnModel series(CellType cell, int width, int hidden, int layers, int outputs, long seed) {
        Random r = new Random(seed);
        List<LayerWeights> ls = layers(cell, width, hidden, layers, 0.6, r);
        DMatrixRMaj hw = outputs > 0 ? fill(new DMatrixRMaj(outputs, hidden), 0.8, r) : null;
        DMatrixRMaj hb = outputs > 0 ? fill(new DMatrixRMaj(1, outputs), 0.3, r) : null;
        return new RnnModel(cell, width, hidden, ls, null, hw, hb, null, null, null);
    }

    private static List<LayerWeights> layers(CellType cell, int in, int hidden, int layers, double scale, Random r) {
        List<LayerWeights> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            LayerWeights w = LayerWeights.zeros(cell.blocks(), l == 0 ? in : hidden, hidden);
            for (DMatrixRMaj m : List.of(w.wIh, w.wHh, w.bIh, w.bHh)) fill(m, scale, r);
            ls.add(w);
        }
        return ls;
    }

    static DMatrixRMaj fill(DMatrixRMaj m, double scale, Random r) {
        for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * r.nextDouble() - 1) * scale;
        return m;
    }

    static int[] tokens(int n, int vocab, long seed) {
        Random r = new Random(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = r.nextInt(vocab);
        return t;
    }

    static double[][] vectors(int n, int width, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][width];
        for (double[] row : x) for (int j = 0; j < width; j++) row[j] = r.nextGaussian();
        return x;
    }
}
