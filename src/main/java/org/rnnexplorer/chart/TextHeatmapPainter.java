package org.rnnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws the text view (Karpathy et al. 2015's picture) with Java2D: the wrapped text ({@link TextWrap}) in
 * monospaced cells, each token's cell in the colour of the first row's value at that step, each further row a
 * band of the same cells under the line; the current step outlined, the step under the mouse framed, a marked
 * range underlined. It draws only the lines that meet the view, so a frame costs the same at any length of text.
 * The window draws its frames with it and the exports (PNG, SVG, PDF) draw the same lines with it.
 *
 * <p>Geometry: a line block is {@code textHeight + (rows − 1)·band + gap} tall; line l starts at
 * {@code l·block − top} (top: pixels scrolled); token t's cells start at {@code left + column(t)·cellWidth}.
 */
public final class TextHeatmapPainter {
    /** Height of each further row's band, and the space between line blocks, in pixels. */
    public static final double BAND = 7;
    public static final double GAP = 7;
    public static final double LEFT = 10;
    private static final Color CURRENT = new Color(0xD9, 0x5F, 0x02);
    private static final Color HOVER = new Color(0x33, 0x33, 0x33);
    private static final Color MARK = new Color(0x75, 0x30, 0xA0);
    private static final Color NO_VALUE = new Color(0xEE, 0xEE, 0xEE);

    /** What is marked on the text: token indices, −1 for none; the marked range is {@code markFrom..markTo}. */
    public record Marks(int current, int hover, int markFrom, int markTo) {
        public static final Marks NONE = new Marks(-1, -1, -1, -1);

        boolean marked(int t) {
            return markFrom >= 0 && t >= markFrom && t <= markTo;
        }
    }

    private final Font font;
    private final double cellWidth;
    private final double textHeight;
    private final double ascent;
    private final StringBuilder run = new StringBuilder(256);

    /** A painter in the given font (it should be monospaced: the cells are as wide as an "m"). */
    public TextHeatmapPainter(Font font) {
        this.font = font;
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        hints(g);
        FontMetrics fm = g.getFontMetrics(font);
        cellWidth = fm.getStringBounds("m", g).getWidth();
        textHeight = Math.ceil(fm.getAscent() + fm.getDescent() + 4);
        ascent = fm.getAscent() + 2;
        g.dispose();
    }

    /** Monospaced, 15 px: what the window shows. */
    public static TextHeatmapPainter standard() {
        return new TextHeatmapPainter(new Font(Font.MONOSPACED, Font.PLAIN, 15));
    }

    public Font font() { return font; }

    public double cellWidth() { return cellWidth; }

    public double textHeight() { return textHeight; }

    /** The height of one line with {@code rows} rows. */
    public double blockHeight(int rows) {
        return textHeight + Math.max(0, rows - 1) * BAND + GAP;
    }

    /** How many cells fit on a line of a view {@code width} pixels wide (at least 8). */
    public int columnsFor(double width) {
        return Math.max(8, (int) Math.floor((width - 2 * LEFT) / cellWidth));
    }

    /** The token at a point of the view scrolled by {@code top} pixels, or −1. */
    public int tokenAt(TextWrap wrap, int rows, double top, double x, double y) {
        double block = blockHeight(rows), inLine = (y + top) % block;
        if (y + top < 0 || inLine >= block - GAP) return -1;
        int line = (int) Math.floor((y + top) / block);
        return wrap.tokenAt(line, (int) Math.floor((x - LEFT) / cellWidth));
    }

    /** The scroll offset that puts token t's line in the middle of a view {@code height} pixels tall. */
    public double topCentring(TextWrap wrap, int rows, int t, double height) {
        return Math.max(0, wrap.line(t) * blockHeight(rows) - (height - blockHeight(rows)) / 2);
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /**
     * Paints the lines of a view {@code width} × {@code height} scrolled by {@code top} pixels onto {@code g}
     * (its origin the view's top left), white behind.
     */
    public void paint(Graphics2D g, TextWrap wrap, List<TextHeatmapHtml.Row> rows, double top, double width,
                      double height, Marks marks) {
        hints(g);
        g.setFont(font);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        int n = Math.max(1, rows.size());
        double block = blockHeight(n);
        int first = Math.max(0, (int) Math.floor(top / block));
        for (int l = first; l < wrap.lines(); l++) {
            double y = l * block - top;
            if (y >= height) break;
            paintLine(g, wrap, rows, l, y, marks);
        }
    }

    private void paintLine(Graphics2D g, TextWrap wrap, List<TextHeatmapHtml.Row> rows, int l, double y, Marks marks) {
        int from = wrap.firstToken(l), to = wrap.endToken(l);
        Rectangle2D.Double cell = new Rectangle2D.Double();
        for (int t = from; t < to; t++) {
            double x = LEFT + wrap.column(t) * cellWidth, w = wrap.width(t) * cellWidth;
            for (int r = 0; r < rows.size(); r++) {
                g.setColor(colour(rows.get(r), t));
                if (r == 0) cell.setRect(x, y, w, textHeight);
                else cell.setRect(x, y + textHeight + (r - 1) * BAND + 1, w, BAND - 1);
                g.fill(cell);
            }
            if (marks.marked(t)) {
                g.setColor(MARK);
                cell.setRect(x, y + blockHeight(rows.size()) - GAP + 1, w, 3);
                g.fill(cell);
            }
        }
        // the text, in runs of tokens that take the same ink (white on dark cells, black on light ones)
        int start = from;
        boolean light = ink(rows, from);
        run.setLength(0);
        for (int t = from; t <= to; t++) {
            boolean l2 = t < to && ink(rows, t);
            boolean contiguous = t < to && t > start && wrap.column(t) == wrap.column(t - 1) + wrap.width(t - 1);
            if (t == to || (t > start && (l2 != light || !contiguous))) {
                g.setColor(light ? Color.WHITE : Color.BLACK);
                g.drawString(run.toString(), (float) (LEFT + wrap.column(start) * cellWidth), (float) (y + ascent));
                run.setLength(0);
                start = t;
                light = l2;
            }
            if (t < to) run.append(TextWrap.display(wrap.tokens().get(t)));
        }
        outline(g, wrap, rows.size(), l, y, marks.hover(), HOVER, 1);
        outline(g, wrap, rows.size(), l, y, marks.current(), CURRENT, 2.5f);
    }

    private void outline(Graphics2D g, TextWrap wrap, int rows, int l, double y, int t, Color c, float stroke) {
        if (t < 0 || t >= wrap.tokens().size() || wrap.line(t) != l) return;
        g.setColor(c);
        g.setStroke(new BasicStroke(stroke));
        g.draw(new Rectangle2D.Double(LEFT + wrap.column(t) * cellWidth - stroke / 2, y - stroke / 2,
                wrap.width(t) * cellWidth + stroke, blockHeight(rows) - GAP + stroke));
        g.setStroke(new BasicStroke(1));
    }

    private static Color colour(TextHeatmapHtml.Row row, int t) {
        float v = row.values()[t];
        return Float.isNaN(v) ? NO_VALUE : (Color) row.scale().getPaint(v);
    }

    /** True when the first row's colour at t is dark enough for white text. */
    private static boolean ink(List<TextHeatmapHtml.Row> rows, int t) {
        return !rows.isEmpty() && TextHeatmapHtml.luminance(colour(rows.get(0), t)) < 0.45;
    }

    /**
     * A legend for each row at (x, y): its label, and a bar of its colours from the lower to the upper end with the
     * three values; returns the height taken.
     */
    public double paintLegend(Graphics2D g, List<TextHeatmapHtml.Row> rows, double x, double y) {
        hints(g);
        Font small = font.deriveFont(12f);
        g.setFont(small);
        double rowH = 20;
        for (int r = 0; r < rows.size(); r++) {
            TextHeatmapHtml.Row row = rows.get(r);
            double yy = y + r * rowH;
            ColorScale s = row.scale();
            double barX = x, barW = 150;
            for (int i = 0; i < barW; i++) {
                double v = s.getLowerBound() + (s.getUpperBound() - s.getLowerBound()) * i / (barW - 1);
                g.setColor((Color) s.getPaint(v));
                g.fill(new Rectangle2D.Double(barX + i, yy + 3, 1.2, 12));
            }
            g.setColor(Color.DARK_GRAY);
            g.draw(new Rectangle2D.Double(barX, yy + 3, barW, 12));
            g.setColor(Color.BLACK);
            String ends = String.format(Locale.ROOT, "%s … %s", number(s.getLowerBound()), number(s.getUpperBound()));
            g.drawString(ends, (float) (barX + barW + 6), (float) (yy + 14));
            String where = r == 0 ? "text" : "band " + r;
            g.drawString(where + ": " + row.label(), (float) (barX + barW + 120), (float) (yy + 14));
        }
        g.setFont(font);
        return rows.size() * rowH;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '\u2212');
    }
}
