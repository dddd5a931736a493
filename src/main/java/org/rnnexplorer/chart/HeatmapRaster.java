package org.rnnexplorer.chart;

import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.Trace;

/**
 * The pixels of a units × steps heatmap for what a {@link HeatmapViewport} shows: one column of pixels per column of
 * the image, one row per unit, each cell coloured by {@link HeatmapColours}. Only the visible steps are read. A
 * column covering n steps shows their mean when n ≤ {@link #MAX_READS}; a wider one (a zoomed-out view of a long
 * sequence) shows the mean of {@link #MAX_READS} evenly spaced steps among them, so a frame costs at most
 * cols × MAX_READS × units reads whatever the zoom. Steps not computed yet are drawn in {@link ColorScale#PENDING}.
 * Reusable buffers, no allocation per frame; one thread at a time.
 */
public final class HeatmapRaster {
    /** A column reads at most this many steps. */
    public static final int MAX_READS = 8;

    /** The values of one quantity of one layer, a step (every unit) at a time. */
    public interface Columns {
        /** Steps 0..steps()−1 can be read (a long trace still filling has fewer than its input). */
        int steps();

        int units();

        /** Step t of every unit into {@code out[0..units−1]}. */
        void readStep(int t, float[] out);
    }

    private final int units;
    private final float[] row;
    private final double[] sum;

    public HeatmapRaster(int units) {
        this.units = units;
        row = new float[units];
        sum = new double[units];
    }

    /**
     * Fills {@code argb[u·cols + col]} for the view {@code vp} of a sequence of {@code vp.steps()} steps, of which
     * {@code data.steps()} are computed.
     */
    public void render(Columns data, HeatmapViewport vp, int cols, HeatmapColours colours, int[] argb) {
        int done = data.steps(), prev0 = -1, prev1 = -1;
        for (int col = 0; col < cols; col++) {
            int t0 = vp.columnStart(col, cols), t1 = vp.columnEnd(col, cols);
            if (t0 == prev0 && t1 == prev1) {
                for (int u = 0; u < units; u++) argb[u * cols + col] = argb[u * cols + col - 1];
                continue;
            }
            prev0 = t0;
            prev1 = t1;
            if (t1 > done || t0 >= t1) {
                for (int u = 0; u < units; u++) argb[u * cols + col] = 0xff000000 | ColorScale.PENDING;
                continue;
            }
            int k = mean(data, t0, t1);
            for (int u = 0; u < units; u++) argb[u * cols + col] = colours.argb(u, sum[u] / k);
        }
    }

    /**
     * The cells' places on the colour map ({@link HeatmapColours#normalized}) instead of their colours, NaN where
     * nothing is computed yet: what a test reads to see how much of a heatmap is near white.
     */
    public void normalized(Columns data, HeatmapViewport vp, int cols, HeatmapColours colours, float[] out) {
        means(data, vp, cols, out);
        for (int u = 0; u < units; u++)
            for (int col = 0; col < cols; col++) {
                int i = u * cols + col;
                if (!Float.isNaN(out[i])) out[i] = (float) colours.normalized(u, out[i]);
            }
    }

    /** The raw column means (or NaN where nothing is computed yet), {@code out[u·cols + col]}: what an export plots. */
    public void means(Columns data, HeatmapViewport vp, int cols, float[] out) {
        int done = data.steps();
        for (int col = 0; col < cols; col++) {
            int t0 = vp.columnStart(col, cols), t1 = vp.columnEnd(col, cols);
            if (t1 > done || t0 >= t1) {
                for (int u = 0; u < units; u++) out[u * cols + col] = Float.NaN;
                continue;
            }
            int k = mean(data, t0, t1);
            for (int u = 0; u < units; u++) out[u * cols + col] = (float) (sum[u] / k);
        }
    }

    /** Sums of steps t0..t1−1 (or MAX_READS of them, evenly spaced) into {@code sum}; returns how many. */
    private int mean(Columns data, int t0, int t1) {
        int n = t1 - t0, k = Math.min(n, MAX_READS);
        java.util.Arrays.fill(sum, 0);
        for (int j = 0; j < k; j++) {
            data.readStep(t0 + (int) ((long) j * n / k), row);
            for (int u = 0; u < units; u++) sum[u] += row[u];
        }
        return k;
    }

    /** The columns of series {@code key} ("h", "c", "gates.forget") of one layer of a compact trace. */
    public static Columns of(CompactTrace trace, int layer, String key) {
        int series = trace.seriesIndex(key);
        if (series < 0) throw new IllegalArgumentException("a " + trace.model().cell() + " trace has no " + key);
        return new Columns() {
            public int steps() { return trace.completedSteps(); }

            public int units() { return trace.hiddenSize(); }

            public void readStep(int t, float[] out) { trace.read(layer, series, t, t + 1, out); }
        };
    }

    /** The series key of a quantity in a compact trace: "h", "c" or "gates." and the gate's name. */
    public static String key(Quantity q) {
        return q.isGate() ? "gates." + q.id() : q.id();
    }

    /** The columns of quantity {@code q} of one layer of a full trace. */
    public static Columns of(Trace trace, int layer, Quantity q) {
        return new Columns() {
            public int steps() { return trace.steps(); }

            public int units() { return trace.hiddenSize(); }

            public void readStep(int t, float[] out) {
                for (int u = 0; u < out.length; u++) out[u] = (float) q.value(trace, layer, t, u);
            }
        };
    }
}
