package org.rnnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.rnnexplorer.model.CellType;

/**
 * The look every chart shares: opaque white background (transparent charts blur text on a projector), large sans
 * fonts, light grid, and colour-blind-safe colours (Okabe–Ito) with one fixed colour per cell.
 */
public final class ChartStyle {
    public static final Color RNN_COLOR = new Color(0xD5, 0x5E, 0x00);   // vermillion
    public static final Color LSTM_COLOR = new Color(0x00, 0x72, 0xB2);  // blue
    public static final Color GRU_COLOR = new Color(0x00, 0x9E, 0x73);   // bluish green
    public static final Color EXPLODING = new Color(0xD5, 0x5E, 0x00, 40);
    public static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    private static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00), new Color(0x99, 0x88, 0x22)};

    private ChartStyle() {
    }

    /** Fonts, white background, grid and flat bars; call after the plot is built, before series colours are set. */
    public static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(Color.BLACK);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        if (chart.getPlot() instanceof XYPlot) {
            XYPlot p = (XYPlot) chart.getPlot();
            p.setOutlinePaint(Color.GRAY);
        }
        return chart;
    }

    /**
     * Smaller type for a chart shown in a narrow side panel: the title, axes, ticks and legend shrink, and the
     * explanatory subtitles go (the panel says what L is above the chart). Changes {@code chart} in place.
     */
    public static JFreeChart compact(JFreeChart chart) {
        if (chart.getTitle() != null) chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle) chart.removeSubtitle(chart.getSubtitle(i));
        }
        if (chart.getLegend() != null) chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (chart.getPlot() instanceof XYPlot) {
            XYPlot p = (XYPlot) chart.getPlot();
            for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[] {p.getDomainAxis(), p.getRangeAxis()}) {
                if (a == null) continue;
                a.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            }
        }
        return chart;
    }

    /** The colour of a cell in every chart: vanilla RNN vermillion, LSTM blue, GRU green. */
    public static Color cellColor(CellType cell) {
        switch (cell) {
            case RNN: return RNN_COLOR;
            case LSTM: return LSTM_COLOR;
            default: return GRU_COLOR;
        }
    }

    /** The i-th line colour (units, series); repeats after eight. */
    public static Paint seriesColor(int i) {
        return SERIES[i % SERIES.length];
    }

    static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 7f}, 0f);
    }

    static Stroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 6f}, 0f);
    }
}
