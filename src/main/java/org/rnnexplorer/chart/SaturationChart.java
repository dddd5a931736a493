package org.rnnexplorer.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.Saturation;
import org.rnnexplorer.model.Trace;

/**
 * Saturation per gate: one horizontal bar per gate, split into the share of values near 0 (or −1), in between, and
 * near 1 (see {@link Saturation}). A gate that is mostly at its ends acts like a switch.
 */
public final class SaturationChart {
    static final String LOW = "near 0 (σ < 0.1) or −1 (tanh < −0.9)";
    static final String MIDDLE = "in between";
    static final String HIGH = "near 1 (> 0.9)";

    private SaturationChart() {
    }

    public static JFreeChart of(Trace trace, int layer) {
        List<Quantity> gates = Quantity.gates(trace.cell());
        if (gates.isEmpty()) gates = List.of(Quantity.HIDDEN);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Quantity q : gates) {
            Saturation s = Saturation.of(trace, layer, q);
            String name = q.title();
            data.addValue(100 * s.low(), LOW, name);
            data.addValue(100 * s.middle(), MIDDLE, name);
            data.addValue(100 * s.high(), HIGH, name);
        }
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis("share of values, all units and steps (%)");
        y.setRange(0, 100);
        StackedBarRenderer r = new StackedBarRenderer();
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0")));
        r.setDefaultItemLabelsVisible(true);
        r.setMaximumBarWidth(0.18);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String layerName = trace.layerCount() > 1 ? " (layer " + layer + ")" : "";
        JFreeChart chart = new JFreeChart("Gate saturation" + layerName, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        r.setSeriesPaint(0, new Color(0xE6, 0x9F, 0x00));
        r.setSeriesPaint(1, new Color(0xD9, 0xD9, 0xD9));
        r.setSeriesPaint(2, new Color(0x00, 0x72, 0xB2));
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        r.setDefaultItemLabelPaint(Color.BLACK);
        TextTitle t = new TextTitle("saturated gates act as switches and pass almost no gradient; T = "
                + trace.steps() + ", " + trace.hiddenSize() + " units", new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        t.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, t);
        return chart;
    }
}
