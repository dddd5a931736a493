package org.rnnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.Trace;

/**
 * A heatmap of one quantity (h, c or a gate) of one layer: units up, steps across, one block per unit and step.
 * σ gates use a sequential palette over [0, 1]; tanh blocks and h a diverging one over [−1, 1]; c a diverging one
 * over ±max|c|. A box marks the cursor step.
 */
public final class StateHeatmap {
    private StateHeatmap() {
    }

    /**
     * @param tokens the input tokens (written under the steps when there are few enough), or null
     * @param cursor the step to mark, or −1 for none
     */
    public static JFreeChart of(Trace trace, int layer, Quantity quantity, List<String> tokens, int cursor) {
        int steps = trace.steps();
        int hidden = trace.hiddenSize();
        double[][] xyz = new double[3][steps * hidden];
        double maxAbs = 0;
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < hidden; u++) {
                int i = t * hidden + u;
                double v = quantity.value(trace, layer, t, u);
                xyz[0][i] = t;
                xyz[1][i] = u;
                xyz[2][i] = v;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(quantity.id(), xyz);
        ColorScale scale = scaleFor(quantity, maxAbs);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(1.0);
        r.setBlockHeight(1.0);
        NumberAxis y = new NumberAxis("unit");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(-0.5, hidden - 0.5);
        y.setInverted(true); // unit 0 on top, as in a table
        XYPlot plot = new XYPlot(data, StepAxes.time(tokens, steps), y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (cursor >= 0 && cursor < steps) {
            IntervalMarker box = new IntervalMarker(cursor - 0.5, cursor + 0.5, new Color(0, 0, 0, 0));
            box.setOutlinePaint(Color.BLACK);
            box.setOutlineStroke(new BasicStroke(3f));
            plot.addDomainMarker(box, Layer.FOREGROUND);
        }
        String layerName = trace.layerCount() > 1 ? " (layer " + layer + ")" : "";
        JFreeChart chart = new JFreeChart(quantity.title() + layerName, JFreeChart.DEFAULT_TITLE_FONT,
                plot, false);
        ChartStyle.apply(chart);
        plot.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis(quantity.id() + (quantity.squash().isEmpty() ? "" : " (" + quantity.squash() + ")"));
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        legendAxis.setTickLabelFont(chart.getXYPlot().getRangeAxis().getTickLabelFont());
        legendAxis.setLabelFont(chart.getXYPlot().getRangeAxis().getLabelFont());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(22);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** The palette of a quantity: sequential for σ gates, diverging around 0 otherwise. */
    public static ColorScale scaleFor(Quantity quantity, double maxAbs) {
        switch (quantity.range()) {
            case SIGMOID: return ColorScale.sequential(0, 1);
            case TANH: return ColorScale.diverging(1);
            default: return ColorScale.diverging(maxAbs > 0 ? maxAbs : 1);
        }
    }
}
