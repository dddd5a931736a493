package org.rnnexplorer.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale for heatmaps: colours interpolated between stops. Sequential (light to dark blue, ColorBrewer
 * YlGnBu) for σ gates in [0, 1]; diverging (blue – white – red, ColorBrewer RdBu) for values around 0: tanh, h, c.
 */
public final class ColorScale implements PaintScale, Serializable {
    private static final int[] SEQUENTIAL = {0xFFFFD9, 0xC7E9B4, 0x41B6C4, 0x225EA8, 0x081D58};
    private static final int[] DIVERGING = {0x2166AC, 0x92C5DE, 0xF7F7F7, 0xF4A582, 0xB2182B};

    private final double lower;
    private final double upper;
    private final Color[] lookup = new Color[256];

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

    /** Light (low) to dark blue (high) over [lower, upper]. */
    public static ColorScale sequential(double lower, double upper) {
        return new ColorScale(lower, upper, SEQUENTIAL);
    }

    /** Blue (−limit) through white (0) to red (+limit). */
    public static ColorScale diverging(double limit) {
        return new ColorScale(-limit, limit, DIVERGING);
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
        if (Double.isNaN(value)) return Color.LIGHT_GRAY;
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
