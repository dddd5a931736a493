package org.rnnexplorer.ui.lesson;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;

/**
 * A lesson's handout: one landscape A4 page per slide, the lesson's title and "slide k of n" at the top, the
 * snapshot of the slide's view scaled to fit, and its caption with the numbers filled in underneath (JFreePDF).
 */
final class HandoutPdf {
    static final double PAGE_W = 842, PAGE_H = 595, MARGIN = 36;

    /** One page: the picture of the view and its caption as shown. */
    record Page1(BufferedImage view, String caption) {
    }

    private HandoutPdf() {
    }

    static byte[] pdf(String title, List<Page1> pages) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        for (int k = 0; k < pages.size(); k++) {
            Page page = doc.createPage(new Rectangle2D.Double(0, 0, PAGE_W, PAGE_H));
            PDFGraphics2D g = page.getGraphics2D();
            // text as outlines: the captions' subscripts and brackets need no PDF font encoding
            g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, (int) PAGE_W, (int) PAGE_H);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(title + " — slide " + (k + 1) + " of " + pages.size(), (float) MARGIN, (float) (MARGIN - 10));
            Font captionFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            List<String> lines = wrap(pages.get(k).caption(), g.getFontMetrics(captionFont), PAGE_W - 2 * MARGIN);
            double textH = lines.size() * 17 + 8;
            BufferedImage img = pages.get(k).view();
            double boxW = PAGE_W - 2 * MARGIN, boxH = PAGE_H - 2 * MARGIN - textH;
            double s = Math.min(boxW / img.getWidth(), boxH / img.getHeight());
            int w = (int) (img.getWidth() * s), h = (int) (img.getHeight() * s);
            g.drawImage(img, (int) MARGIN, (int) MARGIN, w, h, null);
            g.setColor(Color.BLACK);
            g.setFont(captionFont);
            float y = (float) (MARGIN + h + 20);
            for (String line : lines) {
                g.drawString(line, (float) MARGIN, y);
                y += 17;
            }
        }
        return doc.getPDFBytes();
    }

    /** {@code text} broken into lines at spaces, each at most {@code width} points wide. */
    static List<String> wrap(String text, FontMetrics fm, double width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (fm.stringWidth(next) > width && line.length() > 0) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
        }
        return out;
    }
}
