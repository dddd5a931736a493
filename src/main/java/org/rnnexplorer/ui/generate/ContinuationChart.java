package org.rnnexplorer.ui.generate;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnexplorer.chart.ChartStyle;

/**
 * A series and its continuation: the values given (read by the model) solid and dark, the values the model wrote
 * alone (each its own prediction fed back) in orange with dots, joined at the last given step.
 */
public final class ContinuationChart {
    static final String GIVEN = "given (read by the model)";
    static final String WRITTEN = "written by the model alone";

    private ContinuationChart() {
    }

    /** {@code given} steps 0..P−1, then {@code continued} steps P..P+N−1. */
    public static JFreeChart of(double[] given, double[] continued) {
        XYSeries a = new XYSeries(GIVEN, false, true), b = new XYSeries(WRITTEN, false, true);
        for (int t = 0; t < given.length; t++) a.add(t + 1, given[t]);
        if (given.length > 0 && continued.length > 0) b.add(given.length, given[given.length - 1]);
        for (int i = 0; i < continued.length; i++) b.add(given.length + i + 1, continued[i]);
        return chart(a, b);
    }

    /** The input's first numbers, those from step {@code writtenFrom} on as written by the model (−1: none). */
    public static JFreeChart ofInput(double[][] rows, int writtenFrom) {
        int p = writtenFrom < 0 ? rows.length : Math.min(writtenFrom, rows.length);
        double[] given = new double[p], continued = new double[rows.length - p];
        for (int t = 0; t < rows.length; t++) {
            if (t < p) given[t] = rows[t][0];
            else continued[t - p] = rows[t][0];
        }
        return of(given, continued);
    }

    private static JFreeChart chart(XYSeries given, XYSeries written) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(given);
        data.addSeries(written);
        NumberAxis x = new NumberAxis("step");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("value");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("The series, continued alone", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        ChartStyle.compact(chart);
        r.setSeriesPaint(0, Color.DARK_GRAY);
        r.setSeriesPaint(1, new Color(0xE6, 0x9F, 0x00));
        r.setSeriesStroke(0, new java.awt.BasicStroke(2.5f));
        r.setSeriesStroke(1, new java.awt.BasicStroke(2.5f));
        r.setSeriesShapesVisible(1, true);
        return chart;
    }
}
