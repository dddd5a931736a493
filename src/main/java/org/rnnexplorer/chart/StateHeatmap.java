package org.rnnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.Trace;

/**
 * A heatmap of one quantity (h, c or a gate) of one layer: units up, steps across, one block per unit and step (or,
 * for a long stretch, per column of steps, their mean as {@link HeatmapRaster} takes it). σ gates use a sequential
 * palette over [0, 1]; tanh blocks and h a diverging one over [−1, 1]; c a diverging one over its robust scale
 * ({@link HeatmapColours}: by default each unit's 99th percentile of |c|, the cells showing c / s_u), with the cells
 * beyond the scale in the "beyond" colours, which the legend shows, and a subtitle naming the scale and the share of
 * clipped cells: the same as the window shows. A box marks the cursor step.
 */
public final class StateHeatmap {
    /** A stretch longer than this many steps is drawn in this many columns. */
    public static final int MAX_COLUMNS = 800;

    private StateHeatmap() {
    }

    /**
     * Every step of a full trace, c on the default scale (per unit, 99th percentile).
     *
     * @param tokens the input tokens (written under the steps when there are few enough), or null
     * @param cursor the step to mark, or −1 for none
     */
    public static JFreeChart of(Trace trace, int layer, Quantity quantity, List<String> tokens, int cursor) {
        HeatmapRaster.Columns data = HeatmapRaster.of(trace, layer, quantity);
        HeatmapColours colours = HeatmapColours.of(quantity.range(), HeatmapColours.Choice.PER_UNIT_99, data);
        int steps = trace.steps(), hidden = trace.hiddenSize();
        double[][] xyz = new double[3][steps * hidden];
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < hidden; u++) {
                int i = t * hidden + u;
                xyz[0][i] = t;
                xyz[1][i] = u;
                xyz[2][i] = zOf(colours, u, quantity.value(trace, layer, t, u));
            }
        }
        String layerName = trace.layerCount() > 1 ? " (layer " + layer + ")" : "";
        return build(xyz, 1, StepAxes.time(tokens, steps), hidden, quantity, colours, cursor, quantity.title() + layerName);
    }

    /**
     * Steps {@code from..to−1} of a long trace's columns (what a zoomed heatmap shows), coloured by {@code colours}
     * (the window's, so that the export matches the screen).
     */
    public static JFreeChart of(HeatmapRaster.Columns data, int from, int to, Quantity quantity, HeatmapColours colours,
                                List<String> tokens, int cursor, String title) {
        int span = to - from, units = data.units(), cols = Math.min(span, MAX_COLUMNS);
        HeatmapViewport vp = new HeatmapViewport(Math.max(to, data.steps()), from, span);
        float[] means = new float[cols * units];
        new HeatmapRaster(units).means(data, vp, cols, means);
        double[][] xyz = new double[3][cols * units];
        boolean labelled = tokens != null && span <= StepAxes.MAX_TOKEN_LABELS && cols == span;
        for (int c = 0; c < cols; c++) {
            double x = labelled ? c : (vp.columnStart(c, cols) + vp.columnEnd(c, cols) - 1) / 2.0;
            for (int u = 0; u < units; u++) {
                int i = c * units + u;
                xyz[0][i] = x;
                xyz[1][i] = u;
                xyz[2][i] = zOf(colours, u, means[u * cols + c]);
            }
        }
        ValueAxis axis;
        if (labelled) {
            axis = StepAxes.time(tokens.subList(from, to), span);
            axis.setLabel(String.format(Locale.ROOT, "input token (steps %,d … %,d)", from, to - 1));
        } else {
            NumberAxis n = new NumberAxis(cols < span ? String.format(Locale.ROOT,
                    "step t (each column: the mean of up to %d of its %.1f steps)", HeatmapRaster.MAX_READS,
                    (double) span / cols) : "step t");
            n.setAutoRangeIncludesZero(false);
            n.setRange(from - 0.5, to - 0.5);
            axis = n;
        }
        int mark = labelled && cursor >= from && cursor < to ? cursor - from : cursor;
        return build(xyz, labelled ? 1 : (double) span / cols, axis, units, quantity, colours, mark, title);
    }

    /** What the paint scale reads: the value, or for a robust scale v / s_u (beyond ±1 when clipped). */
    private static double zOf(HeatmapColours colours, int unit, double v) {
        if (colours.scale() == null) return v;
        double s = colours.scale().scale(unit);
        return s > 0 ? v / s : v == 0 ? 0 : Math.signum(v) * 2;
    }

    private static JFreeChart build(double[][] xyz, double blockWidth, ValueAxis x, int hidden, Quantity quantity,
                                    HeatmapColours colours, int cursor, String title) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(quantity.id(), xyz);
        ColorScale scale = scaleFor(quantity, colours);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(blockWidth);
        r.setBlockHeight(1.0);
        NumberAxis y = new NumberAxis("unit");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(-0.5, hidden - 0.5);
        y.setInverted(true); // unit 0 on top, as in a table
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (cursor >= 0) {
            IntervalMarker box = new IntervalMarker(cursor - 0.5, cursor + 0.5, new Color(0, 0, 0, 0));
            box.setOutlinePaint(Color.BLACK);
            box.setOutlineStroke(new BasicStroke(3f));
            plot.addDomainMarker(box, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        plot.setBackgroundPaint(Color.WHITE);
        String symbol = quantity == Quantity.CELL ? "C" : quantity.symbol();
        NumberAxis legendAxis = new NumberAxis(colours.scale() == null
                ? quantity.id() + (quantity.squash().isEmpty() ? "" : " (" + quantity.squash() + ")")
                : symbol + (colours.scale().isGlobal() ? " / s" : " / s_u") + " (darkest: beyond the scale)");
        PaintScale key = colours.scale() == null ? scale : new BeyondKey(scale);
        legendAxis.setRange(key.getLowerBound(), key.getUpperBound());
        legendAxis.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
        legendAxis.setLabelFont(plot.getRangeAxis().getLabelFont());
        PaintScaleLegend legend = new PaintScaleLegend(key, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(22);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        if (colours.scale() != null) {
            TextTitle note = new TextTitle(colours.legend(symbol) + String.format(Locale.ROOT,
                    "; %.1f %% of cells beyond it, in the darkest blue and red", 100 * colours.clippedShare()),
                    plot.getRangeAxis().getLabelFont());
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(note);
        }
        return chart;
    }

    /**
     * The key of a scale that clips: the map over [−1, 1] and, past its ends to ±1.15, the "beyond" colours the
     * clipped cells are drawn in (every colour from the {@link ColorScale} it wraps).
     */
    private record BeyondKey(ColorScale scale) implements PaintScale, java.io.Serializable {
        @Override
        public double getLowerBound() { return -1.15; }

        @Override
        public double getUpperBound() { return 1.15; }

        @Override
        public java.awt.Paint getPaint(double value) { return scale.getPaint(value); }
    }

    /** The palette of a quantity: sequential for σ gates, diverging around 0 otherwise (a robust scale: ±1, marking beyond). */
    static ColorScale scaleFor(Quantity quantity, HeatmapColours colours) {
        return switch (quantity.range()) {
            case SIGMOID -> ColorScale.sequential(0, 1);
            case TANH -> ColorScale.diverging(1);
            case UNBOUNDED -> ColorScale.diverging(1).markingBeyond();
        };
    }
}
