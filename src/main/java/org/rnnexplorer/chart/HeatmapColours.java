package org.rnnexplorer.chart;

import java.util.Locale;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.RobustScale;

/**
 * How the cells of one heatmap are coloured: σ gates on the sequential map over [0, 1], tanh outputs and h on the
 * diverging one over [−1, 1], and an unbounded quantity (c) on the diverging map over a robust scale
 * ({@link RobustScale}) chosen by {@link Choice}: the cell shows v / s (s the unit's scale, or one for all), and a
 * cell with |v| > s is clipped, drawn in {@link ColorScale#BEYOND_LOW} / {@link ColorScale#BEYOND_HIGH}. Every
 * colour comes from {@link ColorScale}; the window and the exports share this, so they look alike.
 */
public final class HeatmapColours {
    /** The scale of an unbounded quantity. */
    public enum Choice {
        /** Each unit its own scale, the 99th percentile of its |value|: the default for c (see the README). */
        PER_UNIT_99("per unit: its 99th percentile of |value|"),
        /** One scale for every unit, the 99th percentile of |value| over all cells. */
        ALL_99("all units: 99th percentile of |value|"),
        /** One scale for every unit, the largest |value| (nothing clips; a few large cells wash out the rest). */
        LARGEST("all units: largest |value|");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() { return label; }

        @Override
        public String toString() { return label; }
    }

    /** Scales are taken from at most this many evenly spaced steps (all of them for {@link Choice#LARGEST}). */
    public static final int SAMPLE_STEPS = 20_000;

    private final Quantity.Range range;
    private final Choice choice;
    private final RobustScale scale;
    private final int[] table;
    private final int units;

    private HeatmapColours(Quantity.Range range, Choice choice, RobustScale scale, int units) {
        this.range = range;
        this.units = units;
        this.choice = choice;
        this.scale = scale;
        this.table = (range == Quantity.Range.SIGMOID ? ColorScale.sequential(0, 1) : ColorScale.diverging(1)).argbTable();
    }

    /** The colours of a bounded quantity (σ gate, tanh block, h). */
    public static HeatmapColours bounded(Quantity.Range range) {
        if (range == Quantity.Range.UNBOUNDED) throw new IllegalArgumentException("an unbounded quantity needs a scale");
        return new HeatmapColours(range, null, null, 0);
    }

    /** The colours of values of {@code range}; an unbounded quantity gets the scale {@code choice} over {@code data}. */
    public static HeatmapColours of(Quantity.Range range, Choice choice, HeatmapRaster.Columns data) {
        if (range != Quantity.Range.UNBOUNDED) return bounded(range);
        RobustScale.Grid grid = sample(data, choice == Choice.LARGEST ? Integer.MAX_VALUE : SAMPLE_STEPS);
        RobustScale s = switch (choice) {
            case PER_UNIT_99 -> RobustScale.perUnit(grid, 0.99);
            case ALL_99 -> RobustScale.percentile(grid, 0.99);
            case LARGEST -> RobustScale.percentile(grid, 1.0);
        };
        HeatmapColours c = new HeatmapColours(range, choice, s, data.units());
        c.clipped = s.clippedShare(grid);
        return c;
    }

    private double clipped;

    /** The share of cells beyond the scale (marked), over the steps the scale was taken from; 0 when bounded. */
    public double clippedShare() { return clipped; }

    /** The completed steps of {@code data}, every k-th so that at most {@code max} are read, as a grid. */
    static RobustScale.Grid sample(HeatmapRaster.Columns data, int max) {
        int n = data.steps(), units = data.units();
        int stride = Math.max(1, (int) Math.ceil((double) n / max)), k = (n + stride - 1) / stride;
        float[] cells = new float[k * units], row = new float[units];
        for (int i = 0; i < k; i++) {
            data.readStep(i * stride, row);
            System.arraycopy(row, 0, cells, i * units, units);
        }
        return new RobustScale.Grid() {
            public int steps() { return k; }

            public int units() { return units; }

            public double value(int step, int unit) { return cells[step * units + unit]; }
        };
    }

    public Quantity.Range range() { return range; }

    /** The scale choice, null for a bounded quantity. */
    public Choice choice() { return choice; }

    /** The robust scale, null for a bounded quantity. */
    public RobustScale scale() { return scale; }

    /**
     * Where {@code v} of {@code unit} falls on the colour map: σ gates in [0, 1]; everything else in [−1, 1] (tanh and h
     * as they are, an unbounded value as v / s_u clipped). NaN stays NaN.
     */
    public double normalized(int unit, double v) {
        return switch (range) {
            case SIGMOID -> Math.max(0, Math.min(1, v));
            case TANH -> Math.max(-1, Math.min(1, v));
            case UNBOUNDED -> scale.normalized(unit, v);
        };
    }

    /** Whether the cell lies beyond its scale (only an unbounded quantity's can). */
    public boolean isClipped(int unit, double v) {
        return scale != null && scale.isClipped(unit, v);
    }

    /** The cell's colour, 0xAARRGGBB. */
    public int argb(int unit, double v) {
        if (v != v) return 0xff000000 | ColorScale.MISSING;
        if (isClipped(unit, v)) return 0xff000000 | (v > 0 ? ColorScale.BEYOND_HIGH : ColorScale.BEYOND_LOW);
        double f = range == Quantity.Range.SIGMOID ? normalized(unit, v) : (normalized(unit, v) + 1) / 2;
        return table[(int) Math.round(f * (table.length - 1))];
    }

    /**
     * The legend's words: "0 … 1", "−1 … 1", or for c "C / s, s = 2.31 (all units: 99th percentile of |value|)" or
     * "C / s_u, s_u from 0.12 to 4,227 (per unit: its 99th percentile of |value|)".
     */
    public String legend(String symbol) {
        if (scale == null) return range == Quantity.Range.SIGMOID ? "0 … 1" : "−1 … 1";
        if (scale.isGlobal())
            return String.format(Locale.ROOT, "%s / s, s = %s (%s)", symbol, number(scale.scale(0)), choice.label());
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int u = 0; u < units; u++) {
            lo = Math.min(lo, scale.scale(u));
            hi = Math.max(hi, scale.scale(u));
        }
        return String.format(Locale.ROOT, "%s / s_u, s_u from %s to %s (%s)", symbol, number(lo), number(hi),
                choice.label());
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 0.01 || a == 0) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
