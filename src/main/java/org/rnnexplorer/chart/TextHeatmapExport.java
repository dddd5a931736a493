package org.rnnexplorer.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * The text view as a picture: a title, a legend per row and lines {@code firstLine .. firstLine + lineCount − 1} of
 * the wrapped text drawn by {@link TextHeatmapPainter}, as PNG, SVG (JFreeSVG; text as text) or PDF (JFreePDF; text
 * as outlines, as {@link ChartExport} does). The size follows the text: the wrap's columns wide, the lines tall.
 * The whole text as a web page is {@link TextHeatmapHtml}.
 */
public final class TextHeatmapExport {
    private static final double MARGIN = 16;
    private static final double TITLE = 30;

    private TextHeatmapExport() {
    }

    /** What to draw. */
    public record View(String title, TextWrap wrap, List<TextHeatmapHtml.Row> rows, int firstLine, int lineCount,
                       TextHeatmapPainter.Marks marks) {
        public View {
            if (rows.isEmpty()) throw new IllegalArgumentException("a text picture needs a row of values");
            firstLine = Math.max(0, Math.min(firstLine, Math.max(0, wrap.lines() - 1)));
            lineCount = Math.max(1, Math.min(lineCount, wrap.lines() - firstLine));
        }
    }

    /** The picture's width and height in points. */
    public static double[] size(TextHeatmapPainter painter, View v) {
        double w = Math.max(560, 2 * TextHeatmapPainter.LEFT + v.wrap().columns() * painter.cellWidth()) + 2 * MARGIN;
        double h = MARGIN + TITLE + 20 * v.rows().size() + 10 + v.lineCount() * painter.blockHeight(v.rows().size()) + MARGIN;
        return new double[] {Math.ceil(w), Math.ceil(h)};
    }

    /** Draws the picture onto {@code g} at its size. */
    public static void draw(Graphics2D g, TextHeatmapPainter painter, View v) {
        double[] size = size(painter, v);
        TextHeatmapPainter.hints(g);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, size[0], size[1]));
        g.setColor(Color.BLACK);
        g.setFont(painter.font().deriveFont(Font.BOLD, 16f));
        g.drawString(v.title(), (float) MARGIN, (float) (MARGIN + 18));
        double legend = painter.paintLegend(g, v.rows(), MARGIN, MARGIN + TITLE);
        double top = MARGIN + TITLE + legend + 10, block = painter.blockHeight(v.rows().size());
        Graphics2D text = (Graphics2D) g.create();
        try {
            text.translate(MARGIN, top); // no clip: the lines end at the picture's lower margin, and some SVG viewers mishandle clips
            painter.paint(text, v.wrap(), v.rows(), v.firstLine() * block, size[0] - 2 * MARGIN, v.lineCount() * block,
                    v.marks());
        } finally {
            text.dispose();
        }
    }

    public static byte[] png(TextHeatmapPainter painter, View v, int scale) {
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("the PNG scale must be 1 to 4, got " + scale);
        double[] size = size(painter, v);
        BufferedImage image = new BufferedImage((int) size[0] * scale, (int) size[1] * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            draw(g, painter, v);
        } finally {
            g.dispose();
        }
        return ChartExport.encodePng(image);
    }

    /** The SVG document, with its XML declaration; the text is SVG text. */
    public static String svg(TextHeatmapPainter painter, View v) {
        double[] size = size(painter, v);
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        draw(g, painter, v);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement();
    }

    /** A one-page PDF the size of the picture; text as outlines (the standard PDF fonts know no ↵ or −). */
    public static byte[] pdf(TextHeatmapPainter painter, View v) {
        double[] size = size(painter, v);
        PDFDocument doc = new PDFDocument();
        doc.setTitle(v.title());
        doc.setAuthor("RNN Explorer");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, size[0], size[1]));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        draw(g, painter, v);
        return doc.getPDFBytes();
    }

    /** The picture in a chart format. */
    public static byte[] bytes(TextHeatmapPainter painter, View v, ChartFormat format) {
        return switch (format) {
            case SVG -> svg(painter, v).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(painter, v);
            default -> png(painter, v, format.scale());
        };
    }
}
