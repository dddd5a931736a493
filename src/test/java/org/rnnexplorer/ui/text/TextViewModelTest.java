package org.rnnexplorer.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.SeriesId;
import org.rnnexplorer.analysis.UnitScore;
import org.rnnexplorer.chart.TextHeatmapHtml;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** The Text tab's and the unit finder's view models on the bundled bracket LSTM, without a toolkit. */
class TextViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final FakeDialogService dialogs = new FakeDialogService();
    final TraceViewModel trace = new TraceViewModel(applier, dialogs);
    final TextViewModel text = new TextViewModel(trace);
    final UnitFinderViewModel finder = new UnitFinderViewModel(text, applier, dialogs);

    @AfterEach
    void close() {
        finder.close();
        trace.close();
    }

    static ModelSource.Bundled bracketsLstm() {
        return ModelCatalog.bundled().stream().filter(b -> b.path().endsWith("brackets-lstm.json")).findFirst().orElseThrow();
    }

    /** The bracket LSTM on 3,000 characters of its task's text (what BundledUnitsTest scores). */
    void openOnBracketText() throws InterruptedException {
        ModelSource.Bundled s = bracketsLstm();
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && !trace.busyProperty().get());
        trace.inputTextProperty().set(BracketsTask.text(new Random(123), 3000).substring(0, 3000));
        applier.until(() -> trace.steps() == 3000 && !trace.busyProperty().get());
    }

    @Test
    void colouredByTheSelectedUnitsCellStateOnARobustScale() throws Exception {
        openOnBracketText();
        trace.selectUnit(29);
        TextViewModel.Content c = text.contentProperty().get();
        assertNotNull(c);
        assertEquals(Quantity.CELL, text.quantityProperty().get(), "an LSTM's text is coloured by C, as Karpathy's");
        assertEquals(new SeriesId(0, Quantity.CELL, 29), c.series().get(0));
        Trace tr = trace.result().original();
        TextHeatmapHtml.Row row = c.rows().get(0);
        for (int t : new int[] {0, 14, 1234, 2999})
            assertEquals((float) tr.cellState(0, t, 29), row.values()[t]);
        // the scale is the 99th percentile of |C|: at most 1 % of the steps lie beyond it, and it is not the largest
        double s = row.scale().getUpperBound(), largest = 0;
        int beyond = 0;
        for (float v : row.values()) {
            largest = Math.max(largest, Math.abs(v));
            if (Math.abs(v) > s) beyond++;
        }
        assertTrue(beyond <= 30, beyond + " steps beyond ±" + s);
        assertTrue(s <= largest, "the scale " + s + " is within the values (largest " + largest + ")");
        assertEquals(-s, row.scale().getLowerBound());
        assertEquals(3000, c.wrap().tokens().size());
    }

    @Test
    void hoverReadsTheTraceClickMovesTheStepDragMarks() throws Exception {
        openOnBracketText();
        trace.selectUnit(29);
        text.quantityProperty().set(Quantity.FORGET_GATE);
        text.hoverStepProperty().set(41);
        Trace tr = trace.result().original();
        String token = trace.result().input().tokens().get(41);
        assertEquals("step 42 '" + org.rnnexplorer.ui.common.TokenLabels.visible(token) + "' · l0.forget.29 = "
                + Num.f(tr.gate(0, 1, 41, 29)), text.hoverTextProperty().get());
        assertEquals(0, text.contentProperty().get().rows().get(0).scale().getLowerBound(), "a σ gate on [0, 1]");
        text.click(41);
        assertEquals(41, trace.stepProperty().get());
        text.mark(90, 60);
        assertEquals(60, text.markFromProperty().get());
        assertEquals(90, text.markToProperty().get());
        text.addSelectedAsRow();
        assertEquals(1, text.extraRows().size(), "the band duplicates the line until another unit is chosen");
        trace.selectUnit(8);
        assertEquals(2, text.contentProperty().get().rows().size());
        assertEquals(new SeriesId(0, Quantity.FORGET_GATE, 29), text.contentProperty().get().series().get(1));
    }

    @Test
    void theFinderRanksCellUnit29ForBracketDepthAnd8ForQuotesAndAClickShowsIt() throws Exception {
        openOnBracketText();
        trace.selectUnit(3);
        text.quantityProperty().set(Quantity.HIDDEN);
        finder.builtInProperty().set(BuiltInHypothesis.BRACKET_DEPTH);
        finder.run();
        applier.until(() -> !finder.runningProperty().get() && !finder.best().isEmpty());
        UnitScore best = finder.best().get(0);
        assertEquals("l0.c.29", best.series().label());
        assertEquals(BuiltInHypothesis.values().length, finder.summary().size());
        assertEquals("bracket-depth", finder.summary().get(0).hypothesis());
        assertEquals(finder.rankingProperty().get().passing(0.5), finder.summary().get(0).passing());
        finder.select(best);
        assertEquals(29, trace.unitProperty().get());
        assertEquals(0, trace.layerProperty().get());
        assertEquals(Quantity.CELL, text.quantityProperty().get());
        assertEquals(best.series(), text.contentProperty().get().series().get(0));

        finder.builtInProperty().set(BuiltInHypothesis.INSIDE_QUOTES);
        finder.run();
        applier.until(() -> !finder.runningProperty().get() && finder.rankingProperty().get() != null
                && finder.rankingProperty().get().hypothesis().equals("inside-quotes"));
        assertEquals("l0.c.8", finder.best().get(0).series().label());
    }

    @Test
    void aMarkedRangeAndARegexAreHypothesesToo() throws Exception {
        openOnBracketText();
        String s = String.join("", trace.result().input().tokens());
        int open = s.indexOf('('), close = s.indexOf(')', open);
        text.mark(open, close);
        assertEquals(UnitFinderViewModel.Mode.MARKED_RANGE, finder.modeProperty().get());
        finder.run();
        applier.until(() -> !finder.runningProperty().get() && finder.rankingProperty().get() != null);
        assertEquals("range:" + open + "-" + (close + 1), finder.rankingProperty().get().hypothesis());
        assertEquals(close - open + 1, finder.rankingProperty().get().hypothesisOnSteps());

        finder.regexProperty().set("\"[^\"]*\"");
        assertEquals(UnitFinderViewModel.Mode.REGEX, finder.modeProperty().get());
        finder.run();
        applier.until(() -> !finder.runningProperty().get()
                && finder.rankingProperty().get().hypothesis().startsWith("regex:"));
        assertEquals("l0.c.8", finder.best().get(0).series().label(), "a quoted stretch is what cell unit 8 tracks");

        finder.regexProperty().set("(unclosed");
        finder.run();
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).contains("bad regular expression"), dialogs.errors().get(0));
    }

    @Test
    void aCellWithoutCellStateIsColouredByH() throws Exception {
        openOnBracketText();
        assertEquals(Quantity.CELL, text.quantityProperty().get());
        ModelSource gru = org.rnnexplorer.ui.explorer.trace.DemoModels.entries().get(1);
        trace.open(gru);
        applier.until(() -> trace.sourceProperty().get() == gru && !trace.busyProperty().get());
        assertEquals(Quantity.HIDDEN, text.quantityProperty().get());
        assertEquals(Quantity.HIDDEN, text.contentProperty().get().series().get(0).quantity());
        assertEquals(-1, text.contentProperty().get().rows().get(0).scale().getLowerBound(), "h on [−1, 1]");
    }
}
