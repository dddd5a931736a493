package org.rnnexplorer.ui.gradient;

import java.util.Arrays;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.RecurrentSpectrum;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.StepObjective;
import org.rnnexplorer.model.StepWindow;

/**
 * The gradient chart's curve for a long (compact) trace: L at the selected step s (the cross-entropy of the next
 * token, or v · h_s with v = 1/√H for a model without a readout), back-propagated over the W steps up to s
 * ({@link CompactTrace#gradientWindow}: the forward pass re-run from the checkpoint before the window). Inside the
 * window the gradients are those of full BPTT (L depends on nothing after s), so the curve is exact; it just stops W
 * steps back.
 */
final class WindowGradient {
    private WindowGradient() {
    }

    /** The objective at step s of a compact trace: the next token's cross-entropy where there is one. */
    static StepObjective objectiveAt(CompactTrace trace, int s) {
        RnnModel m = trace.model();
        if (m.hasHead() && trace.tokens() != null && trace.steps() >= 2)
            return StepObjective.nextTokenAt(trace.tokens(), Math.min(s, trace.steps() - 2));
        double[] v = new double[m.hiddenSize()];
        Arrays.fill(v, 1 / Math.sqrt(m.hiddenSize()));
        return StepObjective.dotAt(v, s);
    }

    /** The curve of ‖dL/dh_t‖ of the top layer for t = s, s − 1, ..., s − W + 1 (k steps back at index k). */
    static GradientCurve of(CompactTrace trace, int s, int window) {
        RnnModel m = trace.model();
        StepObjective objective = objectiveAt(trace, s);
        StepWindow w = trace.gradientWindow(objective, window);
        int top = m.layerCount() - 1, last = w.lastStep(), n = last - w.firstStep() + 1, h = m.hiddenSize();
        double[] norm = new double[n];
        for (int k = 0; k < n; k++) norm[k] = w.gradHNorm(top, last - k);
        double sigma = RecurrentSpectrum.largestSingularValue(m.layer(top).wHh);
        double[] bound = null, cellNorm = null, forget = null;
        if (m.cell() == CellType.RNN) {
            bound = new double[n];
            for (int k = 0; k < n; k++) bound[k] = norm[0] * Math.pow(sigma, k);
        } else if (m.cell() == CellType.LSTM) {
            cellNorm = new double[n];
            forget = new double[n];
            double[] carried = new double[h];
            for (int u = 0; u < h; u++) carried[u] = w.gradC(top, last, u);
            for (int k = 0; k < n; k++) {
                int t = last - k;
                cellNorm[k] = w.gradCNorm(top, t);
                if (k > 0) for (int u = 0; u < h; u++) carried[u] *= w.gate(top, 1, t + 1, u);
                double sq = 0;
                for (double x : carried) sq += x * x;
                forget[k] = Math.sqrt(sq);
            }
        }
        String label = GradientCurves.cellName(m.cell()) + ", " + n + "-step window";
        return new GradientCurve(label, m.cell(), "L = " + objective.describe(), norm, 0, sigma, bound, cellNorm, forget);
    }
}
