package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.Quantity;

/** A heatmap of an unbounded quantity: the robust scale, its clipped cells and its key, the same on screen and exported. */
class HeatmapScaleExportTest {
    /** Two units over 100 steps: unit 0 is t + 1 (1 … 100), unit 1 is −(t + 1) / 10. */
    private static final HeatmapRaster.Columns DATA = new HeatmapRaster.Columns() {
        public int steps() { return 100; }

        public int units() { return 2; }

        public void readStep(int t, float[] out) {
            out[0] = t + 1;
            out[1] = -(t + 1) / 10f;
        }
    };

    @Test
    void perUnitScaleIsEachUnitsNinetyNinthPercentileAndTheCellBeyondItIsMarked() {
        HeatmapColours c = HeatmapColours.of(Quantity.Range.UNBOUNDED, HeatmapColours.Choice.PER_UNIT_99, DATA);
        assertEquals(99, c.scale().scale(0), 1e-9, "nearest rank: the 99th of 100 values");
        assertEquals(9.9, c.scale().scale(1), 1e-6);
        assertEquals(0.01, c.clippedShare(), 1e-9, "one cell of each unit lies beyond: 2 of 200");
        int[] argb = new int[100 * 2];
        new HeatmapRaster(2).render(DATA, HeatmapViewport.fit(100), 100, c, argb);
        assertEquals(ColorScale.BEYOND_HIGH, argb[99] & 0xffffff, "unit 0, step 99 (100 > 99) is drawn beyond");
        assertEquals(ColorScale.BEYOND_LOW, argb[100 + 99] & 0xffffff, "unit 1, step 99 (−10 < −9.9)");
        assertEquals(ColorScale.diverging(1).argbTable()[255] & 0xffffff, argb[98] & 0xffffff, "99 is the end of the map");
    }

    @Test
    void theExportKeepsTheScaleTheBeyondColoursAndSaysWhichScale() {
        HeatmapColours c = HeatmapColours.of(Quantity.Range.UNBOUNDED, HeatmapColours.Choice.PER_UNIT_99, DATA);
        JFreeChart chart = StateHeatmap.of(DATA, 0, 100, Quantity.CELL, c, null, 50, "C");
        XYZDataset d = (XYZDataset) chart.getXYPlot().getDataset();
        ColorScale paint = (ColorScale) ((XYBlockRenderer) chart.getXYPlot().getRenderer()).getPaintScale();
        for (int i = 0; i < d.getItemCount(0); i++) {
            int t = (int) d.getXValue(0, i), u = (int) d.getYValue(0, i);
            double v = u == 0 ? t + 1 : -(t + 1) / 10.0;
            assertEquals(v / c.scale().scale(u), d.getZValue(0, i), 1e-6, "z is v / s_u");
        }
        assertEquals(new Color(ColorScale.BEYOND_HIGH), paint.getPaint(100 / 99.0));
        assertEquals(new Color(ColorScale.BEYOND_LOW), paint.getPaint(-10 / 9.9));
        PaintScaleLegend key = (PaintScaleLegend) chart.getSubtitles().stream().filter(s -> s instanceof PaintScaleLegend)
                .findFirst().orElseThrow();
        assertTrue(key.getScale().getUpperBound() > 1, "the key shows the beyond colours past ±1");
        assertEquals(new Color(ColorScale.BEYOND_HIGH), key.getScale().getPaint(key.getScale().getUpperBound()));
        String note = chart.getSubtitles().stream().filter(s -> s instanceof TextTitle).map(s -> ((TextTitle) s).getText())
                .findFirst().orElseThrow();
        assertTrue(note.contains("per unit: its 99th percentile of |value|") && note.contains("1.0 % of cells beyond"), note);
    }
}
