package org.rnnexplorer.ui.explorer.whatif;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.explorer.trace.Selection;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * What-ifs on the selected unit: clamp one of its gates to a value at every step, or ablate it (h = 0); the trace is
 * computed again with them beside the original. Says what is held and the largest change it made, and the selected
 * unit's h at the current step before and after.
 */
public final class WhatIfViewModel {
    private final TraceViewModel trace;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper atStep = new ReadOnlyStringWrapper("");
    private TraceResult summarised;

    public WhatIfViewModel(TraceViewModel trace) {
        this.trace = trace;
        trace.selectionProperty().addListener((o, a, s) -> refresh(s));
    }

    /** Holds gate {@code block} (PyTorch order) of the selected unit of the selected layer at {@code value}, every step. */
    public void clampGate(int block, double value) {
        int layer = trace.layerProperty().get(), unit = trace.unitProperty().get();
        trace.whatIfs().removeIf(iv -> iv.target() == Intervention.Target.GATE && iv.gate() == block
                && iv.layer() == layer && iv.unit() == unit);
        trace.whatIfs().add(Intervention.clampGate(layer, block, unit, 0, Integer.MAX_VALUE, value));
    }

    /** Sets the selected unit's hidden value to 0 at every step. */
    public void ablateSelectedUnit() {
        int layer = trace.layerProperty().get(), unit = trace.unitProperty().get();
        trace.whatIfs().removeIf(iv -> iv.target() == Intervention.Target.HIDDEN && iv.layer() == layer
                && iv.unit() == unit);
        trace.whatIfs().add(Intervention.ablate(layer, unit));
    }

    public void clear() {
        trace.whatIfs().clear();
    }

    private void refresh(Selection s) {
        TraceResult r = s.result();
        if (r != summarised) {
            summary.set(describe(r));
            summarised = r;
        }
        if (s.hasSteps() && r.hasWhatIf()) {
            int l = s.layer(), t = s.step(), u = s.unit();
            atStep.set("at step " + (t + 1) + ", unit " + u + ": h = " + Num.f(r.original().hidden(l, t, u)) + " → "
                    + Num.f(r.whatIf().hidden(l, t, u)) + " with the what-if");
        } else {
            atStep.set("");
        }
    }

    /** What the what-ifs of {@code r} hold, then the largest change of h they make in the top layer and where. */
    static String describe(TraceResult r) {
        if (r.whatIfs().isEmpty()) return "No what-if: right-click a unit in the cell diagram or a heatmap to clamp "
                + "a gate or ablate the unit.";
        StringBuilder sb = new StringBuilder();
        for (Intervention iv : r.whatIfs()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(describe(r.model().cell(), iv));
        }
        if (r.hasWhatIf()) {
            int top = r.original().layerCount() - 1;
            double best = 0;
            int bu = 0, bt = 0;
            for (int t = 0; t < r.steps(); t++)
                for (int u = 0; u < r.original().hiddenSize(); u++) {
                    double d = Math.abs(r.whatIf().hidden(top, t, u) - r.original().hidden(top, t, u));
                    if (d > best) {
                        best = d;
                        bu = u;
                        bt = t;
                    }
                }
            sb.append(". Largest change of h").append(r.original().layerCount() > 1 ? " (top layer)" : "")
                    .append(": ").append(Num.f(best)).append(" at unit ").append(bu).append(", step ").append(bt + 1);
        }
        return sb.toString();
    }

    /** "forget gate of unit 5 (layer 1) held at 0.000". */
    public static String describe(CellType cell, Intervention iv) {
        String where = "unit " + iv.unit() + " (layer " + (iv.layer() + 1) + ")";
        return switch (iv.target()) {
            case GATE -> {
                Quantity q = Quantity.gate(cell, iv.gate());
                yield (q == null ? "gate " + iv.gate() : q.label()) + " of " + where + " held at " + Num.f(iv.value());
            }
            case HIDDEN -> iv.value() == 0 && iv.toStep() == Integer.MAX_VALUE ? where + " ablated (h = 0)"
                    : "h of " + where + " held at " + Num.f(iv.value());
            case CELL -> "C of " + where + " held at " + Num.f(iv.value());
        };
    }

    /** "forget gate of unit 7 (layer 1) held at 0.000. Largest change of h: …", or how to make a what-if. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The selected unit's h at the current step, without → with the what-if ("" without one). */
    public ReadOnlyStringProperty atStepProperty() { return atStep.getReadOnlyProperty(); }
}
