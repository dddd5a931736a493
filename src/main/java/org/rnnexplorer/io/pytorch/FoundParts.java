package org.rnnexplorer.io.pytorch;

import java.util.List;
import org.rnnexplorer.model.CellType;

/**
 * The parts of a recurrent model found in a checkpoint, by tensor name.
 *
 * @param rnn       the recurrent module's name ("" at the top level)
 * @param layers    per layer the names of W_ih, W_hh, b_ih, b_hh (a bias name is null when the module has none)
 * @param embedding the embedding's weight, or null (one-hot or numeric input)
 * @param headBias  null for a readout without bias (zeros)
 * @param notes     what was assumed, in words
 * @param ignored   tensors of the model that no part uses
 */
record FoundParts(String rnn, String rnnClass, CellType cell, int inputSize, int hidden, List<Layer> layers,
                  String embedding, String headWeight, String headBias, List<String> notes, List<String> ignored) {

    record Layer(String wIh, String wHh, String bIh, String bHh) {
    }

    String rnnName() {
        return rnn.isEmpty() ? "(top level)" : rnn;
    }
}
