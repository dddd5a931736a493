package org.rnnexplorer.model;

import java.util.Arrays;

/**
 * The colour scale of an unbounded quantity (c, a gradient), chosen so that one large value does not wash out every
 * other cell. A heatmap scaled by the largest |value| goes almost white when a few cells are far larger than the
 * rest (a saturated cell unit: |c| of 30 where most are below 2); this scale is instead a quantile of |value|:
 * <ul>
 * <li>{@link #percentile}: one scale s for every unit, the p-quantile of |v| over all cells;</li>
 * <li>{@link #perUnit}: a scale s_u per unit, the p-quantile of that unit's |v| over the steps (p = 1: its largest),
 *     which shows each unit's own ups and downs, at the price of comparing units.</li>
 * </ul>
 * A cell shows {@code v / s} clipped to [−1, 1] ({@link #normalized}); a cell beyond the scale is flagged
 * ({@link #isClipped}) so a view can mark it. The quantile is the nearest-rank one: the smallest |v| with at least
 * p·N of the N cells at or below it. NaN cells are left out. No drawing here: the window and the exports share it.
 */
public final class RobustScale {
    /**
     * What a scale is computed from: a [steps][units] grid, e.g. one series of one layer of a trace.
     * {@link #perUnit} reads it a unit at a time (all steps of unit 0, then of unit 1, ...), everything else a step
     * at a time, so a grid over a store can keep the column or the row it last read.
     */
    public interface Grid {
        int steps();

        int units();

        double value(int step, int unit);
    }

    private final double[] scale; // one entry (global) or one per unit
    private final double p;

    private RobustScale(double[] scale, double p) {
        this.scale = scale;
        this.p = p;
    }

    /** The {@link #percentile} scale of one series {@code v} (a row of colours), or 1 when every value is 0. */
    public static double ofSeries(float[] v, double p) {
        double s = percentile(new Grid() {
            @Override
            public int steps() { return v.length; }

            @Override
            public int units() { return 1; }

            @Override
            public double value(int step, int unit) { return v[step]; }
        }, p).scale(0);
        return s > 0 ? s : 1;
    }

    /**
     * One scale for every unit: the p-quantile of |v| over every cell, found with a histogram over the top 16 bits
     * of each |v| as a float (a bin spans a relative 2⁻⁷ of its values): the scale is the upper edge of the bin that
     * holds the quantile (or the largest |v|, if smaller), at most 0.8 % above the exact quantile and never below it.
     * One pass, no copy of the grid.
     */
    public static RobustScale percentile(Grid grid, double p) {
        checkP(p);
        int[] bins = new int[1 << 15];
        long n = 0;
        double largest = 0;
        for (int t = 0; t < grid.steps(); t++) {
            for (int u = 0; u < grid.units(); u++) {
                double v = grid.value(t, u);
                if (v != v) continue;
                bins[Float.floatToRawIntBits((float) Math.abs(v)) >>> 16]++;
                largest = Math.max(largest, Math.abs(v));
                n++;
            }
        }
        double s = 0;
        if (n > 0) {
            long rank = Math.max(1, (long) Math.ceil(p * n)), seen = 0;
            for (int b = 0; b < bins.length; b++) {
                seen += bins[b];
                if (seen >= rank) {
                    s = b >= 0x7f80 ? largest : Math.min(largest, Float.intBitsToFloat(((b + 1) << 16) - 1));
                    break;
                }
            }
        }
        return new RobustScale(new double[] {s}, p);
    }

    /** A scale per unit: the exact p-quantile of |v| of each unit over the steps (p = 1: the unit's largest |v|). */
    public static RobustScale perUnit(Grid grid, double p) {
        checkP(p);
        double[] s = new double[grid.units()], column = new double[grid.steps()];
        for (int u = 0; u < grid.units(); u++) {
            int n = 0;
            for (int t = 0; t < grid.steps(); t++) {
                double v = grid.value(t, u);
                if (v == v) column[n++] = Math.abs(v);
            }
            if (n == 0) continue;
            if (p == 1) {
                for (int i = 0; i < n; i++) s[u] = Math.max(s[u], column[i]);
            } else {
                Arrays.sort(column, 0, n);
                s[u] = column[(int) Math.max(0, Math.ceil(p * n) - 1)];
            }
        }
        return new RobustScale(s, p);
    }

    private static void checkP(double p) {
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("a quantile p in (0, 1], got " + p);
    }

    /** Whether there is one scale for every unit. */
    public boolean isGlobal() { return scale.length == 1; }

    /** The quantile p the scale was made with. */
    public double quantile() { return p; }

    /** s_u (the same for every unit when {@link #isGlobal()}). */
    public double scale(int unit) { return scale[scale.length == 1 ? 0 : unit]; }

    /** {@code v / s_u} clipped to [−1, 1]: where the colour map is read (0 for a zero scale; NaN stays NaN). */
    public double normalized(int unit, double v) {
        double s = scale(unit);
        if (v != v) return v;
        if (s == 0) return v == 0 ? 0 : Math.signum(v);
        return Math.max(-1, Math.min(1, v / s));
    }

    /** Whether |v| lies beyond the scale, so that its colour is the end of the map and the cell should be marked. */
    public boolean isClipped(int unit, double v) {
        return Math.abs(v) > scale(unit);
    }

    /** The share of the grid's (non-NaN) cells whose |normalized value| is below {@code threshold}: near-white. */
    public double nearZeroShare(Grid grid, double threshold) {
        long near = 0, n = 0;
        for (int t = 0; t < grid.steps(); t++) {
            for (int u = 0; u < grid.units(); u++) {
                double v = grid.value(t, u);
                if (v != v) continue;
                n++;
                if (Math.abs(normalized(u, v)) < threshold) near++;
            }
        }
        return n == 0 ? 0 : (double) near / n;
    }

    /** The share of the grid's (non-NaN) cells beyond the scale. */
    public double clippedShare(Grid grid) {
        long clipped = 0, n = 0;
        for (int t = 0; t < grid.steps(); t++) {
            for (int u = 0; u < grid.units(); u++) {
                double v = grid.value(t, u);
                if (v != v) continue;
                n++;
                if (isClipped(u, v)) clipped++;
            }
        }
        return n == 0 ? 0 : (double) clipped / n;
    }
}
