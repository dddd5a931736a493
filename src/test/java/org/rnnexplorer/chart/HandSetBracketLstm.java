package org.rnnexplorer.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * A small LSTM whose weights are set by hand so that each gate does one readable thing, for the README's gate plot
 * until trained bundled models exist. One-hot input over "(", ")", "a", "b", " "; three units:
 * <ul>
 *   <li>unit 0 remembers "inside brackets": its input gate opens at "(", its forget gate closes (σ(−6)) at ")" and
 *       stays near 1 (σ(6)) elsewhere, so c holds ≈ 1 from "(" to ")";</li>
 *   <li>unit 1 remembers the last letter (+1 for a, −1 for b) with a forget gate of σ(0) = 0.5: it halves each step;</li>
 *   <li>unit 2 remembers a space with a forget gate of σ(2.5) ≈ 0.92: a slowly fading memory.</li>
 * </ul>
 * The recurrent weights are small random numbers (±0.1), so h also feeds back a little.
 */
final class HandSetBracketLstm {
    static final List<String> VOCABULARY = List.of("(", ")", "a", "b", " ");
    private static final int OPEN = 0, CLOSE = 1, A = 2, B = 3, SPACE = 4;
    private static final int I = 0, F = 1, G = 2, O = 3;
    private static final int H = 3;

    private HandSetBracketLstm() {
    }

    static RnnModel model() {
        LayerWeights w = LayerWeights.zeros(4, VOCABULARY.size(), H);
        // unit 0: inside brackets
        bias(w, I, 0, -6);
        in(w, I, 0, OPEN, 12);
        bias(w, F, 0, 6);
        in(w, F, 0, CLOSE, -12);
        in(w, G, 0, OPEN, 3);
        // unit 1: the last letter, forgotten fast
        bias(w, I, 1, -6);
        in(w, I, 1, A, 12);
        in(w, I, 1, B, 12);
        in(w, G, 1, A, 3);
        in(w, G, 1, B, -3);
        // unit 2: a space, forgotten slowly
        bias(w, I, 2, -6);
        in(w, I, 2, SPACE, 12);
        bias(w, F, 2, 2.5);
        in(w, G, 2, SPACE, 3);
        for (int u = 0; u < H; u++) bias(w, O, u, 4);
        Random r = new Random(3);
        for (int i = 0; i < w.wHh.data.length; i++) w.wHh.data[i] = (2 * r.nextDouble() - 1) * 0.1;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("description", "hand-set LSTM (not trained): unit 0 holds 'inside brackets' from ( to ), "
                + "unit 1 the last letter (forget gate 0.5), unit 2 a space (forget gate 0.92)");
        meta.put("command", "mvn -B -o test -Dtest=HandSetBracketLstmTest -Dhandset.write=docs/plots/brackets-lstm-handset.json");
        return new RnnModel(CellType.LSTM, VOCABULARY.size(), H, List.of(w), null, null, null, VOCABULARY, "char", meta);
    }

    private static void bias(LayerWeights w, int gate, int unit, double b) {
        w.bIh.data[gate * H + unit] = b;
    }

    private static void in(LayerWeights w, int gate, int unit, int token, double v) {
        w.wIh.set(gate * H + unit, token, v);
    }
}
