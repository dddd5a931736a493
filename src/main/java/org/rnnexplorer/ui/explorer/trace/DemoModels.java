package org.rnnexplorer.ui.explorer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.PyTorchInit;
import org.rnnexplorer.model.RnnModel;

/**
 * Small character models built in code with seeded random weights: the window always has a vanilla RNN, an LSTM
 * and a GRU to show, even with no bundled model. They are untrained, and their titles say so.
 */
public final class DemoModels {
    static final String ALPHABET = " abcdefghijklmnopqrstuvwxyz.,()";

    private DemoModels() {
    }

    /**
     * A model of {@code cell} over {@link #ALPHABET}, embedding width 8, {@code hidden} units, weights drawn from
     * U(±2.5/√H) and biases from U(±1/√H) ({@link PyTorchInit} with gain 2.5), the forget-gate bias of an LSTM set to 1.
     */
    public static RnnModel build(CellType cell, int hidden, int layers, long seed) {
        List<String> vocab = new ArrayList<>();
        ALPHABET.codePoints().forEach(cp -> vocab.add(new String(Character.toChars(cp))));
        int v = vocab.size(), e = 8;
        Random rnd = new Random(seed);
        List<LayerWeights> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            // weights a little stronger than the default so the untrained cell still shows saturated gates
            LayerWeights w = PyTorchInit.layer(cell, l == 0 ? e : hidden, hidden, 2.5, rnd);
            if (cell == CellType.LSTM) for (int u = 0; u < hidden; u++) w.bIh.data[hidden + u] += 1.0;
            ls.add(w);
        }
        DMatrixRMaj emb = new DMatrixRMaj(v, e);
        PyTorchInit.uniform(emb, 1.5, rnd);
        DMatrixRMaj hw = new DMatrixRMaj(v, hidden);
        PyTorchInit.uniform(hw, 3 * PyTorchInit.bound(hidden), rnd);
        DMatrixRMaj hb = new DMatrixRMaj(1, v);
        return new RnnModel(cell, e, hidden, ls, emb, hw, hb, vocab, "char",
                Map.of("description", "untrained demo model with seeded random weights (seed " + seed + ")"));
    }

    /** Menu entries for the three demo models. */
    public static List<ModelSource.BuiltIn> entries() {
        String example = "the cat sat on the mat. (the dog did not.)";
        return List.of(
                new ModelSource.BuiltIn("LSTM — untrained demo", "An LSTM with seeded random weights, 16 units.",
                        example, CellType.LSTM, () -> build(CellType.LSTM, 16, 1, 7)),
                new ModelSource.BuiltIn("GRU — untrained demo", "A GRU with seeded random weights, 16 units.",
                        example, CellType.GRU, () -> build(CellType.GRU, 16, 1, 7)),
                new ModelSource.BuiltIn("Vanilla RNN — untrained demo", "A tanh RNN with seeded random weights, 16 units.",
                        example, CellType.RNN, () -> build(CellType.RNN, 16, 1, 7)));
    }
}
