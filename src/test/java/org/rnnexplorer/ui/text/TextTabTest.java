package org.rnnexplorer.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Text tab and the unit finder, driven as a user would on the bundled bracket LSTM. */
@ExtendWith(ApplicationExtension.class)
class TextTabTest {
    TextTabPage page;

    @Start
    void start(Stage stage) {
        page = TextTabPage.show(stage);
    }

    @Test
    void theFinderListsCellUnit29ForBracketDepthAnd8ForQuotesAndARowSelectsItsUnit() throws Exception {
        page.openBracketLstmOnItsText();
        page.interact(() -> page.vms.trace.selectUnit(3));
        page.chooseHypothesis(BuiltInHypothesis.BRACKET_DEPTH);
        page.findUnits();
        assertEquals("l0.c.29", page.row(0));
        page.chooseHypothesis(BuiltInHypothesis.INSIDE_QUOTES);
        page.findUnits();
        assertEquals("inside-quotes", page.vms.finder.rankingProperty().get().hypothesis());
        assertEquals("l0.c.8", page.row(0));
        page.clickRow(0);
        TextTabPage.waitUntil(() -> page.trace.unitProperty().get() == 8);
        assertEquals(0, page.trace.layerProperty().get());
        assertEquals(Quantity.CELL.label(), page.quantityShown());
        assertTrue(page.trace.unitLabelProperty().get().startsWith("unit 8:"), "the whole window shows unit 8");
    }

    @Test
    void clickingACharacterMovesTheStepAndHoverShowsTheTracesValue() throws Exception {
        page.openBracketLstmOnItsText();
        page.interact(() -> page.vms.text.show(new org.rnnexplorer.analysis.SeriesId(0, Quantity.CELL, 29)));
        page.clickCharacter(1234);
        TextTabPage.waitUntil(() -> page.trace.stepProperty().get() == 1234);
        page.hoverCharacter(1250);
        TextTabPage.waitUntil(() -> page.hoverText().startsWith("step 1251 "));
        Trace tr = page.trace.result().original();
        String token = page.trace.result().input().tokens().get(1250);
        assertEquals("step 1251 '" + TokenLabels.visible(token) + "' · l0.c.29 = " + Num.f(tr.cellState(0, 1250, 29)),
                page.hoverText());
        assertEquals(page.hoverText(), page.tooltip(), "the tooltip beside the mouse says the same");
        assertEquals(1234, page.trace.stepProperty().get(), "hovering does not move the step");
        // far down the text: the view scrolls there, and the click still lands on the right character
        page.clickCharacter(2950);
        TextTabPage.waitUntil(() -> page.trace.stepProperty().get() == 2950);
        assertTrue(page.textView().top() > 0, "the view scrolled");
    }

    @Test
    void draggingOverTheTextMarksARangeTheFinderScores() throws Exception {
        page.openBracketLstmOnItsText();
        page.drag(100, 130);
        TextTabPage.waitUntil(() -> page.vms.text.markToProperty().get() == 130);
        assertEquals(100, page.vms.text.markFromProperty().get());
        assertEquals(UnitFinderViewModel.Mode.MARKED_RANGE, page.vms.finder.modeProperty().get());
        page.findUnits();
        assertEquals("range:100-131", page.vms.finder.rankingProperty().get().hypothesis());
        assertEquals(31, page.vms.finder.rankingProperty().get().hypothesisOnSteps());
    }

    @Test
    void exportsTheViewAsSvgPdfPngAndTheWholeTextAsHtml(@TempDir Path dir) throws Exception {
        page.openBracketLstmOnItsText();
        page.interact(() -> page.vms.text.show(new org.rnnexplorer.analysis.SeriesId(0, Quantity.CELL, 29)));
        TextTabPage.waitUntil(() -> page.vms.text.contentProperty().get().series().get(0).unit() == 29);
        TextViewModel.Content c = page.vms.text.contentProperty().get();
        Trace tr = page.trace.result().original();

        Path svg = page.export("export-text-svg", dir);
        String s = Files.readString(svg);
        assertTrue(s.startsWith("<?xml") && s.contains("<svg"), svg.toString());
        assertTrue(s.contains("l0.c.29"), "the legend names the unit");
        String firstLine = String.join("", c.source().tokens().subList(0, 20));
        assertTrue(s.contains(firstLine.substring(0, 6).replace("\"", "&quot;")) || s.contains(firstLine.substring(0, 6)),
                "the first words are SVG text");

        Path pdf = page.export("export-text-pdf", dir);
        assertTrue(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).startsWith("%PDF"));

        Path png = page.export("export-text-png", dir);
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 500 && img.getHeight() > 200, img.getWidth() + " × " + img.getHeight());

        Path html = page.export("export-text-html", dir);
        String h = Files.readString(html);
        assertTrue(h.contains("<title>") && !h.contains("<script") && !h.contains("<link"), "self-contained");
        assertEquals(3000, h.split("<span class=\"c\\d+\" title=\"step ", -1).length - 1, "a span per step");
        Matcher m = Pattern.compile("title=\"step 1500 '[^']*' (-?[0-9.]+)\"").matcher(h);
        assertTrue(m.find(), "step 1500 is there");
        assertEquals(tr.cellState(0, 1500, 29), Double.parseDouble(m.group(1)), 5e-4);
    }
}
