package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.model.CellType;

/** A vanilla bound σ_max^k far above the measured gradients must not set the top of the y axis. */
class GradientChartRangeTest {
    private static final int T = 100;

    /** Measured norms that grow ×1.05 per step back (about 131 at k = 99); bound σ_max = 4, so 4^99 ≈ 4e59. */
    private static GradientCurve explodingBound() {
        double[] norm = new double[T];
        double[] bound = new double[T];
        for (int k = 0; k < T; k++) {
            norm[k] = Math.pow(1.05, k);
            bound[k] = Math.pow(4, k);
        }
        return new GradientCurve("vanilla RNN", CellType.RNN, "L = h_T · 1", norm, 0, 4.0, bound, null, null);
    }

    private static double measuredMax(GradientCurve c) {
        double m = 1;
        for (double v : c.norm()) m = Math.max(m, v);
        return m;
    }

    @Test
    void theTopOfTheAxisFollowsTheMeasuredCurveNotABoundOf1e60() {
        GradientCurve c = explodingBound();
        assertTrue(c.bound()[T - 1] > 1e59, "the bound does reach ~1e60");
        JFreeChart chart = GradientChart.of(c);
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        double top = y.getUpperBound();
        double max = measuredMax(c);
        assertTrue(top >= max, "the measured curve fits: top " + top + ", max " + max);
        assertTrue(top <= max * 1e4, "within a few decades of the measured maximum: top " + top + ", max " + max);
        // the bound is 1e3 × max at k = log(1e3 · 1.05^k)/log 4 …: the legend names the last step still inside
        XYDataset d = chart.getXYPlot().getDataset();
        String key = d.getSeriesKey(1).toString();
        int lastInside = -1;
        for (int k = 0; k < T; k++) if (c.bound()[k] <= top) lastInside = k;
        assertTrue(lastInside > 0 && lastInside < T - 1);
        assertTrue(key.endsWith("(off the top after k = " + lastInside + ")"), key);
    }

    @Test
    void theComparisonChartIsNotSquashedByTheBoundEither() {
        GradientCurve c = explodingBound();
        JFreeChart chart = GradientChart.compare(List.of(c));
        double top = chart.getXYPlot().getRangeAxis().getUpperBound();
        assertTrue(top <= measuredMax(c) * 1e4, "top " + top);
        assertTrue(chart.getXYPlot().getDataset().getSeriesKey(1).toString().contains("off the top after k = "));
    }

    @Test
    void aBoundThatStaysCloseToTheCurveIsShownWholeWithoutANote() {
        double[] norm = new double[20];
        double[] bound = new double[20];
        for (int k = 0; k < 20; k++) {
            norm[k] = Math.pow(0.9, k);
            bound[k] = Math.pow(1.2, k); // ≈ 32 at k = 19, below 1e3
        }
        GradientCurve c = new GradientCurve("vanilla RNN", CellType.RNN, "L", norm, 0, 1.2, bound, null, null);
        JFreeChart chart = GradientChart.of(c);
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= bound[19]);
        assertEquals(-1, chart.getXYPlot().getDataset().getSeriesKey(1).toString().indexOf("off the top"));
    }
}
