package org.rnnexplorer.ui;

import javafx.scene.paint.Color;

/**
 * Colours for values: a sequential palette for σ outputs (0 → 1, white to dark green) and a diverging one for tanh
 * outputs and other signed values (−1 blue, 0 white, +1 red). The presenter palette is the high-contrast variant:
 * saturated ends and a black outline colour for projectors.
 */
public final class Palette {
    public static final Palette NORMAL = new Palette(
            new Color[] {Color.web("#ffffff"), Color.web("#e5f5e0"), Color.web("#a1d99b"), Color.web("#41ab5d"),
                    Color.web("#006d2c"), Color.web("#00441b")},
            new Color[] {Color.web("#2166ac"), Color.web("#67a9cf"), Color.web("#d1e5f0"), Color.web("#f7f7f7"),
                    Color.web("#fddbc7"), Color.web("#ef8a62"), Color.web("#b2182b")},
            Color.web("#1f2937"), Color.web("#111827"), Color.web("#fafbfc"), Color.web("#9aa3b2"));
    public static final Palette HIGH_CONTRAST = new Palette(
            new Color[] {Color.web("#ffffff"), Color.web("#c7e9c0"), Color.web("#41ab5d"), Color.web("#00701a"),
                    Color.web("#003300"), Color.web("#001a00")},
            new Color[] {Color.web("#0000b3"), Color.web("#3366ff"), Color.web("#b3c6ff"), Color.web("#ffffff"),
                    Color.web("#ffb3b3"), Color.web("#ff3333"), Color.web("#b30000")},
            Color.BLACK, Color.BLACK, Color.WHITE, Color.web("#333333"));

    private final Color[] sequential;
    private final Color[] diverging;
    public final Color ink;
    public final Color outline;
    public final Color background;
    public final Color muted;

    private Palette(Color[] sequential, Color[] diverging, Color ink, Color outline, Color background, Color muted) {
        this.sequential = sequential;
        this.diverging = diverging;
        this.ink = ink;
        this.outline = outline;
        this.background = background;
        this.muted = muted;
    }

    public static Palette of(boolean presenter) {
        return presenter ? HIGH_CONTRAST : NORMAL;
    }

    private int[] sigmoidLut;
    private int[] signedLut;
    static final int LUT = 256;

    /**
     * The colour of {@code v} as an ARGB int from a 256-entry table: what the heatmaps use, so that a 5,000-step
     * heatmap costs one table look-up per pixel.
     */
    public int argb(Quantity.Range range, double v, double scale) {
        if (sigmoidLut == null) {
            sigmoidLut = new int[LUT];
            signedLut = new int[LUT];
            for (int i = 0; i < LUT; i++) {
                double f = i / (LUT - 1.0);
                sigmoidLut[i] = toArgb(sigmoid(f));
                signedLut[i] = toArgb(signed(2 * f - 1, 1));
            }
        }
        double f = switch (range) {
            case SIGMOID -> v;
            case TANH -> (v + 1) / 2;
            case UNBOUNDED -> (v / (scale <= 0 ? 1 : scale) + 1) / 2;
        };
        int i = Double.isNaN(f) ? LUT / 2 : (int) Math.round(Math.max(0, Math.min(1, f)) * (LUT - 1));
        return range == Quantity.Range.SIGMOID ? sigmoidLut[i] : signedLut[i];
    }

    private static int toArgb(Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** σ output in 0..1. */
    public Color sigmoid(double v) {
        return ramp(sequential, clamp01(v));
    }

    /** A signed value on −scale..scale (tanh outputs: scale 1). */
    public Color signed(double v, double scale) {
        double s = scale <= 0 ? 1 : scale;
        return ramp(diverging, clamp01((v / s + 1) / 2));
    }

    /** The colour of a value of a quantity with this range; {@code scale} bounds unbounded values. */
    public Color color(Quantity.Range range, double v, double scale) {
        return switch (range) {
            case SIGMOID -> sigmoid(v);
            case TANH -> signed(v, 1);
            case UNBOUNDED -> signed(v, scale);
        };
    }

    /** Black or white, whichever reads better on {@code bg}. */
    public static Color textOn(Color bg) {
        double lum = 0.2126 * bg.getRed() + 0.7152 * bg.getGreen() + 0.0722 * bg.getBlue();
        return lum > 0.55 ? Color.BLACK : Color.WHITE;
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v));
    }

    private static Color ramp(Color[] stops, double f) {
        double x = f * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return stops[i].interpolate(stops[i + 1], x - i);
    }

    /** A CSS hex string, "#a1d99b". */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
