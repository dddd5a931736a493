package org.rnnexplorer.analysis;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/** Small models with known recurrent weights for the analysis and chart tests. */
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
}
