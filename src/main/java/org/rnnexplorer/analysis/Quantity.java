package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Trace;

/**
 * A per-unit, per-step vector the cells compute and a {@link Trace} records: the hidden state h, the LSTM's cell
 * state C, or one gate of one cell type. The window, the charts and the exports all name and colour a value by it.
 */
public enum Quantity {
    HIDDEN(null, -1, "h", "hidden state h", "h", "Hidden state h_t", Range.TANH),
    CELL(null, -1, "c", "cell state C", "C", "Cell state C_t", Range.UNBOUNDED),
    INPUT_GATE(CellType.LSTM, 0, "input", "input gate", "i", "Input gate i_t", Range.SIGMOID),
    FORGET_GATE(CellType.LSTM, 1, "forget", "forget gate", "f", "Forget gate f_t", Range.SIGMOID),
    LSTM_CANDIDATE(CellType.LSTM, 2, "candidate", "candidate C~", "C~", "Candidate C\u0303_t", Range.TANH),
    OUTPUT_GATE(CellType.LSTM, 3, "output", "output gate", "o", "Output gate o_t", Range.SIGMOID),
    RESET_GATE(CellType.GRU, 0, "reset", "reset gate", "r", "Reset gate r_t", Range.SIGMOID),
    UPDATE_GATE(CellType.GRU, 1, "update", "update gate", "z", "Update gate z_t", Range.SIGMOID),
    GRU_CANDIDATE(CellType.GRU, 2, "candidate", "candidate n", "n", "Candidate n_t", Range.TANH);

    /** The values a quantity takes, which pick its colour scale: σ in [0, 1], tanh in [−1, 1], or unbounded (C). */
    public enum Range { SIGMOID, TANH, UNBOUNDED }

    private final CellType cell;
    private final int block;
    private final String id;
    private final String label;
    private final String symbol;
    private final String title;
    private final Range range;

    Quantity(CellType cell, int block, String id, String label, String symbol, String title, Range range) {
        this.cell = cell;
        this.block = block;
        this.id = id;
        this.label = label;
        this.symbol = symbol;
        this.title = title;
        this.range = range;
    }

    /** The gate's block in PyTorch's order ({@link CellType}), −1 for h and C. */
    public int block() { return block; }

    /** The name in trace files, CSV columns and file names: "h", "c", "forget", "candidate", ... */
    public String id() { return id; }

    /** What the window calls it: "forget gate", "hidden state h", "candidate C~". */
    public String label() { return label; }

    /** The letter in the equations: "f", "h", "C~". */
    public String symbol() { return symbol; }

    /** The lecture's name, as chart titles write it: "Forget gate f_t", "Candidate C̃_t". */
    public String title() { return title; }

    public Range range() { return range; }

    public boolean isGate() { return block >= 0; }

    /** Whether a trace of this cell records it (C: the LSTM only; a gate: its own cell only). */
    public boolean belongsTo(CellType c) {
        if (cell != null) return cell == c;
        return this == HIDDEN || c.hasCellState();
    }

    /** "σ", "tanh" or "" (C): how the value is squashed. */
    public String squash() {
        return range == Range.SIGMOID ? "σ" : range == Range.TANH ? "tanh" : "";
    }

    /** The value of sequence 0 at step t for one unit. */
    public double value(Trace trace, int layer, int t, int unit) {
        if (isGate()) return trace.gate(layer, block, t, unit);
        return this == HIDDEN ? trace.hidden(layer, t, unit) : trace.cellState(layer, t, unit);
    }

    /** The gates of a cell in block order (empty for the vanilla RNN, whose single block is h itself). */
    public static List<Quantity> gates(CellType cell) {
        List<Quantity> out = new ArrayList<>();
        for (Quantity q : values()) if (q.cell == cell) out.add(q);
        return out;
    }

    /** The gates in the order the course deck explains them (LSTM: forget, input, candidate, output). */
    public static List<Quantity> gatesInDeckOrder(CellType cell) {
        if (cell == CellType.LSTM) return List.of(FORGET_GATE, INPUT_GATE, LSTM_CANDIDATE, OUTPUT_GATE);
        return gates(cell);
    }

    /** Gate {@code block} of a cell (PyTorch order); null when the cell has no such gate. */
    public static Quantity gate(CellType cell, int block) {
        for (Quantity q : gates(cell)) if (q.block == block) return q;
        return null;
    }

    /** h, then C (LSTM), then the gates in block order: the order of the CSV columns and the exported heatmaps. */
    public static List<Quantity> all(CellType cell) {
        List<Quantity> out = new ArrayList<>();
        out.add(HIDDEN);
        if (cell.hasCellState()) out.add(CELL);
        out.addAll(gates(cell));
        return out;
    }
}
