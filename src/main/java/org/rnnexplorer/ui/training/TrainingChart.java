package org.rnnexplorer.ui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnexplorer.chart.ChartStyle;

/**
 * The live training chart: loss, accuracy and the gradient norm (log scale) stacked over one axis of training steps.
 * Built on the series it is given, so adding to them redraws it.
 */
public final class TrainingChart {
    private TrainingChart() {
    }

    public static JFreeChart of(XYSeries loss, XYSeries accuracy, XYSeries gradientNorm, String title) {
        NumberAxis steps = new NumberAxis("training step (batches)");
        steps.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
        plot.setGap(12);
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(true);
        plot.add(sub(loss, lossAxis, ChartStyle.LSTM_COLOR), 3);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1.02);
        plot.add(sub(accuracy, accAxis, ChartStyle.GRU_COLOR), 2);
        LogAxis normAxis = new LogAxis("‖∇‖ (log)");
        normAxis.setSmallestValue(1e-8);
        normAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.add(sub(gradientNorm, normAxis, ChartStyle.RNN_COLOR), 2);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        Color[] colors = {ChartStyle.LSTM_COLOR, ChartStyle.GRU_COLOR, ChartStyle.RNN_COLOR};
        List<XYPlot> subs = plot.getSubplots();
        for (int i = 0; i < subs.size(); i++) {
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) subs.get(i).getRenderer();
            r.setSeriesPaint(0, colors[i]);
            r.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return chart;
    }

    /** A frozen copy (for export while the run goes on). */
    public static JFreeChart snapshot(XYSeries loss, XYSeries accuracy, XYSeries gradientNorm, String title) {
        try {
            return of((XYSeries) loss.clone(), (XYSeries) accuracy.clone(), (XYSeries) gradientNorm.clone(), title);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XYPlot sub(XYSeries series, org.jfree.chart.axis.ValueAxis axis, Color color) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        XYPlot p = new XYPlot(new XYSeriesCollection(series), null, axis, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return p;
    }
}
