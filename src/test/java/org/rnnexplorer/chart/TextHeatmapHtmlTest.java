package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnexplorer.analysis.Quantity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text view's HTML page: every token in order, in the colour the scale gives its value, readable and alone. */
class TextHeatmapHtmlTest {
    private static final Pattern SPAN = Pattern.compile("<span class=\"(c\\d+)\"(?: title=\"([^\"]*)\")?>([^<]*)</span>");
    private static final Pattern STYLE = Pattern.compile("\\.(c\\d+) \\{ background: (#[0-9a-f]{6}|transparent); color: (#[0-9a-f]{6}); }");

    private record Cell(String background, String foreground, String title, String text) {
    }

    /** The coloured tokens of the page's text blocks, in order (the legends left out). */
    private static List<Cell> cells(String html) {
        Map<String, String[]> css = new HashMap<>();
        Matcher m = STYLE.matcher(html);
        while (m.find()) css.put(m.group(1), new String[] {m.group(2), m.group(3)});
        List<Cell> out = new ArrayList<>();
        Matcher s = SPAN.matcher(html);
        while (s.find()) {
            String[] c = css.get(s.group(1));
            out.add(new Cell(c[0], c[1], s.group(2), s.group(3)));
        }
        return out;
    }

    @Test
    void everyTokenIsShownInOrderInItsValuesColour() {
        List<String> tokens = List.of("a", "<", "&", "\n", "b", " ");
        float[] values = {-1f, -0.5f, 0f, 0.5f, 1f, Float.NaN};
        ColorScale scale = ColorScale.diverging(1);
        String html = TextHeatmapHtml.page("l0.h.3", tokens, List.of(new TextHeatmapHtml.Row("l0.h.3 <h>", values, scale)));
        List<Cell> cells = cells(html);
        // the legend of the one row comes first: -1, 0, 1
        assertEquals(List.of("-1.000", "0.000", "1.000"), cells.subList(0, 3).stream().map(Cell::text).toList());
        List<Cell> text = cells.subList(3, cells.size());
        assertEquals(List.of("a", "&lt;", "&amp;", "\u21B5", "b", " "), text.stream().map(Cell::text).toList());
        for (int t = 0; t < 5; t++)
            assertEquals(TextHeatmapHtml.hex((Color) scale.getPaint(values[t])), text.get(t).background(), "step " + t);
        assertEquals("transparent", text.get(5).background(), "no value, no colour");
        assertEquals("#ffffff", text.get(0).foreground(), "white type on dark blue");
        assertEquals("#000000", text.get(2).foreground(), "black type on white");
        assertEquals("step 1 '&lt;' -0.500", text.get(1).title());
        assertEquals("step 3 '\\n' 0.500", text.get(3).title());
        assertTrue(html.contains("\u21B5</span>\n<span"), "a line break token breaks the line");
        assertTrue(html.contains("<h2>l0.h.3 &lt;h&gt;</h2>"));
    }

    @Test
    void thePageNeedsNothingFromOutside() {
        String html = TextHeatmapHtml.page("t", List.of("x"), List.of(new TextHeatmapHtml.Row("r", new float[] {0.2f},
                ColorScale.sequential(0, 1))));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String outside : List.of("<script", "http:", "https:", "src=", "<link", "@import", "url("))
            assertFalse(html.contains(outside), outside);
    }

    @Test
    void severalUnitsAreStackedBlocksOverTheSameText() {
        List<String> tokens = List.of("a", "b");
        String html = TextHeatmapHtml.page("t", tokens, List.of(
                new TextHeatmapHtml.Row("one", new float[] {0, 1}, ColorScale.sequential(0, 1)),
                new TextHeatmapHtml.Row("two", new float[] {1, 0}, ColorScale.sequential(0, 1))));
        List<Cell> cells = cells(html);
        assertEquals(2 * (3 + 2), cells.size(), "a legend and the text per row");
        assertEquals(cells.get(3).background(), cells.get(9).background(), "one's a (0) is coloured as two's b (0)");
        assertTrue(html.indexOf("<h2>one</h2>") < html.indexOf("<h2>two</h2>"));
        assertThrows(IllegalArgumentException.class, () -> TextHeatmapHtml.page("t", tokens,
                List.of(new TextHeatmapHtml.Row("short", new float[] {1}, ColorScale.sequential(0, 1)))));
    }

    @Test
    void theScaleFollowsTheQuantitysRange() {
        ColorScale gate = TextHeatmapHtml.scaleFor(Quantity.Range.SIGMOID, new float[] {0.2f});
        assertEquals(0, gate.getLowerBound());
        assertEquals(1, gate.getUpperBound());
        ColorScale h = TextHeatmapHtml.scaleFor(Quantity.Range.TANH, new float[] {0.2f});
        assertEquals(-1, h.getLowerBound());
        ColorScale c = TextHeatmapHtml.scaleFor(Quantity.Range.UNBOUNDED, new float[] {-3f, 1.5f, Float.NaN});
        assertEquals(-3, c.getLowerBound());
        assertEquals(3, c.getUpperBound());
        assertEquals(1, TextHeatmapHtml.scaleFor(Quantity.Range.UNBOUNDED, new float[] {0f}).getUpperBound());
    }
}
