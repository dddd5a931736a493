package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.PyTorchInit;
import org.rnnexplorer.model.RnnModel;

/**
 * A vanilla RNN, an LSTM and a GRU of the same size as a given model, for the comparison chart when only one model
 * is at hand: the same input size, hidden size, layers, embedding, readout and vocabulary; recurrent layers drawn
 * with PyTorch's default initialisation (uniform in ±1/√H) from one seed.
 */
public final class CellPeers {
    private CellPeers() {
    }

    /**
     * The three cells in the order RNN, LSTM, GRU; {@code keepBias} sets the LSTM forget / GRU update gate bias
     * (NaN keeps the random one; 1 is the usual LSTM initialisation).
     */
    public static List<RnnModel> sameSize(RnnModel like, long seed, double keepBias) {
        List<RnnModel> out = new ArrayList<>();
        for (CellType c : CellType.values()) {
            Random r = new Random(seed);
            int h = like.hiddenSize();
            List<LayerWeights> layers = new ArrayList<>();
            for (int l = 0; l < like.layerCount(); l++) layers.add(PyTorchInit.layer(c, l == 0 ? like.inputSize() : h, h, r));
            RnnModel m = new RnnModel(c, like.inputSize(), h, layers,
                    like.embedding() == null ? null : like.embedding().copy(),
                    like.headWeight() == null ? null : like.headWeight().copy(),
                    like.headBias() == null ? null : like.headBias().copy(),
                    like.vocabulary(), like.tokenizer(), null);
            out.add(new WeightEdit(1.0, keepBias, 0).apply(m));
        }
        return out;
    }
}
