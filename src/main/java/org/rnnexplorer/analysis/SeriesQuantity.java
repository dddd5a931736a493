package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.CellType;

/**
 * One per-unit quantity a layer computes at every step: the hidden state h, the cell state c (LSTM) or a gate
 * activation. Names follow the trace file ("h", "c", "input", "forget", "candidate", "output", "reset", "update").
 *
 * @param name  "h", "c" or a name of {@link CellType#gateNames()}
 * @param gate  the gate block in PyTorch's order, −1 for h and c
 * @param range the values it takes: SIGMOID in [0, 1], TANH in [−1, 1], FREE (c, unbounded)
 */
public record SeriesQuantity(String name, int gate, Range range) {

    public enum Range { SIGMOID, TANH, FREE }

    public static final SeriesQuantity HIDDEN = new SeriesQuantity("h", -1, Range.TANH);
    public static final SeriesQuantity CELL = new SeriesQuantity("c", -1, Range.FREE);

    /**
     * h, then c (LSTM), then every gate in block order. The vanilla RNN has h alone: its single block is h itself.
     */
    public static List<SeriesQuantity> all(CellType cell) {
        List<SeriesQuantity> out = new ArrayList<>();
        out.add(HIDDEN);
        if (cell.hasCellState()) out.add(CELL);
        if (cell != CellType.RNN)
            for (int g = 0; g < cell.blocks(); g++)
                out.add(new SeriesQuantity(cell.gateNames().get(g), g,
                        cell.isTanhBlock(g) ? Range.TANH : Range.SIGMOID));
        return out;
    }

    public boolean isGate() {
        return gate >= 0;
    }

    /**
     * The value "opposite" to {@code v} within the range, used for a unit that falls where the hypothesis rises:
     * {@code 1 − v} for a σ gate, {@code −v} for the others. A unit is "on" when its value, flipped this way for a
     * negatively correlated unit, is above the threshold.
     */
    public double flip(double v) {
        return range == Range.SIGMOID ? 1 - v : -v;
    }
}
