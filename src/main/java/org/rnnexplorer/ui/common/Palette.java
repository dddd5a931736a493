package org.rnnexplorer.ui.common;

import javafx.scene.paint.Color;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.ColorScale;

/**
 * Every colour the window draws values and diagrams with. Values: a sequential scale for σ outputs (0 → 1, white to
 * dark green) and a diverging one for tanh outputs and other signed values (−1 blue, 0 white, +1 red), the same stops
 * as the exported heatmaps ({@link ColorScale}). The presenter palette is the high-contrast variant for projectors:
 * saturated ends, black lines, a magenta selection and larger, bold type in the diagram.
 */
public final class Palette {
    public static final Palette NORMAL = new Palette(rgb(ColorScale.sequentialStops()), rgb(ColorScale.divergingStops()),
            new Chrome(Color.web("#1f2937"), Color.web("#111827"), Color.web("#fafbfc"), Color.web("#9aa3b2"),
                    Color.web("#eef2f7"), Color.web("#111827"), Color.web("#334155"), 1.0, 13.5));
    public static final Palette HIGH_CONTRAST = new Palette(
            new Color[] {Color.web("#ffffff"), Color.web("#c7e9c0"), Color.web("#41ab5d"), Color.web("#00701a"),
                    Color.web("#003300"), Color.web("#001a00")},
            new Color[] {Color.web("#0000b3"), Color.web("#3366ff"), Color.web("#b3c6ff"), Color.web("#ffffff"),
                    Color.web("#ffb3b3"), Color.web("#ff3333"), Color.web("#b30000")},
            new Chrome(Color.BLACK, Color.BLACK, Color.WHITE, Color.web("#333333"), Color.WHITE, Color.web("#ff00ff"),
                    Color.BLACK, 1.12, 12.5));

    /** Nodes of the diagram (× and +) and the pill-shaped functions (tanh, 1−): the same in both palettes. */
    public static final Color NODE = Color.web("#fde68a");
    public static final Color PILL = Color.web("#fbcfe8");
    /** The text on nodes and pills, and the box behind each gate's strip: the same in both palettes. */
    public static final Color NODE_INK = Color.BLACK;
    public static final Color GATE_BOX = Color.WHITE;
    /** The "with the what-if" mark and the current-step cursor of the heatmaps. */
    public static final Color WHAT_IF = Color.web("#c2410c");
    /** What a lesson's slide highlights: the outline around a part of the cell diagram and the marked steps. */
    public static final Color LESSON_MARK = Color.web("#e11d9a");
    public static final Color CURSOR = Color.web("#f59e0b");

    /**
     * The colours around the values.
     *
     * @param ink        text
     * @param outline    outlines of strips and boxes
     * @param background behind the diagram and the heatmaps
     * @param muted      secondary text and lines
     * @param cellFill   the rounded box of the cell
     * @param selection  the outline of the selected unit
     * @param flow       the arrows
     * @param textScale  how much larger the diagram's type is (its text is bold above 1)
     * @param longLabel  the size of a long strip label ("candidate C~ₜ tanh"), before the scale, so it fits its box
     */
    public record Chrome(Color ink, Color outline, Color background, Color muted, Color cellFill, Color selection,
                         Color flow, double textScale, double longLabel) {
    }

    static final int LUT = 256;
    private final Color[] sequential;
    private final Color[] diverging;
    private final Chrome chrome;
    private final int[] sigmoidLut = new int[LUT];
    private final int[] signedLut = new int[LUT];

    private Palette(Color[] sequential, Color[] diverging, Chrome chrome) {
        this.sequential = sequential;
        this.diverging = diverging;
        this.chrome = chrome;
        for (int i = 0; i < LUT; i++) {
            double f = i / (LUT - 1.0);
            sigmoidLut[i] = toArgb(sigmoid(f));
            signedLut[i] = toArgb(signed(2 * f - 1, 1));
        }
    }

    public static Palette of(boolean presenter) {
        return presenter ? HIGH_CONTRAST : NORMAL;
    }

    public Color ink() { return chrome.ink(); }
    public Color outline() { return chrome.outline(); }
    public Color background() { return chrome.background(); }
    public Color muted() { return chrome.muted(); }
    public Color cellFill() { return chrome.cellFill(); }
    public Color selection() { return chrome.selection(); }
    public Color flow() { return chrome.flow(); }
    /** 1, or larger for presenter mode; the diagram's text is then bold throughout. */
    public double textScale() { return chrome.textScale(); }
    public double longLabelSize() { return chrome.longLabel(); }

    /**
     * The colour of {@code v} as an ARGB int from a 256-entry table: what the heatmaps use, so that a 5,000-step
     * heatmap costs one table look-up per pixel.
     */
    public int argb(Quantity.Range range, double v, double scale) {
        double f = switch (range) {
            case SIGMOID -> v;
            case TANH -> (v + 1) / 2;
            case UNBOUNDED -> (v / (scale <= 0 ? 1 : scale) + 1) / 2;
        };
        int i = Double.isNaN(f) ? LUT / 2 : (int) Math.round(Math.max(0, Math.min(1, f)) * (LUT - 1));
        return range == Quantity.Range.SIGMOID ? sigmoidLut[i] : signedLut[i];
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

    private static Color[] rgb(int[] stops) {
        Color[] c = new Color[stops.length];
        for (int i = 0; i < stops.length; i++) c[i] = Color.rgb(stops[i] >> 16 & 0xff, stops[i] >> 8 & 0xff, stops[i] & 0xff);
        return c;
    }

    private static int toArgb(Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v));
    }

    private static Color ramp(Color[] stops, double f) {
        double x = f * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return stops[i].interpolate(stops[i + 1], x - i);
    }
}
