package org.rnnexplorer.chart;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Trace;

/**
 * One per-unit, per-step quantity of a layer that the charts and the CSV show: the hidden state h, the cell state c
 * (LSTM) or a gate activation. Names follow the trace file ("h", "c", "forget", ...); titles follow the lecture.
 *
 * @param name  "h", "c" or the gate name of {@link CellType#gateNames()}
 * @param gate  the gate block, −1 for h and c
 * @param range the values it can take: SIGMOID [0, 1], TANH [−1, 1], or FREE (c, unbounded)
 */
public record StateQuantity(String name, int gate, Range range) {

    public enum Range { SIGMOID, TANH, FREE }

    public static final StateQuantity HIDDEN = new StateQuantity("h", -1, Range.TANH);
    public static final StateQuantity CELL = new StateQuantity("c", -1, Range.FREE);

    /** Gate {@code g} of a cell. */
    public static StateQuantity gate(CellType cell, int g) {
        return new StateQuantity(cell.gateNames().get(g), g, cell.isTanhBlock(g) ? Range.TANH : Range.SIGMOID);
    }

    /** The gates of a cell in block order (empty for the vanilla RNN). */
    public static List<StateQuantity> gates(CellType cell) {
        List<StateQuantity> out = new ArrayList<>();
        for (int g = 0; g < cell.gateNames().size(); g++) out.add(gate(cell, g));
        return out;
    }

    /** h, then c (LSTM), then the gates: the order of the CSV columns and of the exported heatmaps. */
    public static List<StateQuantity> all(CellType cell) {
        List<StateQuantity> out = new ArrayList<>();
        out.add(HIDDEN);
        if (cell.hasCellState()) out.add(CELL);
        out.addAll(gates(cell));
        return out;
    }

    public boolean isGate() {
        return gate >= 0;
    }

    /** The value of sequence 0 at step t for one unit. */
    public double value(Trace trace, int layer, int t, int unit) {
        if (gate >= 0) return trace.gate(layer, gate, t, unit);
        return name.equals("h") ? trace.hidden(layer, t, unit) : trace.cellState(layer, t, unit);
    }

    /** The lecture's name: "Forget gate f_t", "Candidate C̃_t", "Hidden state h_t", "Cell state C_t", ... */
    public String title(CellType cell) {
        switch (name) {
            case "h": return "Hidden state h_t";
            case "c": return "Cell state C_t";
            case "input": return "Input gate i_t";
            case "forget": return "Forget gate f_t";
            case "output": return "Output gate o_t";
            case "reset": return "Reset gate r_t";
            case "update": return "Update gate z_t";
            case "candidate": return cell == CellType.LSTM ? "Candidate C\u0303_t" : "Candidate n_t";
            default: return name;
        }
    }

    /** "σ", "tanh" or "" (c): how the value is squashed. */
    public String squash() {
        return range == Range.SIGMOID ? "σ" : range == Range.TANH ? "tanh" : "";
    }
}
