package org.rnnexplorer.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.Trace;

/**
 * Gate activations (or h, c) over time for selected units: one line per unit, one chart per quantity. A σ gate's
 * axis is [0, 1] (0 = closed, 1 = open), a tanh quantity's [−1, 1]; the cell state's axis fits its values.
 */
public final class GateChart {
    private GateChart() {
    }

    /**
     * One quantity of one layer for the given units (sequence 0).
     *
     * @param tokens the input tokens (written under the steps when there are few enough), or null for numeric input
     * @param cursor a step to mark (the step the window is showing), or −1 for none
     */
    public static JFreeChart of(Trace trace, int layer, Quantity quantity, int[] units, List<String> tokens,
                                int cursor) {
        checkUnits(trace, units);
        XYSeriesCollection data = new XYSeriesCollection();
        for (int u : units) {
            XYSeries s = new XYSeries("unit " + u, false, true);
            for (int t = 0; t < trace.steps(); t++) s.add(t, quantity.value(trace, layer, t, u));
            data.addSeries(s);
        }
        NumberAxis y = new NumberAxis(yLabel(quantity));
        switch (quantity.range()) {
            case SIGMOID: y.setRange(-0.02, 1.02); break;
            case TANH: y.setRange(-1.04, 1.04); break;
            default: y.setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, trace.steps() <= 40);
        r.setLegendLine(new Line2D.Double(-18, 0, 18, 0));
        XYPlot plot = new XYPlot(data, StepAxes.time(tokens, trace.steps()), y, r);
        if (quantity.range() == Quantity.Range.SIGMOID) {
            plot.addRangeMarker(band(0.9, 1.02, new Color(0x00, 0x9E, 0x73, 28)), Layer.BACKGROUND);
            plot.addRangeMarker(band(-0.02, 0.1, new Color(0xD5, 0x5E, 0x00, 22)), Layer.BACKGROUND);
        }
        plot.addRangeMarker(new ValueMarker(quantity.range() == Quantity.Range.SIGMOID ? 0.5 : 0.0,
                Color.GRAY, ChartStyle.dashed(1f)), Layer.BACKGROUND);
        if (cursor >= 0 && cursor < trace.steps()) plot.addDomainMarker(cursorBand(cursor), Layer.BACKGROUND);
        String layerName = trace.layerCount() > 1 ? " (layer " + layer + ")" : "";
        JFreeChart chart = new JFreeChart(quantity.title() + layerName, JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        ChartStyle.apply(chart);
        for (int i = 0; i < units.length; i++) {
            r.setSeriesPaint(i, ChartStyle.seriesColor(i));
            r.setSeriesStroke(i, ChartStyle.solid(3f));
        }
        String hint = hint(quantity);
        if (!hint.isEmpty()) {
            TextTitle t = new TextTitle(hint, new Font(Font.SANS_SERIF, Font.PLAIN, 17));
            t.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, t);
        }
        return chart;
    }

    /** One chart per gate of the cell (the vanilla RNN, which has none, gets its hidden state). */
    public static List<JFreeChart> allGates(Trace trace, int layer, int[] units, List<String> tokens, int cursor) {
        List<JFreeChart> out = new ArrayList<>();
        List<Quantity> gates = Quantity.gates(trace.cell());
        if (gates.isEmpty()) gates = List.of(Quantity.HIDDEN);
        for (Quantity q : gates) out.add(of(trace, layer, q, units, tokens, cursor));
        return out;
    }

    /** Units 0 .. n−1 (at most the hidden size): a default selection. */
    public static int[] firstUnits(int hidden, int n) {
        int[] u = new int[Math.min(hidden, n)];
        for (int i = 0; i < u.length; i++) u[i] = i;
        return u;
    }

    static void checkUnits(Trace trace, int[] units) {
        if (units.length == 0) throw new IllegalArgumentException("no unit selected");
        for (int u : units)
            if (u < 0 || u >= trace.hiddenSize())
                throw new IllegalArgumentException("unit " + u + " is outside the " + trace.hiddenSize() + " hidden units");
    }

    static IntervalMarker cursorBand(int step) {
        IntervalMarker m = new IntervalMarker(step - 0.5, step + 0.5, new Color(0, 0, 0, 30));
        m.setOutlinePaint(null);
        return m;
    }

    private static IntervalMarker band(double from, double to, Color color) {
        IntervalMarker m = new IntervalMarker(from, to, color);
        m.setOutlinePaint(null);
        return m;
    }

    private static String yLabel(Quantity q) {
        String s = q.squash();
        return q.id() + (s.isEmpty() ? "" : " = " + s + "(…)");
    }

    /** What 0 and 1 mean for the gate, in the lecture's words. */
    static String hint(Quantity q) {
        return switch (q) {
            case FORGET_GATE -> "1 = keep the cell state, 0 = forget it";
            case INPUT_GATE -> "how much of the candidate is written to the cell state";
            case OUTPUT_GATE -> "how much of tanh(C_t) becomes the hidden state";
            case UPDATE_GATE -> "1 = keep the old hidden state, 0 = take the candidate";
            case RESET_GATE -> "0 = ignore the past hidden state in the candidate";
            case LSTM_CANDIDATE -> "new values that may be added to the cell state";
            case GRU_CANDIDATE -> "new hidden state proposed";
            case CELL -> "the LSTM's memory: carried from step to step, scaled by f";
            case HIDDEN -> "the short-term memory passed to the next step";
        };
    }
}
