package org.rnnexplorer.chart;

/**
 * The stretch of steps a heatmap shows across its width: from step {@code first} (a fraction: a pan moves by less
 * than a step) over {@code span} steps, inside a sequence of {@code steps} steps. Immutable; zoom, pan and fit give
 * a new one, always inside the sequence and never narrower than {@link #MIN_SPAN} steps (or the whole sequence, if
 * shorter). The arithmetic a drawing needs: which steps a column of pixels covers ({@link #columnStart}), the step
 * under a pixel ({@link #stepAt}) and where a step is drawn ({@link #xOf}).
 *
 * @param steps the sequence's length (T ≥ 0)
 * @param first the step at the left edge (0 ≤ first ≤ T − span)
 * @param span  how many steps the width shows (min(MIN_SPAN, T) ≤ span ≤ T)
 */
public record HeatmapViewport(int steps, double first, double span) {
    /** The narrowest view: this many steps across the whole width. */
    public static final double MIN_SPAN = 8;

    public HeatmapViewport {
        if (steps < 0) throw new IllegalArgumentException("steps " + steps);
        double lo = Math.min(MIN_SPAN, steps);
        span = steps == 0 ? 0 : Math.max(lo, Math.min(steps, span));
        first = Math.max(0, Math.min(steps - span, first));
    }

    /** The whole sequence. */
    public static HeatmapViewport fit(int steps) {
        return new HeatmapViewport(steps, 0, steps);
    }

    public boolean isFit() {
        return span >= steps;
    }

    /**
     * Zoomed by {@code factor} (2: twice as many pixels per step) about the point {@code anchor} of the width (0 the
     * left edge, 1 the right edge): the step under the anchor stays under it, unless an edge of the sequence stops it.
     */
    public HeatmapViewport zoom(double factor, double anchor) {
        if (!(factor > 0)) throw new IllegalArgumentException("zoom factor " + factor);
        double a = Math.max(0, Math.min(1, anchor));
        double at = first + a * span, s = span / factor;
        return new HeatmapViewport(steps, at - a * s, s);
    }

    /** Moved by {@code dx} pixels of a {@code width}-pixel view: dragging right (dx > 0) shows earlier steps. */
    public HeatmapViewport pan(double dx, double width) {
        return new HeatmapViewport(steps, first - dx * span / Math.max(1, width), span);
    }

    /** The same zoom moved so that {@code step} is in the middle (as far as the edges allow). */
    public HeatmapViewport centredOn(int step) {
        return new HeatmapViewport(steps, step + 0.5 - span / 2, span);
    }

    /** The same zoom and place, moved if need be, so that step {@code step} is inside the view. */
    public HeatmapViewport showing(int step) {
        if (step >= first && step + 1 <= first + span) return this;
        return step < first ? new HeatmapViewport(steps, step, span) : new HeatmapViewport(steps, step + 1 - span, span);
    }

    /**
     * The view of a sequence that is now {@code n} steps long: a fit view stays fit; a zoomed one keeps its place
     * and width (shrunk into the sequence if need be).
     */
    public HeatmapViewport withSteps(int n) {
        return isFit() ? fit(n) : new HeatmapViewport(n, first, span);
    }

    /** The first step any pixel shows. */
    public int firstStep() {
        return (int) Math.floor(first);
    }

    /** The last step any pixel shows (−1 for an empty sequence). */
    public int lastStep() {
        return Math.min(steps - 1, (int) Math.ceil(first + span) - 1);
    }

    /** The step under x (0 ≤ x ≤ width), inside the sequence. */
    public int stepAt(double x, double width) {
        int t = (int) Math.floor(first + x / width * span);
        return Math.max(0, Math.min(steps - 1, t));
    }

    /** The x of the left edge of step t in a {@code width}-pixel view (outside 0..width when t is not shown). */
    public double xOf(double t, double width) {
        return (t - first) / span * width;
    }

    /**
     * The steps column {@code col} of {@code cols} equal columns covers: [columnStart(col), columnStart(col + 1)),
     * with at least one step per column. When a step is wider than a column, neighbouring columns show the same step;
     * otherwise column c starts at the step under its left edge, ⌊first + c·span/cols⌋, so the columns partition the
     * view without gap or overlap.
     */
    public int columnStart(int col, int cols) {
        int t = (int) Math.floor(first + (double) col * span / cols);
        return Math.max(0, Math.min(steps, t));
    }

    /** The end (exclusive) of column {@code col}'s steps: the next column's start, at least one step further. */
    public int columnEnd(int col, int cols) {
        int t0 = columnStart(col, cols), t1 = columnStart(col + 1, cols);
        if (col == cols - 1) t1 = Math.max(t1, Math.min(steps, (int) Math.ceil(first + span)));
        return Math.min(steps, Math.max(t0 + 1, t1));
    }
}
