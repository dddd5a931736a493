package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.io.Escaped;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.LayerGradients;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Trace;

/**
 * Refuses results that are not all finite numbers. The model file and the CSV readers take only finite numbers, but
 * numbers near the largest double (a gradient seed of 1e308, head weights of 1e308) overflow on the way: such a trace
 * would hold {@code null} where a number should be, so {@code trace} and {@code export} stop with one line naming
 * the first quantity that overflowed and the file that made it, and write nothing.
 */
final class FiniteResults {
    private FiniteResults() {
    }

    /**
     * @param model    the model file
     * @param numeric  the CSV input, or null for text
     * @param gradSeed the {@code --grad-seed} file, or null
     */
    static void check(Trace trace, Gradients gradients, Path model, Path numeric, Path gradSeed) {
        String forward = firstNonFinite(trace);
        if (forward != null)
            throw new BadInputException(blame(model, numeric, null) + ": " + forward
                    + " (a float64 overflow: its numbers are too large to run); nothing written");
        String backward = gradients == null ? null : firstNonFinite(gradients);
        if (backward != null)
            throw new BadInputException(blame(model, numeric, gradSeed) + ": " + backward
                    + " (a float64 overflow: the gradient of numbers this large cannot be computed); nothing written");
    }

    private static String blame(Path model, Path numeric, Path gradSeed) {
        if (gradSeed != null) return "--grad-seed " + Escaped.path(gradSeed);
        return "--model " + Escaped.path(model) + (numeric != null ? " on --input " + Escaped.path(numeric) : "");
    }

    private static String firstNonFinite(Trace trace) {
        List<String> gates = trace.cell().gateNames();
        int hidden = trace.hiddenSize();
        for (int t = 0; t < trace.steps(); t++) {
            for (int l = 0; l < trace.layerCount(); l++) {
                LayerTrace lt = trace.layer(l);
                for (int g = 0; g < gates.size(); g++) {
                    int u = firstBad(lt.act[t], g * hidden, hidden);
                    if (u >= 0) return where(gates.get(g) + " gate", l, t, u, lt.act[t].data[g * hidden + u]);
                }
                int u = firstBad(lt.h[t], 0, hidden);
                if (u >= 0) return where("h", l, t, u, lt.h[t].data[u]);
                if (lt.c != null && (u = firstBad(lt.c[t], 0, hidden)) >= 0) return where("c", l, t, u, lt.c[t].data[u]);
            }
            if (trace.hasReadout()) {
                int k = firstBad(trace.probabilities(t), 0, trace.outputSize());
                if (k >= 0) return where("the probability of token " + k, -1, t, -1, trace.probabilities(t).data[k]);
            }
        }
        return null;
    }

    private static String firstNonFinite(Gradients g) {
        for (int l = g.layerCount() - 1; l >= 0; l--) {
            LayerGradients lg = g.layer(l);
            for (int t = g.steps() - 1; t >= 0; t--) {
                int n = lg.dH[t].numCols;
                int u = firstBad(lg.dH[t], 0, n);
                if (u >= 0) return where("dL/dh", l, t, u, lg.dH[t].data[u]);
                if (lg.dC != null && (u = firstBad(lg.dC[t], 0, n)) >= 0) return where("dL/dc", l, t, u, lg.dC[t].data[u]);
            }
        }
        if (!Double.isFinite(g.loss())) return "the loss L is " + kind(g.loss());
        return null;
    }

    /** The first of columns from..from+count−1 of row 0 (sequence 0) that is not finite, or −1. */
    private static int firstBad(DMatrixRMaj m, int from, int count) {
        for (int j = 0; j < count; j++) if (!Double.isFinite(m.data[from + j])) return j;
        return -1;
    }

    private static String where(String what, int layer, int step, int unit, double value) {
        return what + (unit >= 0 ? " of unit " + unit : "") + (layer >= 0 ? " in layer " + layer : "") + " at step "
                + step + " is " + kind(value);
    }

    private static String kind(double v) {
        return Double.isNaN(v) ? "not a number (NaN)" : v > 0 ? "+infinity" : "-infinity";
    }
}
