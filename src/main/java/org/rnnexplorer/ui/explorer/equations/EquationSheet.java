package org.rnnexplorer.ui.explorer.equations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;

/**
 * The cell's equations in the course deck's form, {@code σ(W·[h_{t−1}, x_t] + b)}, with one unit's numbers at one
 * step. The deck's single weight on the concatenation is PyTorch's two: {@code W·[h_{t−1}, x_t] = W_hh·h_{t−1} +
 * W_ih·x_t} and {@code b = b_ih + b_hh}; each gate line shows those three parts, their sum (the pre-activation the
 * engine recorded) and the activation.
 */
public final class EquationSheet {
    private EquationSheet() {
    }

    /** The note shown under the equations of {@code cell}. */
    public static String note(CellType cell) {
        String split = "W·[hₜ₋₁, xₜ] is computed as W_hh·hₜ₋₁ + W_ih·xₜ, and b = b_ih + b_hh: the three numbers in "
                + "each bracket are the part from hₜ₋₁, the part from xₜ and the bias. ⊙ is element-wise; for one unit it "
                + "is a plain product.";
        if (cell == CellType.GRU)
            return split + " This GRU is the \"reset after\" form of PyTorch and cuDNN: the reset gate multiplies "
                    + "W_hn·hₜ₋₁ + b_hn, after the recurrent weights.";
        return split;
    }

    /** The equations of {@code layer} for {@code unit} at step t of sequence 0. */
    public static List<EquationLine> lines(RnnModel model, Trace trace, int layer, int t, int unit) {
        return lines(model, trace, layer, t, unit, List.of());
    }

    /**
     * The same for a trace computed with {@code clamps}: a held gate or state shows what the cell computed, then
     * "→ held at v", and the lines after it use the held value.
     */
    public static List<EquationLine> lines(RnnModel model, Trace trace, int layer, int t, int unit,
                                           List<Intervention> clamps) {
        List<EquationLine> plain = compute(model, trace, layer, t, unit);
        if (clamps.isEmpty()) return plain;
        List<EquationLine> out = new ArrayList<>();
        for (EquationLine e : plain) {
            Intervention held = heldBy(model.cell(), e, clamps, layer, t, unit);
            if (held == null) {
                out.add(e);
                continue;
            }
            double computed = computed(model.cell(), trace, layer, t, unit, held);
            String numbers = e.numbers().substring(0, e.numbers().lastIndexOf("= ")) + "= " + Num.f(computed)
                    + " → held at " + Num.f(held.value());
            out.add(new EquationLine(e.name() + " (held by the what-if)", e.formula(), numbers, held.value()));
        }
        return out;
    }

    /** What the cell computed for the quantity {@code iv} holds, before the clamp replaced it. */
    private static double computed(CellType cell, Trace tr, int l, int t, int u, Intervention iv) {
        LayerTrace lt = tr.layer(l);
        return switch (iv.target()) {
            case GATE -> {
                double pre = tr.preActivation(l, iv.gate(), t, u);
                yield cell.isTanhBlock(iv.gate()) ? Math.tanh(pre) : 1 / (1 + Math.exp(-pre));
            }
            case CELL -> tr.gate(l, 1, t, u) * lt.cPrev(t).data[u] + tr.gate(l, 0, t, u) * tr.gate(l, 2, t, u);
            case HIDDEN -> switch (cell) {
                case RNN -> Math.tanh(tr.preActivation(l, 0, t, u));
                case LSTM -> tr.gate(l, 3, t, u) * Math.tanh(tr.cellState(l, t, u));
                case GRU -> (1 - tr.gate(l, 1, t, u)) * tr.gate(l, 2, t, u)
                        + tr.gate(l, 1, t, u) * lt.hPrev(t).data[u];
            };
        };
    }

    /** The clamp that holds the quantity of line {@code e} at step t, or null. */
    private static Intervention heldBy(CellType cell, EquationLine e, List<Intervention> clamps, int layer, int t,
                                       int unit) {
        for (Intervention iv : clamps) {
            if (iv.layer() != layer || iv.unit() != unit || !iv.covers(t)) continue;
            String name = e.name();
            boolean match = switch (iv.target()) {
                case GATE -> {
                    Quantity q = Quantity.gate(cell, iv.gate());
                    yield q != null && name.toLowerCase(Locale.ROOT).startsWith(q.label().split(" ")[0]);
                }
                case HIDDEN -> name.equals("Hidden state");
                case CELL -> name.equals("Update cell state");
            };
            if (match) return iv;
        }
        return null;
    }

    private static List<EquationLine> compute(RnnModel model, Trace trace, int layer, int t, int unit) {
        LayerTrace lt = trace.layer(layer);
        LayerWeights w = model.layer(layer);
        int hSize = model.hiddenSize();
        double[] x = row(lt.x[t]);
        double[] hPrev = row(lt.hPrev(t));
        List<EquationLine> out = new ArrayList<>();
        switch (model.cell()) {
            case RNN -> {
                Parts p = parts(w, 0, hSize, unit, hPrev, x);
                double h = trace.hidden(layer, t, unit);
                out.add(new EquationLine("Hidden state", "hₜ = tanh(W·[hₜ₋₁, xₜ] + b)", p.numbers("tanh", h), h));
            }
            case LSTM -> {
                double f = trace.gate(layer, 1, t, unit), i = trace.gate(layer, 0, t, unit);
                double g = trace.gate(layer, 2, t, unit), o = trace.gate(layer, 3, t, unit);
                double cPrev = lt.cPrev(t).data[unit], c = trace.cellState(layer, t, unit);
                double h = trace.hidden(layer, t, unit);
                out.add(new EquationLine("Forget gate", "fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)",
                        parts(w, 1, hSize, unit, hPrev, x).numbers("σ", f), f));
                out.add(new EquationLine("Input gate", "iₜ = σ(W_i·[hₜ₋₁, xₜ] + b_i)",
                        parts(w, 0, hSize, unit, hPrev, x).numbers("σ", i), i));
                out.add(new EquationLine("Candidate", "C~ₜ = tanh(W_C·[hₜ₋₁, xₜ] + b_C)",
                        parts(w, 2, hSize, unit, hPrev, x).numbers("tanh", g), g));
                out.add(new EquationLine("Update cell state", "Cₜ = fₜ ⊙ Cₜ₋₁ + iₜ ⊙ C~ₜ",
                        "= " + Num.f(f) + " × " + Num.term(cPrev) + " + " + Num.f(i) + " × " + Num.term(g)
                                + " = " + Num.f(c), c));
                out.add(new EquationLine("Output gate", "oₜ = σ(W_o·[hₜ₋₁, xₜ] + b_o)",
                        parts(w, 3, hSize, unit, hPrev, x).numbers("σ", o), o));
                out.add(new EquationLine("Hidden state", "hₜ = oₜ ⊙ tanh(Cₜ)",
                        "= " + Num.f(o) + " × tanh(" + Num.f(c) + ") = " + Num.f(o) + " × " + Num.term(Math.tanh(c))
                                + " = " + Num.f(h), h));
            }
            case GRU -> {
                double r = trace.gate(layer, 0, t, unit), z = trace.gate(layer, 1, t, unit);
                double n = trace.gate(layer, 2, t, unit), h = trace.hidden(layer, t, unit);
                double hp = hPrev[unit];
                int row = 2 * hSize + unit;
                double fromX = dot(w.wIh, row, x) + w.bIh.data[row];
                double hn = lt.hn[t].data[unit];
                out.add(new EquationLine("Reset gate", "rₜ = σ(W_r·[hₜ₋₁, xₜ] + b_r)",
                        parts(w, 0, hSize, unit, hPrev, x).numbers("σ", r), r));
                out.add(new EquationLine("Update gate", "zₜ = σ(W_z·[hₜ₋₁, xₜ] + b_z)",
                        parts(w, 1, hSize, unit, hPrev, x).numbers("σ", z), z));
                out.add(new EquationLine("Candidate (reset after)", "nₜ = tanh(W_in·xₜ + b_in + rₜ ⊙ (W_hn·hₜ₋₁ + b_hn))",
                        "= tanh(" + Num.f(fromX) + " + " + Num.f(r) + " × " + Num.term(hn) + ") = tanh("
                                + Num.f(fromX + r * hn) + ") = " + Num.f(n), n));
                out.add(new EquationLine("Hidden state", "hₜ = (1 − zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁",
                        "= (1 − " + Num.f(z) + ") × " + Num.term(n) + " + " + Num.f(z) + " × " + Num.term(hp)
                                + " = " + Num.f(h), h));
            }
        }
        return out;
    }

    /**
     * The three parts of one gate's pre-activation for one unit: {@code W_hh[row]·h_{t−1}}, {@code W_ih[row]·x_t}
     * and {@code b_ih[row] + b_hh[row]}, with row = gate·H + unit.
     */
    record Parts(double fromH, double fromX, double bias) {
        double sum() {
            return fromH + fromX + bias;
        }

        String numbers(String fn, double value) {
            return "= " + fn + "(" + Num.f(fromH) + " + " + Num.term(fromX) + " + " + Num.term(bias) + ") = " + fn + "("
                    + Num.f(sum()) + ") = " + Num.f(value);
        }
    }

    static Parts parts(LayerWeights w, int gate, int hSize, int unit, double[] hPrev, double[] x) {
        int row = gate * hSize + unit;
        return new Parts(dot(w.wHh, row, hPrev), dot(w.wIh, row, x), w.bIh.data[row] + w.bHh.data[row]);
    }

    private static double dot(DMatrixRMaj m, int row, double[] v) {
        double s = 0;
        int off = row * m.numCols;
        for (int k = 0; k < m.numCols; k++) s += m.data[off + k] * v[k];
        return s;
    }

    /** Row 0 of a [B][n] matrix (sequence 0). */
    private static double[] row(DMatrixRMaj m) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, 0, r, 0, m.numCols);
        return r;
    }
}
