package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The robust colour scale: its quantiles are the nearest-rank ones, and on data with a few huge cells (what a
 * saturated cell-state unit does to a heatmap) it keeps most cells coloured where the largest-|value| scale turns
 * them white, flagging the cells it clips.
 */
class RobustScaleTest {

    static RobustScale.Grid grid(double[][] v) {
        return new RobustScale.Grid() {
            public int steps() { return v.length; }

            public int units() { return v[0].length; }

            public double value(int step, int unit) { return v[step][unit]; }
        };
    }

    @Test
    void thePercentileIsTheNearestRankQuantileOfTheMagnitudes() {
        double[][] v = new double[1000][1];
        for (int i = 0; i < 1000; i++) v[i][0] = (i % 2 == 0 ? 1 : -1) * (i + 1); // |v| = 1..1000
        RobustScale s = RobustScale.percentile(grid(v), 0.99);
        assertTrue(s.scale(0) >= 990 && s.scale(0) <= 990 * (1 + 0x1p-7), "scale " + s.scale(0));
        assertEquals(1000, RobustScale.perUnit(grid(v), 1.0).scale(0));
        assertEquals(990, RobustScale.perUnit(grid(v), 0.99).scale(0));
        assertEquals(1, RobustScale.perUnit(grid(v), 0.0001).scale(0), "the smallest rank is 1");
    }

    @Test
    void aFewHugeCellsDoNotWashOutTheRest() {
        Random r = new Random(1);
        double[][] v = new double[5000][16];
        for (double[] row : v) for (int u = 0; u < 16; u++) row[u] = r.nextGaussian();
        for (int t = 0; t < 5000; t += 500) v[t][3] = 40; // a saturated unit now and then: 10 of 80,000 cells
        RobustScale byMax = RobustScale.perUnit(grid(v), 1.0), shared = RobustScale.percentile(grid(v), 1.0);
        RobustScale robust = RobustScale.percentile(grid(v), 0.99);
        assertTrue(shared.nearZeroShare(grid(v), 0.05) > 0.9, "largest |v| for all: almost all white");
        double white = robust.nearZeroShare(grid(v), 0.05);
        assertTrue(white < 0.15, white + " near-white under the 99th percentile"); // |N(0,1)| < 0.05·2.58 is 10 %
        assertEquals(40, byMax.scale(3), "per unit, by its largest: unit 3 alone is scaled by its outliers");
        assertTrue(byMax.scale(0) < 6, "and the others by their own");
        double clipped = robust.clippedShare(grid(v));
        assertEquals(0.01, clipped, 0.002, "the top 1 % is clipped");
        assertTrue(robust.isClipped(3, 40));
        assertEquals(1.0, robust.normalized(3, 40));
        assertEquals(-1.0, robust.normalized(3, -40));
        assertFalse(robust.isClipped(0, 0.5));
        assertEquals(0.5 / robust.scale(0), robust.normalized(0, 0.5), 1e-15);
    }

    @Test
    void nanCellsAreLeftOutAndAZeroGridHasAZeroScale() {
        double[][] v = {{Double.NaN, 0}, {0, 0}};
        RobustScale s = RobustScale.percentile(grid(v), 0.5);
        assertEquals(0, s.scale(0));
        assertEquals(0, s.normalized(1, 0));
        assertTrue(Double.isNaN(s.normalized(0, Double.NaN)));
        assertEquals(0, s.clippedShare(grid(v)));
        assertEquals(1.0, s.nearZeroShare(grid(v), 0.05), "three cells, all zero");
    }
}
