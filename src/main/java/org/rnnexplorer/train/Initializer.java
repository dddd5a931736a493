package org.rnnexplorer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.data.tasks.TaskShape;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * Builds a fresh model for a task and initialises it:
 * <ul>
 *   <li>input weights W_ih (each gate block) and the readout: Xavier/Glorot uniform, U(±√(6 / (fan_in + fan_out)));</li>
 *   <li>recurrent weights W_hh: an orthogonal H×H matrix per gate block (Saxe et al. 2014), so at the start the
 *       recurrence neither shrinks nor grows a state vector;</li>
 *   <li>biases zero, except the "keep" gate: b_ih of the LSTM forget gate, or of the GRU update gate, set to
 *       {@code forgetBias} (Gers et al. 2000; Jozefowicz et al. 2015) so the cell starts out remembering;</li>
 *   <li>an embedding (when asked for) N(0, 1), as PyTorch's {@code nn.Embedding}.</li>
 * </ul>
 * Every number comes from the given {@link Random}, in a fixed order, so a seed gives the same model every time.
 */
public final class Initializer {
    private Initializer() {
    }

    /**
     * @param embedding width of a learned embedding for token input (0: one-hot input)
     */
    public static RnnModel create(TaskShape shape, CellType cell, int hidden, int layers, int embedding,
                                  double forgetBias, Random random) {
        if (hidden < 1) throw new IllegalArgumentException("--hidden must be at least 1, got " + hidden);
        if (layers < 1 || layers > RnnModel.MAX_LAYERS)
            throw new IllegalArgumentException("--layers must be 1.." + RnnModel.MAX_LAYERS + ", got " + layers);
        if (embedding < 0) throw new IllegalArgumentException("--embedding must not be negative, got " + embedding);
        if (embedding > 0 && !shape.takesTokens())
            throw new IllegalArgumentException("--embedding needs a task with token input");
        int in = embedding > 0 ? embedding : shape.inputSize();
        DMatrixRMaj emb = null;
        if (embedding > 0) {
            emb = new DMatrixRMaj(shape.vocabulary().size(), embedding);
            for (int i = 0; i < emb.data.length; i++) emb.data[i] = random.nextGaussian();
        }
        List<LayerWeights> ls = new ArrayList<>();
        int g = cell.blocks();
        for (int l = 0; l < layers; l++) {
            int layerIn = l == 0 ? in : hidden;
            LayerWeights w = LayerWeights.zeros(g, layerIn, hidden);
            xavier(w.wIh, layerIn, hidden, random);
            for (int b = 0; b < g; b++) orthogonalBlock(w.wHh, b * hidden, hidden, random);
            int keep = cell == CellType.LSTM ? 1 : cell == CellType.GRU ? 1 : -1;
            if (keep >= 0) for (int u = 0; u < hidden; u++) w.bIh.data[keep * hidden + u] = forgetBias;
            ls.add(w);
        }
        DMatrixRMaj head = new DMatrixRMaj(shape.outputSize(), hidden);
        xavier(head, hidden, shape.outputSize(), random);
        DMatrixRMaj headBias = new DMatrixRMaj(1, shape.outputSize());
        return new RnnModel(cell, in, hidden, ls, emb, head, headBias, shape.vocabulary(), shape.tokenizer(), null);
    }

    /** U(±√(6 / (fanIn + fanOut))) over every entry (for W_ih: per gate block, fan_out = H). */
    static void xavier(DMatrixRMaj m, int fanIn, int fanOut, Random random) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * random.nextDouble() - 1) * a;
    }

    /**
     * Rows {@code [row0, row0 + n)} of {@code m} (n×n) become an orthogonal matrix: Gram–Schmidt (applied twice, for
     * accuracy) on the rows of a Gaussian matrix.
     */
    static void orthogonalBlock(DMatrixRMaj m, int row0, int n, Random random) {
        double[][] q = new double[n][n];
        for (double[] row : q) for (int j = 0; j < n; j++) row[j] = random.nextGaussian();
        for (int i = 0; i < n; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) dot += q[i][j] * q[k][j];
                    for (int j = 0; j < n; j++) q[i][j] -= dot * q[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) norm += q[i][j] * q[i][j];
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) q[i][j] /= norm;
        }
        for (int i = 0; i < n; i++) System.arraycopy(q[i], 0, m.data, (row0 + i) * m.numCols, n);
    }
}
