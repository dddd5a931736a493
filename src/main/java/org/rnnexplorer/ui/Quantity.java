package org.rnnexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Trace;

/**
 * One vector the cell computes at every step (a gate, h or c), read from a {@link Trace} for sequence 0: the unit of
 * a heatmap row, a strip of the cell diagram, a line of the equations.
 *
 * @param name   what the class calls it ("forget gate", "hidden state h")
 * @param symbol the letter in the equations ("f", "h", "C")
 * @param range  how its values are bounded, which picks the palette
 * @param gate   block index for a gate, -1 for h, -2 for c
 */
public record Quantity(String name, String symbol, Range range, int gate) {

    /** σ outputs lie in 0..1, tanh outputs in −1..1; the cell state is unbounded. */
    public enum Range { SIGMOID, TANH, UNBOUNDED }

    public static final Quantity HIDDEN = new Quantity("hidden state h", "h", Range.TANH, -1);
    public static final Quantity CELL = new Quantity("cell state C", "C", Range.UNBOUNDED, -2);

    /** The value of this quantity for {@code unit} of layer {@code layer} at step t. */
    public double value(Trace trace, int layer, int t, int unit) {
        if (gate == -1) return trace.hidden(layer, t, unit);
        if (gate == -2) return trace.cellState(layer, t, unit);
        return trace.gate(layer, gate, t, unit);
    }

    /** The gates of a cell in the deck's order of explanation, then C (LSTM) and h. */
    public static List<Quantity> all(CellType cell) {
        List<Quantity> q = new ArrayList<>(gates(cell));
        if (cell.hasCellState()) q.add(CELL);
        q.add(HIDDEN);
        return q;
    }

    /** The gates of a cell, in the order the deck explains them (LSTM: forget, input, candidate, output). */
    public static List<Quantity> gates(CellType cell) {
        return switch (cell) {
            case RNN -> List.of();
            case LSTM -> List.of(gate(cell, 1, "forget gate", "f"), gate(cell, 0, "input gate", "i"),
                    gate(cell, 2, "candidate C~", "C~"), gate(cell, 3, "output gate", "o"));
            case GRU -> List.of(gate(cell, 0, "reset gate", "r"), gate(cell, 1, "update gate", "z"),
                    gate(cell, 2, "candidate n", "n"));
        };
    }

    /** The gate with this block index (PyTorch order), or null. */
    public static Quantity gateByIndex(CellType cell, int block) {
        for (Quantity q : gates(cell)) if (q.gate == block) return q;
        return null;
    }

    private static Quantity gate(CellType cell, int block, String name, String symbol) {
        return new Quantity(name, symbol, cell.isTanhBlock(block) ? Range.TANH : Range.SIGMOID, block);
    }

    public boolean isGate() {
        return gate >= 0;
    }
}
