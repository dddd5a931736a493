package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.Saturation;
import org.rnnexplorer.analysis.TestModels;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** What the charts hold: the numbers of the trace and the curves, on the axes and palettes the lecture uses. */
class ChartContentTest {

    private static Trace lstmTrace(int steps, double forgetBias) {
        RnnModel m = TestModels.random(CellType.LSTM, 3, 5, 1.0, forgetBias, 2);
        return ForwardPass.run(m, InputBatch.ofVectors(TestModels.input(steps, 3, 1.0, 3)));
    }

    @Test
    void gradientChartPlotsTheNormRelativeToWhereTheErrorEntersOnALogScale() {
        RnnModel m = TestModels.vanilla(3, 8, 0.8, 1);
        GradientCurve c = GradientCurves.of(m, InputBatch.ofVectors(TestModels.input(20, 3, 1e-6, 2)),
                GradientObjective.sumOfLastState(), "vanilla RNN");
        JFreeChart chart = GradientChart.of(c);
        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertEquals(GradientChart.X_LABEL, plot.getDomainAxis().getLabel());
        XYDataset d = plot.getDataset();
        assertEquals(2, d.getSeriesCount(), "the curve and the bound");
        assertTrue(d.getSeriesKey(1).toString().startsWith("bound σ_max(W_hh)^k"));
        for (int k = 0; k < 20; k++) {
            assertEquals(k, d.getXValue(0, k), 0.0);
            assertEquals(c.norm()[k] / c.norm()[0], d.getYValue(0, k), 1e-12);
            assertEquals(Math.pow(0.8, k), d.getYValue(1, k), 1e-9, "the bound starts at 1 and falls by σ_max");
        }
        assertTrue(plot.getRangeMarkers(Layer.BACKGROUND).stream()
                .anyMatch(mk -> mk instanceof IntervalMarker && ((IntervalMarker) mk).getStartValue() == 1.0
                        && "exploding (> 1)".equals(mk.getLabel())), "the band above 1 is marked as exploding");
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText();
        assertTrue(subtitle.contains(String.format(java.util.Locale.ROOT,
                "divided by ‖∂L/∂h_t‖ = %.3g at k = 0, so the curve starts at 1", c.norm()[0])),
                "the subtitle says in words what 1 on the log axis is: " + subtitle);
    }

    @Test
    void aZeroGradientIsLeftOutRatherThanDrawnAtMinusInfinity() {
        RnnModel m = TestModels.vanilla(3, 4, 0.0, 1); // W_hh = 0: nothing reaches back
        GradientCurve c = GradientCurves.of(m, InputBatch.ofVectors(TestModels.input(6, 3, 1.0, 2)),
                GradientObjective.sumOfLastState(), "vanilla RNN");
        XYDataset d = GradientChart.of(c).getXYPlot().getDataset();
        assertEquals(1, d.getItemCount(0), "only k = 0 has a gradient");
    }

    @Test
    void gateChartHasALinePerUnitAndTheGatesRange() {
        Trace trace = lstmTrace(10, Double.NaN);
        List<String> tokens = List.of("a", "b", " ", "c", "\n", "d", "e", "f", "g", "h");
        List<JFreeChart> charts = GateChart.allGates(trace, 0, new int[] {0, 3}, tokens, 2);
        assertEquals(4, charts.size(), "input, forget, candidate, output");
        assertEquals("Forget gate f_t", charts.get(1).getTitle().getText());
        XYPlot forget = charts.get(1).getXYPlot();
        assertEquals(2, forget.getDataset().getSeriesCount());
        assertEquals("unit 3", forget.getDataset().getSeriesKey(1));
        assertEquals(trace.gate(0, 1, 7, 3), forget.getDataset().getYValue(1, 7), 0.0);
        assertTrue(forget.getRangeAxis().getLowerBound() > -0.05 && forget.getRangeAxis().getUpperBound() < 1.05);
        XYPlot candidate = charts.get(2).getXYPlot();
        assertTrue(candidate.getRangeAxis().getLowerBound() < -1 && candidate.getRangeAxis().getUpperBound() > 1);
        SymbolAxis x = (SymbolAxis) forget.getDomainAxis();
        assertEquals("\u2423", x.getSymbols()[2], "a space is shown as ␣");
        assertEquals("\u21B5", x.getSymbols()[4], "a newline as ↵");
    }

    @Test
    void saturationSharesAddUpAndSeeForgetGatesStuckOpen() {
        Trace trace = lstmTrace(30, 12.0);
        Saturation f = Saturation.of(trace, 0, Quantity.gate(CellType.LSTM, 1));
        assertEquals(1.0, f.high(), 0.0, "σ(12 ± small) > 0.9 everywhere");
        for (Quantity q : Quantity.gates(CellType.LSTM)) {
            Saturation s = Saturation.of(trace, 0, q);
            assertEquals(1.0, s.low() + s.middle() + s.high(), 1e-12);
        }
        CategoryPlot plot = SaturationChart.of(trace, 0).getCategoryPlot();
        assertEquals(100.0, plot.getDataset().getValue(SaturationChart.HIGH, "Forget gate f_t").doubleValue(), 1e-9);
    }

    @Test
    void heatmapHoldsEveryUnitAndStepWithTheRightPalette() {
        Trace trace = lstmTrace(7, Double.NaN);
        JFreeChart forget = StateHeatmap.of(trace, 0, Quantity.gate(CellType.LSTM, 1), null, 3);
        XYPlot plot = forget.getXYPlot();
        XYZDataset d = (XYZDataset) plot.getDataset();
        assertEquals(7 * 5, d.getItemCount(0));
        for (int i = 0; i < d.getItemCount(0); i++) {
            int t = (int) d.getXValue(0, i);
            int u = (int) d.getYValue(0, i);
            assertEquals(trace.gate(0, 1, t, u), d.getZValue(0, i), 0.0);
        }
        ColorScale seq = (ColorScale) ((XYBlockRenderer) plot.getRenderer()).getPaintScale();
        assertEquals(0.0, seq.getLowerBound());
        assertEquals(1.0, seq.getUpperBound());
        assertTrue(brightness(seq.getPaint(0)) > brightness(seq.getPaint(0.5)), "sequential: light to dark");
        assertTrue(brightness(seq.getPaint(0.5)) > brightness(seq.getPaint(1)));
        assertFalse(plot.getDomainMarkers(Layer.FOREGROUND).isEmpty(), "the cursor is marked");

        XYPlot cell = StateHeatmap.of(trace, 0, Quantity.CELL, null, -1).getXYPlot();
        ColorScale div = (ColorScale) ((XYBlockRenderer) cell.getRenderer()).getPaintScale();
        assertEquals(-div.getLowerBound(), div.getUpperBound(), 0.0, "diverging: symmetric around 0");
        assertTrue(brightness(div.getPaint(0)) > brightness(div.getPaint(div.getUpperBound())), "white at 0");
        assertTrue(brightness(div.getPaint(0)) > brightness(div.getPaint(div.getLowerBound())));
        Color lo = (Color) div.getPaint(div.getLowerBound());
        Color hi = (Color) div.getPaint(div.getUpperBound());
        assertTrue(lo.getBlue() > lo.getRed() && hi.getRed() > hi.getBlue(), "blue below 0, red above");
    }

    private static double brightness(java.awt.Paint p) {
        Color c = (Color) p;
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
