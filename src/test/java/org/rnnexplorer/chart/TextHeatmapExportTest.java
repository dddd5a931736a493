package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The text view's pictures: the cells in the colours of the values, the text legible, the legend beside. */
class TextHeatmapExportTest {
    final List<String> tokens = TextWrapTest.chars("a (b (c)) d\nsecond line");
    final float[] depth = {0, 0, 1, 1, 1, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    final TextHeatmapPainter painter = TextHeatmapPainter.standard();

    TextHeatmapExport.View view() {
        TextHeatmapHtml.Row row = new TextHeatmapHtml.Row("depth", depth, ColorScale.diverging(2));
        return new TextHeatmapExport.View("Bracket depth", new TextWrap(tokens, false, 40), List.of(row), 0, 10,
                new TextHeatmapPainter.Marks(5, -1, -1, -1));
    }

    @Test
    void thePngHasEachCellInItsValuesColour() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(TextHeatmapExport.png(painter, view(), 1)));
        double[] size = TextHeatmapExport.size(painter, view());
        assertEquals((int) size[0], img.getWidth());
        // the text starts below the title and legend; sample near the bottom left corner of cell t on line 0
        double top = size[1] - 16 - 2 * painter.blockHeight(1);
        for (int t : new int[] {0, 5, 8}) {
            int x = (int) (16 + TextHeatmapPainter.LEFT + (t + 0.1) * painter.cellWidth());
            int y = (int) (top + painter.textHeight() - 2);
            Color expected = (Color) ColorScale.diverging(2).getPaint(depth[t]);
            assertEquals(expected.getRGB(), img.getRGB(x, y), "cell " + t);
        }
    }

    @Test
    void theSvgHoldsTheTextAndTheColours() {
        String svg = TextHeatmapExport.svg(painter, view());
        assertTrue(svg.startsWith("<?xml"));
        assertTrue(svg.contains("Bracket depth"));
        assertTrue(svg.contains("second line"), "a run of one ink is one text element");
        String red = String.format("rgb(%d,%d,%d)", 0xB2, 0x18, 0x2B); // depth 2 at the scale's upper end
        assertTrue(svg.contains(red) || svg.toLowerCase().contains("#b2182b"), "the deepest cells are dark red");
    }

    @Test
    void thePdfIsOnePageOfThePicturesSize() {
        String pdf = new String(TextHeatmapExport.pdf(painter, view()), StandardCharsets.ISO_8859_1);
        double[] size = TextHeatmapExport.size(painter, view());
        assertTrue(pdf.startsWith("%PDF"));
        assertTrue(pdf.contains("/Title (Bracket depth)"), "the document is titled");
        assertTrue(pdf.contains("/MediaBox [0.0 0.0 " + size[0] + " " + size[1] + "]")
                || pdf.contains("/MediaBox [0 0 " + (int) size[0] + " " + (int) size[1] + "]"), "one page of the picture");
    }
}
