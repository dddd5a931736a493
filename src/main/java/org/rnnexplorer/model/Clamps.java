package org.rnnexplorer.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The interventions of one layer, split by target, applied in place to a step's rows (every batch row). Steps are
 * counted from {@link #startAt}: a pass over a chunk of a long sequence that begins at step s calls
 * {@code startAt(s)}, and its step t is step s + t of the sequence.
 */
final class Clamps {
    private final Intervention[] gates;
    private final Intervention[] hidden;
    private final Intervention[] cell;
    private final int hiddenSize;
    private int firstStep;

    private Clamps(Intervention[] gates, Intervention[] hidden, Intervention[] cell, int hiddenSize) {
        this.gates = gates;
        this.hidden = hidden;
        this.cell = cell;
        this.hiddenSize = hiddenSize;
    }

    static Clamps[] perLayer(List<Intervention> all, RnnModel model) {
        int layers = model.layerCount();
        int h = model.hiddenSize();
        Clamps[] out = new Clamps[layers];
        for (int l = 0; l < layers; l++) {
            List<Intervention> g = new ArrayList<>(), hd = new ArrayList<>(), c = new ArrayList<>();
            for (Intervention iv : all) {
                if (iv.layer() != l) continue;
                if (iv.unit() >= h)
                    throw new IllegalArgumentException("intervention unit " + iv.unit() + " is outside 0.." + (h - 1));
                switch (iv.target()) {
                    case GATE -> {
                        if (iv.gate() < 0 || iv.gate() >= model.cell().blocks())
                            throw new IllegalArgumentException("gate " + iv.gate() + " does not exist in a "
                                    + model.cell().id() + " cell" + (model.cell().gateNames().isEmpty()
                                    ? " (its only block is 0, h itself)"
                                    : " (gates 0.." + (model.cell().blocks() - 1) + ": "
                                    + String.join(", ", model.cell().gateNames()) + ")"));
                        g.add(iv);
                    }
                    case HIDDEN -> hd.add(iv);
                    case CELL -> {
                        if (!model.cell().hasCellState())
                            throw new IllegalArgumentException("only an LSTM has a cell state to clamp");
                        c.add(iv);
                    }
                }
            }
            out[l] = new Clamps(g.toArray(new Intervention[0]), hd.toArray(new Intervention[0]),
                    c.toArray(new Intervention[0]), h);
        }
        for (Intervention iv : all)
            if (iv.layer() >= layers)
                throw new IllegalArgumentException("intervention layer " + iv.layer() + " does not exist (layers 0.."
                        + (layers - 1) + ")");
        return out;
    }

    /** Makes local step 0 the sequence's step {@code step} (0 for a pass over a whole sequence). */
    void startAt(int step) {
        firstStep = step;
    }

    private boolean covers(Intervention iv, int t) {
        return iv.covers(firstStep + t);
    }

    boolean isEmpty() {
        return gates.length == 0 && hidden.length == 0 && cell.length == 0;
    }

    /** Overwrites clamped gate activations in {@code act} [B][G*H]. */
    void applyGates(int t, DMatrixRMaj act) {
        for (Intervention iv : gates) if (covers(iv, t)) setColumn(act, iv.gate() * hiddenSize + iv.unit(), iv.value());
    }

    /** Zeroes the gradient into clamped gate pre-activations in {@code dPre} [B][G*H]. */
    void blockGates(int t, DMatrixRMaj dPre) {
        for (Intervention iv : gates) if (covers(iv, t)) setColumn(dPre, iv.gate() * hiddenSize + iv.unit(), 0.0);
    }

    void applyHidden(int t, DMatrixRMaj h) {
        for (Intervention iv : hidden) if (covers(iv, t)) setColumn(h, iv.unit(), iv.value());
    }

    void blockHidden(int t, DMatrixRMaj dh) {
        for (Intervention iv : hidden) if (covers(iv, t)) setColumn(dh, iv.unit(), 0.0);
    }

    void applyCell(int t, DMatrixRMaj c) {
        for (Intervention iv : cell) if (covers(iv, t)) setColumn(c, iv.unit(), iv.value());
    }

    void blockCell(int t, DMatrixRMaj dc) {
        for (Intervention iv : cell) if (covers(iv, t)) setColumn(dc, iv.unit(), 0.0);
    }

    private static void setColumn(DMatrixRMaj m, int col, double v) {
        for (int b = 0; b < m.numRows; b++) m.data[b * m.numCols + col] = v;
    }
}
