package org.rnnexplorer.ui.gradient;

import java.util.List;
import java.util.Locale;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.model.Trace;

/**
 * The one line under the gradient chart that says what the student did: the factor each step back multiplies the
 * gradient by (what the weights allow, then what was measured) and the verdict.
 *
 * <p>Measured: over the n = T−1−anchor steps back, the ratio {@code R = ‖∂L/∂h_0‖ / ‖∂L/∂h_anchor‖} and its
 * geometric mean per step {@code r = R^(1/n)}. Verdict: exploding when R > 10, vanishing when R < 0.01, else kept.
 * What the weights allow: vanilla RNN {@code ‖∂h_t/∂h_{t−1}‖ ≤ σ_max(W_hh) · max tanh′}, with the mean
 * {@code tanh′ = 1 − h²} shown beside it; LSTM the mean forget gate f (∂c_t/∂c_{t−1} = diag(f_t)); GRU the mean
 * update gate z (h' = (1 − z) ⊙ n + z ⊙ h).
 */
public final class GradientReading {
    /** What happened to the gradient on its way back. */
    public enum Verdict {
        VANISHING("vanishing"), KEPT("kept (neither vanishing nor exploding)"), EXPLODING("exploding");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** "vanishing", "kept", "exploding". */
        public String shortWords() {
            return this == KEPT ? "kept" : words;
        }
    }

    static final double EXPLODING_RATIO = 10;
    static final double VANISHING_RATIO = 0.01;

    private GradientReading() {
    }

    /** R = norm[T−1] / norm[anchor] (NaN when the gradient never enters or is not finite). */
    public static double ratio(GradientCurve c) {
        double[] n = c.norm();
        double first = n[c.anchor()];
        double last = n[n.length - 1];
        if (!(first > 0) || !Double.isFinite(first) || Double.isNaN(last)) return Double.NaN;
        return last / first;
    }

    /** The steps back the ratio spans. */
    public static int span(GradientCurve c) {
        return c.steps() - 1 - c.anchor();
    }

    /** r = R^(1/n), the average factor per step back. */
    public static double perStep(GradientCurve c) {
        double r = ratio(c);
        int n = span(c);
        if (n <= 0 || Double.isNaN(r)) return Double.NaN;
        if (r == 0) return 0;
        if (Double.isInfinite(r)) return Double.POSITIVE_INFINITY;
        return Math.exp(Math.log(r) / n);
    }

    public static Verdict verdict(GradientCurve c) {
        double r = ratio(c);
        if (Double.isNaN(r) || Double.isInfinite(r) || r > EXPLODING_RATIO) return Verdict.EXPLODING;
        if (r < VANISHING_RATIO) return Verdict.VANISHING;
        return Verdict.KEPT;
    }

    /** The line for one model: {@code trace} is the run the curve was measured on (its top layer). */
    public static String of(GradientCurve c, Trace trace) {
        int top = trace.layerCount() - 1;
        String allowed;
        switch (c.cell()) {
            case RNN: {
                double slope = meanTanhSlope(trace, top);
                allowed = String.format(Locale.ROOT, "σ_max(W_hh) = %.2f × mean tanh′ %.2f → up to ≈ ×%.2f "
                        + "per step back", c.sigmaMax(), slope, c.sigmaMax() * slope);
                break;
            }
            case LSTM:
                allowed = String.format(Locale.ROOT, "mean forget gate f = %.2f → the cell path keeps ×%.2f per step back",
                        meanGate(trace, top, 1), meanGate(trace, top, 1));
                break;
            default:
                allowed = String.format(Locale.ROOT, "mean update gate z = %.2f → h keeps ×%.2f of itself per step",
                        meanGate(trace, top, 1), meanGate(trace, top, 1));
        }
        return allowed + ";  measured " + measured(c) + ": " + verdict(c).shortWords();
    }

    /** The line for a comparison: each cell's measured factor and verdict. */
    public static String compare(List<GradientCurve> curves) {
        StringBuilder b = new StringBuilder("Per step back, measured:  ");
        for (int i = 0; i < curves.size(); i++) {
            GradientCurve c = curves.get(i);
            if (i > 0) b.append("  ·  ");
            b.append(GradientCurves.cellName(c.cell())).append(' ').append(measured(c)).append(" → ")
                    .append(verdict(c).shortWords());
        }
        return b.toString();
    }

    /** "×0.62 per step (1.3·10⁻¹² after 79 steps)". */
    static String measured(GradientCurve c) {
        double r = perStep(c);
        if (Double.isNaN(r) && Double.isNaN(ratio(c))) return "a gradient that is not finite";
        if (Double.isNaN(r)) return "no steps back";
        return String.format(Locale.ROOT, "×%.2f per step (%s after %d)", r, scientific(ratio(c)), span(c));
    }

    /** 1234 → "1.2·10³", 0.5 → "0.50". */
    static String scientific(double v) {
        if (v == 0) return "0";
        if (Double.isInfinite(v)) return "∞";
        if (v >= 0.01 && v < 100) return String.format(Locale.ROOT, "%.2f", v);
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        double m = v / Math.pow(10, e);
        return String.format(Locale.ROOT, "%.1f·10%s", m, superscript(e));
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(e < 0 ? "⁻" : "");
        for (char ch : Integer.toString(Math.abs(e)).toCharArray()) b.append(digits.charAt(ch - '0'));
        return b.toString();
    }

    /** Mean of tanh′ = 1 − h² over the steps and units of a vanilla layer (sequence 0). */
    static double meanTanhSlope(Trace trace, int layer) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < trace.steps(); t++)
            for (int u = 0; u < trace.hiddenSize(); u++) {
                double h = trace.hidden(layer, t, u);
                s += 1 - h * h;
                n++;
            }
        return s / n;
    }

    /** Mean activation of gate block {@code g} over the steps and units of a layer (sequence 0). */
    static double meanGate(Trace trace, int layer, int g) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < trace.steps(); t++)
            for (int u = 0; u < trace.hiddenSize(); u++) {
                s += trace.gate(layer, g, t, u);
                n++;
            }
        return s / n;
    }

}
