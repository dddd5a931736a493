package org.rnnexplorer.ui.race;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnexplorer.chart.ChartStyle;
import org.rnnexplorer.model.CellType;

/**
 * The race's live chart: the loss of the three cells above, their accuracy below, over one axis of batches, each
 * cell in its own colour (vanilla RNN vermillion, LSTM blue, GRU green). Built on the view model's series, so each
 * point the runs add redraws it.
 */
public final class RaceChart {
    private RaceChart() {
    }

    public static JFreeChart of(RaceViewModel vm, String title) {
        NumberAxis steps = new NumberAxis("batches");
        steps.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
        plot.setGap(12);
        XYSeriesCollection loss = new XYSeriesCollection(), accuracy = new XYSeriesCollection();
        for (CellType c : RaceViewModel.CELLS) {
            loss.addSeries(vm.lossSeries(c));
            accuracy.addSeries(vm.accuracySeries(c));
        }
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(true);
        plot.add(sub(loss, lossAxis), 1);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1.02);
        plot.add(sub(accuracy, accAxis), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 17));
        java.util.List<XYPlot> subs = plot.getSubplots();
        for (XYPlot p : subs) {
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
            for (int i = 0; i < RaceViewModel.CELLS.size(); i++) {
                r.setSeriesVisibleInLegend(i, p == subs.get(0)); // one legend entry per cell
                r.setSeriesPaint(i, ChartStyle.cellColor(RaceViewModel.CELLS.get(i)));
                r.setSeriesStroke(i, new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_ROUND,
                        java.awt.BasicStroke.JOIN_ROUND));
            }
        }
        return chart;
    }

    private static XYPlot sub(XYSeriesCollection data, NumberAxis axis) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot p = new XYPlot(data, null, axis, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return p;
    }
}
