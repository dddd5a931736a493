package org.rnnexplorer.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a chart to PNG (at a scale: 2 gives a sharp image for slides and high-density screens), SVG (JFreeSVG) or
 * PDF (JFreePDF), in memory or to a stream. Width and height are in points (the PNG has scale × that many pixels);
 * the chart is laid out at that size in every format, so the three look the same. This package writes no files
 * itself (it sits below {@code io}): callers write through {@code io.AtomicFiles}.
 */
public final class ChartExport {
    private ChartExport() {
    }

    public static byte[] png(JFreeChart chart, int width, int height, int scale) {
        checkSize(width, height);
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("the PNG scale must be 1 to 4, got " + scale);
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return encodePng(image);
    }

    /** The image as PNG bytes. */
    static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The SVG document (with XML declaration) of the chart. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement();
    }

    /** A one-page PDF of the chart, the page the size of the chart; text is drawn as outlines (not selectable). */
    public static byte[] pdf(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() != null ? chart.getTitle().getText() : "chart");
        doc.setAuthor("RNN Explorer");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g = page.getGraphics2D();
        // Text as outlines: the PDF standard fonts know no σ, −, ␣ or C̃, and JFreePDF would not escape a lone "(".
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return doc.getPDFBytes();
    }

    /** The chart in a format, at width × height points. */
    public static byte[] bytes(JFreeChart chart, ChartFormat format, int width, int height) {
        switch (format) {
            case SVG: return svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
            case PDF: return pdf(chart, width, height);
            default: return png(chart, width, height, format.scale());
        }
    }

    /**
     * Draws the chart and writes it to {@code out}; use with {@code io.AtomicFiles.write(path, out -> ...)} so a
     * file is written whole or not at all. The chart is drawn before anything is written.
     */
    public static void write(JFreeChart chart, ChartFormat format, int width, int height, OutputStream out)
            throws IOException {
        out.write(bytes(chart, format, width, height));
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10000 || height > 10000)
            throw new IllegalArgumentException("the chart size must be 100 to 10000 points each way, got "
                    + width + " × " + height);
    }
}
