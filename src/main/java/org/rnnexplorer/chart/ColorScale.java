package org.rnnexplorer.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale for heatmaps: colours interpolated between stops. Sequential (white to dark green, ColorBrewer
 * Greens) for σ gates in [0, 1]; diverging (blue – white – red, ColorBrewer RdBu) for values around 0: tanh, h, c.
 * The window draws its heatmaps and its cell diagram with the same stops ({@link #sequentialStops},
 * {@link #divergingStops}), so an exported heatmap looks like the one on screen.
 */
public final class ColorScale implements PaintScale, Serializable {
    private static final int[] SEQUENTIAL = {0xFFFFFF, 0xE5F5E0, 0xA1D99B, 0x41AB5D, 0x006D2C, 0x00441B};
    private static final int[] DIVERGING = {0x2166AC, 0x67A9CF, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xEF8A62, 0xB2182B};

    /** The sequential scale's stops, 0xRRGGBB, from 0 to 1. */
    public static int[] sequentialStops() {
        return SEQUENTIAL.clone();
    }

    /** The diverging scale's stops, 0xRRGGBB, from −limit through 0 to +limit. */
    public static int[] divergingStops() {
        return DIVERGING.clone();
    }

    /**
     * Beyond the scale: a cell whose |value| exceeds the scale of a robust (quantile) scale is drawn in these, darker
     * than either end of the diverging map (ColorBrewer RdBu's 11-class ends), so a clipped cell is marked and told
     * from one at the end of the scale; the legends show them as "beyond".
     */
    public static final int BEYOND_LOW = 0x053061, BEYOND_HIGH = 0x67001F;
    /** Steps not computed yet (a long trace still filling). */
    public static final int PENDING = 0xE2E6EC;
    /** NaN. */
    public static final int MISSING = 0xC0C0C0;

    private final double lower;
    private final double upper;
    private final Color[] lookup = new Color[256];
    private boolean marksBeyond;

    private ColorScale(double lower, double upper, int[] stops) {
        if (!(upper > lower)) throw new IllegalArgumentException("empty colour scale [" + lower + ", " + upper + "]");
        this.lower = lower;
        this.upper = upper;
        for (int i = 0; i < lookup.length; i++) {
            double pos = i / (double) (lookup.length - 1) * (stops.length - 1);
            int a = Math.min((int) pos, stops.length - 2);
            double w = pos - a;
            lookup[i] = mix(new Color(stops[a]), new Color(stops[a + 1]), w);
        }
    }

    /** White (low) to dark green (high) over [lower, upper]. */
    public static ColorScale sequential(double lower, double upper) {
        return new ColorScale(lower, upper, SEQUENTIAL);
    }

    /** Blue (−limit) through white (0) to red (+limit). */
    public static ColorScale diverging(double limit) {
        return new ColorScale(-limit, limit, DIVERGING);
    }

    /**
     * The same map, except that values below the lower bound or above the upper one get {@link #BEYOND_LOW} and
     * {@link #BEYOND_HIGH} instead of the end colours (for a scale that clips).
     */
    public ColorScale markingBeyond() {
        ColorScale c = new ColorScale(lower, upper, new int[] {0, 0});
        System.arraycopy(lookup, 0, c.lookup, 0, lookup.length);
        c.marksBeyond = true;
        return c;
    }

    /** The 256 colours from the lower to the upper bound as 0xAARRGGBB (opaque): a table for drawing many cells. */
    public int[] argbTable() {
        int[] t = new int[lookup.length];
        for (int i = 0; i < t.length; i++) t[i] = 0xff000000 | lookup[i].getRGB();
        return t;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) return new Color(MISSING);
        if (marksBeyond && value > upper) return new Color(BEYOND_HIGH);
        if (marksBeyond && value < lower) return new Color(BEYOND_LOW);
        double f = (value - lower) / (upper - lower);
        int i = (int) Math.round(Math.max(0, Math.min(1, f)) * (lookup.length - 1));
        return lookup[i];
    }

    private static Color mix(Color a, Color b, double w) {
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }
}
