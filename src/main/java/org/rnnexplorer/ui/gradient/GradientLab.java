package org.rnnexplorer.ui.gradient;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.analysis.CellPeers;
import org.rnnexplorer.chart.GateChart;
import org.rnnexplorer.chart.GradientChart;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.chart.SaturationChart;
import org.rnnexplorer.analysis.WeightEdit;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * The computation behind the gradient lab, free of JavaFX: apply the sliders to a copy of the model (see
 * {@link WeightEdit}), run it forward and back, and build the charts and the reading.
 *
 * @param model     the model as loaded (not changed)
 * @param input     its input (sequence 0 is measured)
 * @param tokens    the input's tokens, or null for vector input
 * @param scale     W_hh ← scale · W_hh
 * @param keepBias  the forget (LSTM) / update (GRU) gate bias; NaN = as trained
 * @param steps     the sequence length T (0 = the input's own; a longer T repeats the input)
 * @param compare   draw an RNN, an LSTM and a GRU of the same size (untrained, one seed) instead of the model
 * @param units     the units whose gates are drawn
 */
public record GradientLab(RnnModel model, InputBatch input, List<String> tokens, double scale, double keepBias,
                          int steps, boolean compare, int[] units) {

    /** Seed of the untrained peers in the comparison. */
    public static final long PEER_SEED = 1;
    /** The keep-gate bias of the comparison's LSTM and GRU when the slider says "as trained" (the usual init). */
    public static final double PEER_KEEP_BIAS = 1.0;

    public GradientLabResult compute() {
        WeightEdit edit = new WeightEdit(scale, keepBias, steps);
        InputBatch in = edit.resize(input);
        RnnModel m = edit.apply(model);
        GradientObjective objective = GradientObjective.defaultFor(m);
        Trace trace = ForwardPass.run(m, in);
        Gradients g = BackwardPass.run(m, trace, objective.objectiveFor(m, in));
        int top = m.layerCount() - 1;
        List<String> toks = resizeTokens(tokens, in.steps());
        List<GradientCurve> curves = new ArrayList<>();
        JFreeChart gradient;
        String reading;
        if (compare) {
            double bias = Double.isNaN(keepBias) ? PEER_KEEP_BIAS : keepBias;
            for (RnnModel peer : CellPeers.sameSize(model, PEER_SEED, bias)) {
                RnnModel p = new WeightEdit(scale, Double.NaN, 0).apply(peer);
                curves.add(GradientCurves.of(p, in, objective, GradientCurves.cellName(p.cell())));
            }
            gradient = GradientChart.compare(curves);
            reading = GradientReading.compare(curves);
        } else {
            GradientCurve c = GradientCurves.from(m, trace, g, top, objective.description(),
                    GradientCurves.cellName(m.cell()));
            curves.add(c);
            gradient = GradientChart.of(c);
            reading = GradientReading.of(c, trace);
        }
        int[] shown = validUnits(units, m.hiddenSize());
        List<JFreeChart> gates = GateChart.allGates(trace, top, shown, toks, -1);
        JFreeChart saturation = SaturationChart.of(trace, top);
        return new GradientLabResult(gradient, gates, saturation, reading, curves, m, trace, g, toks,
                objective.description());
    }

    static List<String> resizeTokens(List<String> tokens, int steps) {
        if (tokens == null || tokens.isEmpty()) return null;
        if (tokens.size() == steps) return tokens;
        List<String> out = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) out.add(tokens.get(i % tokens.size()));
        return out;
    }

    /** The selected units inside the hidden size; the first three when none is. */
    static int[] validUnits(int[] units, int hidden) {
        if (units != null) {
            int[] ok = java.util.Arrays.stream(units).filter(u -> u >= 0 && u < hidden).distinct().toArray();
            if (ok.length > 0) return ok;
        }
        return GateChart.firstUnits(hidden, 3);
    }
}
