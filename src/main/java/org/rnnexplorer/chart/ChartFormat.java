package org.rnnexplorer.chart;

import java.util.Locale;

/** The file formats a chart exports to. */
public enum ChartFormat {
    /** PNG, one pixel per point. */
    PNG("png", 1),
    /** PNG at twice the pixels (sharp on slides and high-density screens), same layout. */
    PNG_2X("png", 2),
    /** SVG (JFreeSVG): vector, text as text. */
    SVG("svg", 1),
    /** PDF (JFreePDF): one page the size of the chart. */
    PDF("pdf", 1);

    private final String extension;
    private final int scale;

    ChartFormat(String extension, int scale) {
        this.extension = extension;
        this.scale = scale;
    }

    /** "png", "svg" or "pdf". */
    public String extension() {
        return extension;
    }

    /** Pixels per point (PNG only). */
    public int scale() {
        return scale;
    }

    /** "png", "png@2x" (or "png2x"), "svg", "pdf"; null if unknown. */
    public static ChartFormat parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "png": return PNG;
            case "png@2x": case "png2x": return PNG_2X;
            case "svg": return SVG;
            case "pdf": return PDF;
            default: return null;
        }
    }
}
