package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapViewportTest {
    private static final double EPS = 1e-9;

    @Test
    void fitShowsTheWholeSequence() {
        HeatmapViewport v = HeatmapViewport.fit(200_000);
        assertTrue(v.isFit());
        assertEquals(0, v.firstStep());
        assertEquals(199_999, v.lastStep());
        assertEquals(0, v.stepAt(0, 800));
        assertEquals(199_999, v.stepAt(800, 800));
        assertEquals(100_000, v.stepAt(400, 800));
    }

    @Test
    void zoomKeepsTheStepUnderTheAnchorInPlace() {
        HeatmapViewport v = HeatmapViewport.fit(1000).zoom(4, 0.25);
        assertEquals(250, v.span(), EPS);
        // the step at a quarter of the width was 250 and still is
        assertEquals(250, v.first() + 0.25 * v.span(), EPS);
        assertEquals(187.5, v.first(), EPS);
        HeatmapViewport back = v.zoom(0.25, 0.25);
        assertTrue(back.isFit());
        assertEquals(0, back.first(), EPS);
    }

    @Test
    void zoomStopsAtTheNarrowestSpanAndAtTheEdges() {
        HeatmapViewport v = HeatmapViewport.fit(1000).zoom(1e6, 1.0);
        assertEquals(HeatmapViewport.MIN_SPAN, v.span(), EPS);
        assertEquals(1000 - HeatmapViewport.MIN_SPAN, v.first(), EPS, "anchored at the right edge it stays at the end");
        assertEquals(999, v.lastStep());
        HeatmapViewport tiny = HeatmapViewport.fit(5).zoom(10, 0.5);
        assertEquals(5, tiny.span(), EPS, "a sequence shorter than the narrowest span shows whole");
        assertTrue(HeatmapViewport.fit(1000).zoom(0.1, 0.5).isFit(), "zooming out stops at the whole sequence");
    }

    @Test
    void panMovesByPixelsTimesStepsPerPixelAndStopsAtTheEnds() {
        HeatmapViewport v = new HeatmapViewport(10_000, 5_000, 1_000);
        HeatmapViewport right = v.pan(-100, 500); // drag left by 100 px: 100 × (1000 / 500) = 200 steps later
        assertEquals(5_200, right.first(), EPS);
        assertEquals(1_000, right.span(), EPS);
        assertEquals(4_800, v.pan(100, 500).first(), EPS);
        assertEquals(0, v.pan(1e9, 500).first(), EPS);
        assertEquals(9_000, v.pan(-1e9, 500).first(), EPS);
        assertEquals(5_200, right.firstStep());
        assertEquals(6_199, right.lastStep());
    }

    @Test
    void columnsPartitionTheVisibleStepsWithoutGapOrOverlap() {
        HeatmapViewport v = new HeatmapViewport(10_000, 1_234.5, 3_333);
        int cols = 700, covered = 0, prevEnd = v.columnStart(0, cols);
        assertEquals(1_234, prevEnd);
        for (int c = 0; c < cols; c++) {
            int t0 = v.columnStart(c, cols), t1 = v.columnEnd(c, cols);
            assertEquals(prevEnd, t0, "column " + c + " starts where the previous one ended");
            assertTrue(t1 > t0);
            covered += t1 - t0;
            prevEnd = t1;
        }
        assertEquals(v.lastStep() + 1, prevEnd, "the last column ends after the last visible step");
        assertEquals(v.lastStep() + 1 - v.firstStep(), covered);
    }

    @Test
    void whenZoomedInNeighbouringColumnsShowTheSameStep() {
        HeatmapViewport v = new HeatmapViewport(100, 10, 10); // 10 steps over 100 columns: 10 columns per step
        for (int c = 0; c < 100; c++) {
            assertEquals(10 + c / 10, v.columnStart(c, 100));
            assertEquals(v.columnStart(c, 100) + 1, v.columnEnd(c, 100));
        }
        assertEquals(15, v.stepAt(55, 100));
        assertEquals(50, v.xOf(15, 100), EPS);
    }

    @Test
    void showingMovesTheViewOnlyWhenTheStepIsOutside() {
        HeatmapViewport v = new HeatmapViewport(10_000, 100, 50);
        assertEquals(v, v.showing(120));
        assertEquals(500 - 49, v.showing(500).first(), EPS);
        assertEquals(20, v.showing(20).first(), EPS);
        assertEquals(475.5, v.centredOn(500).first(), EPS, "the middle of step 500 (500.5) in the middle of 50 steps");
    }

    @Test
    void aGrowingSequenceKeepsAFitViewFitAndAZoomedOneInPlace() {
        assertTrue(HeatmapViewport.fit(256).withSteps(512).isFit());
        assertEquals(512, HeatmapViewport.fit(256).withSteps(512).lastStep() + 1);
        HeatmapViewport z = new HeatmapViewport(1000, 100, 50).withSteps(2000);
        assertFalse(z.isFit());
        assertEquals(100, z.first(), EPS);
        assertEquals(50, z.span(), EPS);
    }
}
