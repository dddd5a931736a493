package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.analysis.TestModels;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

/** The window's narrow Gradient panel shows a compact copy of the gradient chart: small type, no subtitles. */
class ChartStyleCompactTest {

    @Test
    void compactChartKeepsTitleLegendAndSeriesButDropsTheSubtitlesAndShrinksTheType() throws Exception {
        RnnModel m = TestModels.random(CellType.LSTM, 4, 8, 1.0, 1.0, 1);
        GradientCurve curve = GradientCurves.of(m, InputBatch.ofVectors(TestModels.input(30, 4, 1.0, 2)),
                GradientObjective.sumOfLastState(), "LSTM");
        JFreeChart full = GradientChart.of(curve);
        int textSubtitles = 0;
        for (int i = 0; i < full.getSubtitleCount(); i++) if (full.getSubtitle(i) instanceof TextTitle) textSubtitles++;
        assertTrue(textSubtitles > 0, "the full chart explains itself in a subtitle");

        JFreeChart small = ChartStyle.compact((JFreeChart) full.clone());
        for (int i = 0; i < small.getSubtitleCount(); i++)
            assertTrue(!(small.getSubtitle(i) instanceof TextTitle), "no text subtitle in the compact chart");
        assertNotNull(small.getLegend(), "the legend stays");
        assertTrue(small.getTitle().getFont().getSize() < full.getTitle().getFont().getSize());
        XYPlot p = (XYPlot) small.getPlot(), q = (XYPlot) full.getPlot();
        assertTrue(p.getRangeAxis().getLabelFont().getSize() < q.getRangeAxis().getLabelFont().getSize());
        assertEquals(q.getDataset().getSeriesCount(), p.getDataset().getSeriesCount(), "the same curves");
        int after = 0;
        for (int i = 0; i < full.getSubtitleCount(); i++) if (full.getSubtitle(i) instanceof TextTitle) after++;
        assertEquals(textSubtitles, after, "the chart that is exported keeps its subtitles");
    }
}
