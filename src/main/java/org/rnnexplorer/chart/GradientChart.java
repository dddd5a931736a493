package org.rnnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnexplorer.analysis.GradientCurve;

/**
 * The vanishing-gradient chart: ‖∂L/∂h_t‖ on a log scale against the steps back k = T−1−t, divided by its value
 * where the error enters (k = 0, or the first step with a gradient), so every curve starts at 1, a value above 1 means
 * the gradient grew on its way back (the band marked "exploding") and below 1 that it shrank (vanishing). On a log
 * scale a gradient that is multiplied by the same factor at every step back is a straight line; beside it, dashed,
 * the vanilla bound σ_max(W_hh)^k and the LSTM forget-gate product, on the same scale.
 */
public final class GradientChart {
    static final String X_LABEL = "steps back k = T − 1 − t";
    static final String Y_LABEL = "relative ‖∂L/∂h_t‖  (log scale)";

    private GradientChart() {
    }

    /** One model: its curve and, dashed, the bound (vanilla RNN) or the forget-gate product (LSTM). */
    public static JFreeChart of(GradientCurve curve) {
        XYSeriesCollection data = new XYSeriesCollection();
        double ref = reference(curve);
        data.addSeries(series("‖∂L/∂h_t‖ " + curve.label(), curve.norm(), ref));
        boolean reference = false;
        if (curve.bound() != null) {
            data.addSeries(series(String.format(Locale.ROOT, "bound σ_max(W_hh)^k, σ_max = %.3f", curve.sigmaMax()),
                    curve.bound(), ref));
            reference = true;
        }
        if (curve.forgetProduct() != null) {
            data.addSeries(series("forget-gate product Π f along the cell state", curve.forgetProduct(), ref));
            data.addSeries(series("‖∂L/∂C_t‖ cell state", curve.cellNorm(), ref));
            reference = true;
        }
        JFreeChart chart = build("Vanishing and exploding gradients: " + curve.label(), data,
                curve.bound() != null ? 1 : -1);
        XYLineAndShapeRenderer r = renderer(chart);
        Color color = ChartStyle.cellColor(curve.cell());
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, ChartStyle.solid(3.5f));
        if (reference) {
            r.setSeriesPaint(1, Color.DARK_GRAY);
            r.setSeriesStroke(1, ChartStyle.dashed(2.5f));
        }
        r.setSeriesShapesVisible(0, curve.steps() <= 60);
        if (curve.cellNorm() != null) {
            r.setSeriesPaint(2, color);
            r.setSeriesStroke(2, ChartStyle.dotted(3f));
        }
        subtitle(chart, curve.objective() + "  ·  T = " + curve.steps() + rate(curve)
                + scaleNote(ref, curve.anchor()));
        return chart;
    }

    /** The same input through several cells (RNN, LSTM, GRU): one solid line each, their reference lines dashed. */
    public static JFreeChart compare(List<GradientCurve> curves) {
        if (curves.isEmpty()) throw new IllegalArgumentException("nothing to compare");
        XYSeriesCollection data = new XYSeriesCollection();
        for (GradientCurve c : curves) data.addSeries(series(c.label(), c.norm(), reference(c)));
        int[] refOf = new int[curves.size()];
        java.util.Set<Integer> bounds = new java.util.HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            GradientCurve c = curves.get(i);
            refOf[i] = -1;
            if (c.bound() != null) {
                refOf[i] = data.getSeriesCount();
                bounds.add(refOf[i]);
                data.addSeries(series(c.label() + " bound σ_max^k", c.bound(), reference(c)));
            } else if (c.forgetProduct() != null) {
                refOf[i] = data.getSeriesCount();
                data.addSeries(series(c.label() + " forget product Π f", c.forgetProduct(), reference(c)));
            }
        }
        JFreeChart chart = build("Short-term memory: how far back the gradient reaches", data,
                bounds.stream().mapToInt(Integer::intValue).toArray());
        XYLineAndShapeRenderer r = renderer(chart);
        int steps = 0;
        for (int i = 0; i < curves.size(); i++) {
            GradientCurve c = curves.get(i);
            steps = Math.max(steps, c.steps());
            Color color = colorOf(c, i);
            r.setSeriesPaint(i, color);
            r.setSeriesStroke(i, ChartStyle.solid(3.5f));
            r.setSeriesShapesVisible(i, false);
            if (refOf[i] >= 0) {
                r.setSeriesPaint(refOf[i], color);
                r.setSeriesStroke(refOf[i], ChartStyle.dashed(2f));
            }
        }
        subtitle(chart, curves.get(0).objective() + "  ·  T = " + steps + "  ·  same input, same hidden size");
        return chart;
    }

    /**
     * Every layer of one model on one input: a solid line per layer (bottom layer first, legend "layer 1", ...), all
     * divided by the same number, ‖∂L/∂h_t‖ of the top layer where the error enters, so the lines show both how the
     * gradient fades with the steps back and how much of it reaches each layer below the top.
     */
    public static JFreeChart layers(List<GradientCurve> curves) {
        if (curves.isEmpty()) throw new IllegalArgumentException("no layers");
        GradientCurve top = curves.get(curves.size() - 1);
        double ref = reference(top);
        XYSeriesCollection data = new XYSeriesCollection();
        for (GradientCurve c : curves) data.addSeries(series(c.label(), c.norm(), ref));
        JFreeChart chart = build("The gradient in every layer: " + org.rnnexplorer.analysis.GradientCurves.cellName(top.cell()), data);
        XYLineAndShapeRenderer r = renderer(chart);
        for (int i = 0; i < curves.size(); i++) {
            r.setSeriesPaint(i, layerColor(top.cell(), i, curves.size()));
            r.setSeriesStroke(i, ChartStyle.solid(i == curves.size() - 1 ? 3.5f : 2.5f));
            r.setSeriesShapesVisible(i, false);
        }
        subtitle(chart, top.objective() + "  ·  T = " + top.steps() + "  ·  every layer divided by the top layer's "
                + String.format(Locale.ROOT, "‖∂L/∂h_t‖ = %.3g at k = %d", ref, top.anchor()));
        return chart;
    }

    /** Layer i of n: the cell's colour for the top layer, lighter towards the bottom layer. */
    static Color layerColor(org.rnnexplorer.model.CellType cell, int i, int n) {
        Color c = ChartStyle.cellColor(cell);
        double f = n <= 1 ? 0 : 0.6 * (n - 1 - i) / (n - 1);
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * f),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * f),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * f));
    }

    private static Color colorOf(GradientCurve c, int i) {
        return c.cell() != null ? ChartStyle.cellColor(c.cell()) : (Color) ChartStyle.seriesColor(i);
    }

    /** The value every line of a curve is divided by: ‖∂L/∂h‖ where the error enters (1 if there is none). */
    /** What the relative scale means, in words: every curve is divided by the gradient norm where the error enters. */
    static String scaleNote(double reference, int anchor) {
        return String.format(Locale.ROOT, "  ·  divided by ‖∂L/∂h_t‖ = %.3g at k = %d, so the curve starts at 1",
                reference, anchor);
    }

    static double reference(GradientCurve c) {
        double r = c.norm()[c.anchor()];
        return r > 0 && Double.isFinite(r) ? r : 1.0;
    }

    private static XYSeries series(String name, double[] values, double divisor) {
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < values.length; k++) {
            double v = values[k] / divisor;
            if (v > 0 && Double.isFinite(v)) s.add(k, v); // a log scale cannot show 0
        }
        return s;
    }

    /** {@code bounds}: the series of the vanilla bound σ_max^k, which do not set the top of the y range. */
    private static JFreeChart build(String title, XYSeriesCollection data, int... bounds) {
        NumberAxis x = new NumberAxis(X_LABEL);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(true);
        LogAxis y = new LogAxis(Y_LABEL);
        y.setSmallestValue(1e-300);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole powers of ten
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setLegendLine(new Line2D.Double(-22, 0, 22, 0));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        IntervalMarker exploding = new IntervalMarker(1.0, 1e300, ChartStyle.EXPLODING);
        exploding.setLabel("exploding (> 1)");
        exploding.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        exploding.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        exploding.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        exploding.setLabelPaint(ChartStyle.RNN_COLOR.darker());
        exploding.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        plot.addRangeMarker(exploding, Layer.BACKGROUND);
        ValueMarker one = new ValueMarker(1.0, ChartStyle.RNN_COLOR, new BasicStroke(1.5f));
        plot.addRangeMarker(one, Layer.BACKGROUND);
        Range range = logRange(data, bounds);
        y.setRange(range);
        for (int b : bounds) if (b >= 0) noteOffTheTop(data.getSeries(b), range.getUpperBound());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }

    /** How far above the largest measured value (or 1) a bound may lift the top of the y range: three decades. */
    static final double BOUND_HEADROOM = 1e3;

    /**
     * From a third of the smallest value to five times the largest or 1, so the start of the exploding band shows;
     * but a bound series lifts the top to at most {@link #BOUND_HEADROOM} × the largest measured value (or 1), so a
     * bound of 10^60 does not squash the measured curves into a flat band: it leaves the plot at the top.
     */
    static Range logRange(XYSeriesCollection data, int... bounds) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 1.0;
        double measuredHi = 1.0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            boolean bound = false;
            for (int b : bounds) bound |= b == s;
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = data.getYValue(s, i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (!bound) measuredHi = Math.max(measuredHi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) lo = 0.1;
        hi = Math.min(Math.min(hi * 5, measuredHi * BOUND_HEADROOM), 1e300);
        return new Range(Math.max(Math.min(lo / 3, hi / 1000), 1e-300), hi);
    }

    /** Names the step after which a bound line leaves the top of the plot, in its legend entry. */
    private static void noteOffTheTop(XYSeries bound, double top) {
        double lastInside = Double.NaN;
        for (int i = 0; i < bound.getItemCount(); i++) {
            if (bound.getY(i).doubleValue() > top) {
                String note = Double.isNaN(lastInside) ? " (off the top)"
                        : String.format(Locale.ROOT, " (off the top after k = %d)", (int) lastInside);
                bound.setKey(bound.getKey() + note);
                return;
            }
            lastInside = bound.getX(i).doubleValue();
        }
    }

    private static XYLineAndShapeRenderer renderer(JFreeChart chart) {
        return (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    }

    private static void subtitle(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        t.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, t);
    }

    private static String rate(GradientCurve c) {
        int k = Math.min(c.steps() - 1, c.anchor() + 20);
        double r = c.ratePerStep(k);
        if (Double.isNaN(r)) return "";
        return String.format(Locale.ROOT, "  ·  ×%.3f per step back (first %d steps)", r, k - c.anchor());
    }
}
