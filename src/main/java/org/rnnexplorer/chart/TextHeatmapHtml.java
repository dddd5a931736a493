package org.rnnexplorer.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnexplorer.analysis.Quantity;

/**
 * The text view as one self-contained HTML page (Karpathy et al. 2015's picture): the text as it reads, each
 * token's background coloured by a unit's value at that step, one block per unit. Nothing outside the page is
 * needed: the styles are inline, there is no script and no link. Hovering a token shows its step, the token and
 * the value. A line break token is drawn as "↵" and then breaks the line; spaces keep their width.
 */
public final class TextHeatmapHtml {

    /**
     * One block of the page.
     *
     * @param label  what it shows, e.g. {@code l0.c.29 (cell state C_t)}
     * @param values the value at every step (NaN: no colour)
     * @param scale  the colours
     */
    public record Row(String label, float[] values, ColorScale scale) {
    }

    private TextHeatmapHtml() {
    }

    /**
     * The colour scale for a quantity: white to dark blue over [0, 1] for a σ gate; blue – white – red over [−1, 1]
     * for tanh outputs (h, a candidate); over ±max|v| for the unbounded cell state (±1 when every value is 0).
     */
    public static ColorScale scaleFor(Quantity.Range range, float[] values) {
        return switch (range) {
            case SIGMOID -> ColorScale.sequential(0, 1);
            case TANH -> ColorScale.diverging(1);
            case UNBOUNDED -> {
                double max = 0;
                for (float v : values) if (Float.isFinite(v)) max = Math.max(max, Math.abs(v));
                yield ColorScale.diverging(max > 0 ? max : 1);
            }
        };
    }

    /** The page: {@code title}, then one block per row over the same tokens. */
    public static String page(String title, List<String> tokens, List<Row> rows) {
        for (Row r : rows)
            if (r.values().length != tokens.size())
                throw new IllegalArgumentException(r.label() + " has " + r.values().length + " values for "
                        + tokens.size() + " tokens");
        Map<String, String> classes = new LinkedHashMap<>(); // "background;foreground" -> class name
        StringBuilder body = new StringBuilder(tokens.size() * 48 * Math.max(1, rows.size()));
        for (Row r : rows) {
            body.append("<h2>").append(escape(r.label())).append("</h2>\n<p class=\"legend\">")
                    .append(legend(r.scale(), classes)).append("</p>\n<div class=\"text\">");
            for (int t = 0; t < tokens.size(); t++) {
                float v = r.values()[t];
                String token = tokens.get(t);
                String cls = classFor(r.scale(), v, classes);
                body.append("<span class=\"").append(cls).append("\" title=\"step ").append(t).append(" ")
                        .append(escape(quoted(token))).append(" ").append(number(v)).append("\">")
                        .append(escape(token.equals("\n") ? "\u21B5" : token)).append("</span>");
                if (token.equals("\n")) body.append('\n');
            }
            body.append("</div>\n");
        }
        StringBuilder page = new StringBuilder(body.length() + 2048);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body { font-family: sans-serif; margin: 2em; }\n")
                .append(".text { font-family: monospace; font-size: 15px; line-height: 1.5; white-space: pre-wrap; }\n")
                .append(".legend span { font-family: monospace; padding: 0 0.4em; }\n");
        for (Map.Entry<String, String> e : classes.entrySet()) {
            String[] colours = e.getKey().split(";");
            page.append('.').append(e.getValue()).append(" { background: ").append(colours[0]).append("; color: ")
                    .append(colours[1]).append("; }\n");
        }
        page.append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n").append(body)
                .append("</body>\n</html>\n");
        return page.toString();
    }

    /** The lower end, the middle and the upper end of the scale, each in its colour. */
    private static String legend(ColorScale scale, Map<String, String> classes) {
        double lo = scale.getLowerBound(), hi = scale.getUpperBound();
        StringBuilder sb = new StringBuilder();
        for (double v : new double[] {lo, (lo + hi) / 2, hi})
            sb.append("<span class=\"").append(classFor(scale, (float) v, classes)).append("\">").append(number((float) v))
                    .append("</span>");
        return sb.toString();
    }

    private static String classFor(ColorScale scale, float v, Map<String, String> classes) {
        String key;
        if (Float.isNaN(v)) {
            key = "transparent;#000000";
        } else {
            Color c = (Color) scale.getPaint(v);
            key = hex(c) + ";" + (luminance(c) < 0.45 ? "#ffffff" : "#000000");
        }
        return classes.computeIfAbsent(key, k -> "c" + classes.size());
    }

    /** Relative luminance (sRGB weights on the 0..1 channels, without gamma): below 0.45 takes white text. */
    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String number(float v) {
        return Float.isNaN(v) ? "no value" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quoted(String token) {
        return "'" + token.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
