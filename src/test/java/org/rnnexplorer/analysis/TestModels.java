package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/** Small models for the analysis and chart tests: known recurrent weights, or seeded random ones. */
public final class TestModels {
    private TestModels() {
    }

    /** A random orthogonal n×n matrix (Q of the QR decomposition of a Gaussian matrix). */
    public static DMatrixRMaj orthogonal(int n, Random r) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) a.data[i] = r.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(a);
        return qr.getQ(null, false);
    }

    /** Vanilla RNN with W_hh = a·Q (Q orthogonal), random W_ih, zero biases. */
    public static RnnModel vanilla(int in, int h, double a, long seed) {
        Random r = new Random(seed);
        LayerWeights w = LayerWeights.zeros(1, in, h);
        DMatrixRMaj q = orthogonal(h, r);
        CommonOps_DDRM.scale(a, q, w.wHh);
        for (int i = 0; i < w.wIh.data.length; i++) w.wIh.data[i] = r.nextGaussian() / Math.sqrt(in);
        return new RnnModel(CellType.RNN, in, h, List.of(w), null, null, null, null, null, null);
    }

    /** A random model of the given cell (uniform ±scale/√H), with every forget/update gate bias set to keepBias. */
    public static RnnModel random(CellType cell, int in, int h, double scale, double keepBias, long seed) {
        Random r = new Random(seed);
        LayerWeights w = LayerWeights.zeros(cell.blocks(), in, h);
        double k = scale / Math.sqrt(h);
        for (var m : List.of(w.wIh, w.wHh, w.bIh, w.bHh))
            for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * r.nextDouble() - 1) * k;
        RnnModel m = new RnnModel(cell, in, h, List.of(w), null, null, null, null, null, null);
        return new WeightEdit(1.0, keepBias, 0).apply(m);
    }

    /** T steps of Gaussian input times {@code size}. */
    public static double[][] input(int steps, int in, double size, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[steps][in];
        for (double[] row : x) for (int j = 0; j < in; j++) row[j] = size * r.nextGaussian();
        return x;
    }

    /** Least-squares slope of y against x = 0, 1, 2, ... over [from, to). */
    public static double slope(double[] y, int from, int to) {
        double n = to - from, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = from; i < to; i++) {
            sx += i;
            sy += y[i];
            sxx += (double) i * i;
            sxy += i * y[i];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    public static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log(v[i]);
        return out;
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
