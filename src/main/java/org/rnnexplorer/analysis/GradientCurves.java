package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.GradientNormCurve;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerGradients;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.RecurrentSpectrum;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * Computes the curves of the gradient chart: ‖dL/dh_t‖ of one layer against the steps back k = T−1−t, the vanilla
 * bound and the LSTM forget-gate product (see {@link GradientCurve}), for a model and input, a what-if copy of the
 * model, or the same input through several cells.
 */
public final class GradientCurves {
    private GradientCurves() {
    }

    /** Runs the model forward and back on sequence 0 of the input and measures the top layer. */
    public static GradientCurve of(RnnModel model, InputBatch input, GradientObjective objective, String label) {
        Trace trace = ForwardPass.run(model, input);
        Gradients g = new Gradients(model, trace.batch(), trace.steps()).withInputGradient(false);
        BackwardPass.run(model, trace, objective.objectiveFor(model, input), List.of(), g);
        return from(model, trace, g, model.layerCount() - 1, objective.description(), label);
    }

    /** The curve of an edited copy of the model (see {@link WeightEdit}); the model itself is not changed. */
    public static GradientCurve edited(RnnModel model, InputBatch input, GradientObjective objective, WeightEdit edit,
                                       String label) {
        return of(edit.apply(model), edit.resize(input), objective, label);
    }

    /** The same input through each model (e.g. an RNN, an LSTM and a GRU of the same size), labelled by cell. */
    public static List<GradientCurve> compare(List<RnnModel> models, InputBatch input, GradientObjective objective) {
        List<GradientCurve> curves = new ArrayList<>();
        for (RnnModel m : models) curves.add(of(m, input, objective, cellName(m.cell())));
        return curves;
    }

    /** The curve of layer {@code layer} from a finished forward and backward pass (sequence 0). */
    public static GradientCurve from(RnnModel model, Trace trace, Gradients gradients, int layer, String objective,
                                     String label) {
        int steps = trace.steps();
        LayerGradients lg = gradients.layer(layer);
        double[] norm = GradientNormCurve.hidden(gradients, layer);
        int anchor = 0;
        while (anchor < steps - 1 && !(norm[anchor] > 0)) anchor++;
        double sigma = RecurrentSpectrum.largestSingularValue(model.layer(layer).wHh);
        double[] bound = null;
        double[] forget = null;
        double[] cellNorm = null;
        if (model.cell() == CellType.RNN) {
            bound = new double[steps];
            for (int k = 0; k < steps; k++)
                bound[k] = k < anchor ? Double.NaN : norm[anchor] * Math.pow(sigma, k - anchor);
        } else if (model.cell() == CellType.LSTM) {
            forget = forgetProduct(trace.layer(layer), lg, trace.hiddenSize(), steps, anchor);
            cellNorm = GradientNormCurve.cell(gradients, layer);
        }
        return new GradientCurve(label, model.cell(), objective, norm, anchor, sigma, bound, cellNorm, forget);
    }

    /**
     * {@code ‖ g ⊙ Π_{j=t+1}^{t_a} f_j ‖} for t = t_a, t_a − 1, ..., with g = dL/dc at the anchor step t_a: the
     * engine's {@code ForgetGateProduct} per unit, weighted by the cell-state gradient where the error enters.
     */
    private static double[] forgetProduct(LayerTrace lt, LayerGradients lg, int h, int steps, int anchor) {
        double[] out = new double[steps];
        int ta = steps - 1 - anchor;
        double[] carried = new double[h];
        System.arraycopy(lg.dC[ta].data, 0, carried, 0, h);
        for (int k = 0; k < steps; k++) {
            if (k < anchor) {
                out[k] = Double.NaN;
                continue;
            }
            int t = steps - 1 - k;
            if (k > anchor) {
                double[] f = lt.act[t + 1].data; // forget block: columns H..2H−1
                for (int u = 0; u < h; u++) carried[u] *= f[h + u];
            }
            double s = 0;
            for (double x : carried) s += x * x;
            out[k] = Math.sqrt(s);
        }
        return out;
    }

    /** "RNN", "LSTM", "GRU": the names the lecture uses. */
    public static String cellName(CellType cell) {
        return cell == CellType.RNN ? "vanilla RNN" : cell.name();
    }
}
