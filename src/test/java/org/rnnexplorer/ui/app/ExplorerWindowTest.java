package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapView;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.gradient.GradientLabPane;
import org.rnnexplorer.ui.gradient.GradientLabViewModel;
import org.rnnexplorer.ui.training.TrainingPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the explorer window as a user would, and checks what it displays. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    static void waitUntil(java.util.function.Supplier<Boolean> condition) throws TimeoutException {
        ExplorerPage.waitUntil(condition);
    }

    @Test
    void opensOnTheDefaultBundledModelWithNothingToSetUp() throws Exception {
        ModelSource first = ModelCatalog.bundled().get(0);
        page.waitForOpen(first.title());
        assertEquals(first.title(), page.text(".model-title"));
        assertEquals(ModelCatalog.exampleFor(first, page.trace.modelProperty().get()),
                page.trace.inputTextProperty().get());
        assertTrue(page.stepLabel().startsWith("step 1 of " + page.trace.steps() + ": "));
        assertEquals(TokenLabels.visible(page.trace.result().input().tokens().get(0)), page.currentChip());
    }

    @Test
    void theReferenceLstmShowsTheDecksEquationsWithNumbers() throws Exception {
        page.openReferenceLstm();
        assertEquals(ExplorerPage.LSTM, page.text(".model-title"));
        assertEquals("LSTM · 1 layer · 24 units · 37 characters · next-token readout", page.text(".model-summary"));
        assertEquals("step 1 of 44: 'T'", page.stepLabel());
        assertEquals("T", page.currentChip());
        assertEquals("fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)", page.text("#equation-formula-0"));
        int u = page.trace.unitProperty().get();
        Trace tr = page.trace.result().original();
        assertTrue(page.text("#equation-numbers-0").endsWith("= " + Num.f(tr.gate(0, 1, 0, u))));
    }

    @Test
    void typeTextThenStepWithTheKeyboard(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.clickOn(".text-area");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("(a cat)");
        robot.clickOn(".strip-caption"); // the keys go back to playback
        waitUntil(() -> page.trace.steps() == 7 && !page.trace.busyProperty().get());
        assertEquals("step 1 of 7: '('", page.stepLabel());
        robot.type(KeyCode.RIGHT, 2);
        assertEquals("step 3 of 7: '␣'", page.stepLabel());
        assertEquals("␣", page.currentChip());
        robot.type(KeyCode.END);
        assertEquals("step 7 of 7: ')'", page.stepLabel());
        assertEquals(")", page.currentChip());
        robot.type(KeyCode.LEFT);
        assertEquals("t", page.currentChip());
        robot.type(KeyCode.HOME);
        assertEquals("step 1 of 7: '('", page.stepLabel());
        // Space plays: the steps advance on their own until Space pauses (at 2 s a step the end is 12 s away)
        page.interact(() -> page.vms.playback.stepsPerSecondProperty().set(0.5));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> page.trace.stepProperty().get() >= 1);
        robot.type(KeyCode.SPACE);
        assertFalse(page.vms.playback.playingProperty().get(), "paused");
        // a click on a chip jumps to its step
        robot.clickOn(page.chips().get(4));
        assertEquals("step 5 of 7: 'a'", page.stepLabel());
    }

    @Test
    void aClickOnAGateStripSelectsTheUnitEverywhere(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.type(KeyCode.RIGHT, 5);
        assertEquals("step 6 of 44: 'o'", page.stepLabel());
        robot.clickOn(page.unitOnScreen("forget gate", 3));
        assertEquals(3, page.trace.unitProperty().get());
        Trace tr = page.trace.result().original();
        assertEquals("unit 3: h = " + Num.f(tr.hidden(0, 5, 3)) + ", C = " + Num.f(tr.cellState(0, 5, 3)),
                page.text(".unit-label"));
        assertEquals("Unit 3 at step 6 ('o')", page.text(".equations-heading"));
        // the forget-gate line with unit 3's numbers: σ(from h + from x + bias) = f
        String numbers = page.text("#equation-numbers-0");
        assertTrue(numbers.startsWith("= σ("), numbers);
        assertTrue(numbers.endsWith("= " + Num.f(tr.gate(0, 1, 5, 3))), numbers);
        assertEquals("= " + Num.f(tr.gate(0, 1, 5, 3)) + " × " + Num.term(tr.cellState(0, 4, 3)) + " + "
                + Num.f(tr.gate(0, 0, 5, 3)) + " × " + Num.term(tr.gate(0, 2, 5, 3)) + " = "
                + Num.f(tr.cellState(0, 5, 3)), page.text("#equation-numbers-3"));
        assertTrue(page.text(".strip-caption").contains("coloured by h of unit 3"));
        // keyboard selects the next unit
        robot.type(KeyCode.DOWN);
        assertEquals(4, page.trace.unitProperty().get());
    }

    @Test
    void clampingAGateShowsTheChangedTraceBesideTheOriginal(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.type(KeyCode.RIGHT, 12);
        robot.rightClickOn(page.unitOnScreen("forget gate", 7));
        robot.clickOn("Clamp forget gate of unit 7 to 0");
        waitUntil(() -> page.trace.result().hasWhatIf() && !page.trace.busyProperty().get());
        TraceResult r = page.trace.result();
        for (int t = 0; t < r.steps(); t++) assertEquals(0.0, r.whatIf().gate(0, 1, t, 7), 0.0);
        assertEquals("What-if", page.sidePanel());
        assertTrue(page.text("#what-if-summary").startsWith("forget gate of unit 7 (layer 1) held at 0.000."));
        assertEquals("at step 13, unit 7: h = " + Num.f(r.original().hidden(0, 12, 7)) + " → "
                + Num.f(r.whatIf().hidden(0, 12, 7)) + " with the what-if", page.text("#what-if-at-step"));
        assertTrue(Math.abs(r.original().hidden(0, 12, 7) - r.whatIf().hidden(0, 12, 7)) > 1e-3,
                "forgetting everything changes h");
        // the diagram and the equations can show the what-if: the forget gate held at 0, the cell state forgetting
        robot.clickOn("#show-what-if");
        Trace w = r.whatIf();
        double computed = 1 / (1 + Math.exp(-w.preActivation(0, 1, 12, 7)));
        assertTrue(page.text("#equation-numbers-0").endsWith("= " + Num.f(computed) + " → held at 0.000"),
                page.text("#equation-numbers-0"));
        assertTrue(page.text("#equation-numbers-3").startsWith("= 0.000 × "), page.text("#equation-numbers-3"));
        assertEquals("unit 7: h = " + Num.f(w.hidden(0, 12, 7)) + ", C = " + Num.f(w.cellState(0, 12, 7)) + " (what-if)",
                page.text(".unit-label"));
        assertEquals(0.0, WaitForAsyncUtils.asyncFx(() -> page.diagram().current().gates()[1][7]).get(), 0.0,
                "the diagram's forget strip shows the held gate");
        robot.clickOn("#clear-what-ifs-button");
        waitUntil(() -> !page.trace.result().hasWhatIf());
        assertTrue(page.text("#what-if-summary").startsWith("No what-if"));
    }

    @Test
    void theModelMenuOpensAnotherModelAndABadFileShowsTheErrorInADialog(FxRobot robot, @TempDir Path dir)
            throws Exception {
        page.openReferenceLstm();
        robot.clickOn("Model");
        robot.clickOn("GRU — untrained demo");
        page.waitForOpen("GRU — untrained demo");
        assertEquals("GRU (reset after) · 1 layer · 16 units · 31 characters · next-token readout",
                page.text(".model-summary"));
        assertEquals("Candidate (reset after)", robot.lookup(".equation-name").nth(2).queryAs(Labeled.class).getText());
        // a stacked model from disk: the layer selector reaches layer 2
        page.interact(() -> page.vms.session.openFile(ExplorerPage.REFERENCE_GRU));
        page.waitForOpen("charlm-gru-2layer.json");
        assertEquals("GRU (reset after) · 2 layers · 16 units · 36 characters · next-token readout",
                page.text(".model-summary"));
        page.interact(() -> page.trace.layerProperty().set(1));
        assertTrue(page.text(".equations-heading").endsWith(", layer 2"));
        assertEquals(List.of(ExplorerPage.REFERENCE_GRU, ExplorerPage.REFERENCE_LSTM), page.vms.session.recentFiles(),
                "recent files, newest first");
        robot.clickOn("Model");
        robot.clickOn("Open recent");
        assertTrue(robot.lookup("charlm-lstm-1layer.json  —  src/test/resources/reference").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);

        Path bad = dir.resolve("bad-model.json");
        Files.writeString(bad, "{ not json");
        page.interact(() -> page.vms.session.openFile(bad));
        page.waitForDialog();
        DialogPane pane = page.dialog();
        assertEquals("Could not open the file", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith(bad + ": "), pane.getContentText());
        assertEquals("charlm-gru-2layer.json", page.text(".model-title"), "still open");
    }

    @Test
    void unknownCharactersAreMarkedNotFatal() throws Exception {
        page.openReferenceLstm();
        page.interact(() -> page.trace.inputTextProperty().set("xylophone"));
        waitUntil(() -> !page.trace.busyProperty().get() && page.trace.steps() == 8);
        assertEquals("1 character is not in the vocabulary, skipped: 'x' (at 1)", page.text(".unknown"));
        assertEquals("y", page.currentChip());
        assertEquals(List.of("y", "l", "o", "p", "h", "o", "n", "e"), page.trace.result().input().tokens());
    }

    @Test
    void theGradientPanelShowsTheChartAndTheWhatIfBesideIt(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.clickOn("Gradient");
        waitUntil(() -> page.vms.gradient.chartProperty().get() != null);
        JFreeChart first = page.vms.gradient.chartProperty().get();
        assertTrue(showsCompactCopyOf(page.gradientPanel().shownChart(), first), "the chart on screen (a compact copy)");
        XYDataset data = page.gradientPanel().shownChart().getXYPlot().getDataset();
        assertTrue(data.getSeriesKey(0).toString().contains("LSTM"), data.getSeriesKey(0).toString());
        // L is the cross-entropy of predicting the last token, made at step T−2: the error enters one step back, so
        // the curve has a point for each of the 43 steps from there to the first
        assertEquals(43, data.getItemCount(0));
        assertTrue(page.text(".gradient-caption").startsWith("L = cross-entropy of the last token"));
        // a what-if adds its curve beside the original
        page.interact(() -> page.vms.whatIf.clampGate(1, 1.0));
        waitUntil(() -> page.trace.result().hasWhatIf() && page.vms.gradient.chartProperty().get() != first
                && !page.vms.gradient.captionProperty().get().startsWith("computing"));
        assertEquals("Gradient", page.sidePanel(), "the Gradient panel stays in front");
        assertTrue(showsCompactCopyOf(page.gradientPanel().shownChart(), page.vms.gradient.chartProperty().get()),
                "the new chart is on screen");
        XYDataset both = page.vms.gradient.chartProperty().get().getXYPlot().getDataset();
        boolean found = false;
        for (int i = 0; i < both.getSeriesCount(); i++) found |= both.getSeriesKey(i).toString().contains("with the what-if");
        assertTrue(found, "the what-if curve is drawn");
    }

    @Test
    void aStepIsAnimatedUnlessMotionIsReduced(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        page.interact(() -> {
            page.vms.view.reducedMotionProperty().set(false);
            page.vms.view.transitionMillisProperty().set(60_000);
        });
        int u = page.trace.unitProperty().get();
        Trace tr = page.trace.result().original();
        double from = tr.hidden(0, 0, u), to = tr.hidden(0, 1, u);
        assertTrue(Math.abs(to - from) > 0.05, "the unit changes between steps 1 and 2");
        robot.type(KeyCode.RIGHT);
        // a minute-long transition: whenever we look after the key, h is part way
        waitUntil(() -> {
            double shown = page.diagram().current().h()[u];
            return Math.min(from, to) < shown && shown < Math.max(from, to);
        });
        assertEquals("step 2 of 44: 'h'", page.stepLabel(), "the labels do not wait for the animation");
        // reduced motion: the diagram jumps
        page.interact(() -> page.vms.view.reducedMotionProperty().set(true));
        robot.type(KeyCode.RIGHT);
        assertEquals(tr.hidden(0, 2, u), WaitForAsyncUtils.asyncFx(() -> page.diagram().current().h()[u]).get(), 0.0);
    }

    @Test
    void escapeInTheEditorGivesTheKeysBackToPlayback(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.clickOn(".text-area");
        assertTrue(page.window.scene().getFocusOwner() instanceof TextArea);
        robot.type(KeyCode.ESCAPE);
        assertFalse(page.window.scene().getFocusOwner() instanceof TextArea,
                "focus left the editor: " + page.window.scene().getFocusOwner());
        robot.type(KeyCode.RIGHT);
        assertEquals("step 2 of 44: 'h'", page.stepLabel());
    }

    @Test
    void hoveringAHeatmapShowsUnitStepAndValue(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        HeatmapView hidden = robot.lookup("#heatmap-hidden").queryAs(HeatmapView.class);
        Node plot = hidden.getChildren().get(1);
        Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        // the middle of the column of step 10 and the row of unit 5 (24 units, 44 steps)
        double plotHeight = b.getHeight() - 16;
        double x = b.getMinX() + (9 + 0.5) * b.getWidth() / 44, y = b.getMinY() + (5 + 0.5) * plotHeight / 24;
        robot.moveTo(new Point2D(x, y));
        waitUntil(() -> page.trace.hoverTextProperty().get().contains("step 10 "));
        Trace tr = page.trace.result().original();
        assertEquals("hidden state h (h): unit 5, step 10 't' = " + Num.f(tr.hidden(0, 9, 5)), page.text(".hover-info"));
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals(5, page.trace.unitProperty().get(), "a click selects the unit");
        assertEquals("step 10 of 44: 't'", page.stepLabel(), "and jumps to the step");
        robot.moveTo(".step-label");
        waitUntil(() -> page.trace.hoverTextProperty().get().isEmpty());
        assertEquals("", page.text(".hover-info"), "the hovered value goes away when the mouse leaves the heatmap");
    }

    @Test
    void presenterModeEnlargesTheTypeAndSwitchesToTheHighContrastPalette(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        double before = page.firstChipToken().getFont().getSize();
        assertEquals(Palette.NORMAL.background(), cornerColour());
        robot.type(KeyCode.F11);
        waitUntil(() -> page.window.scene().getRoot().getStyleClass().contains("presenter"));
        assertTrue(page.vms.view.presenterProperty().get());
        double after = page.firstChipToken().getFont().getSize();
        assertTrue(after > before, before + " -> " + after);
        waitUntil(() -> Palette.HIGH_CONTRAST.background().equals(cornerColour()));
        robot.type(KeyCode.F11);
        waitUntil(() -> !page.window.scene().getRoot().getStyleClass().contains("presenter"));
    }

    /** The colour the cell diagram paints in its top-left corner (its background). */
    Color cornerColour() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                WritableImage img = page.diagram().snapshot(null, null);
                return img.getPixelReader().getColor(2, 2);
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theGradientLabAndTrainingTabsShowTheirPanesOnTheOpenModel(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.clickOn("Gradient lab");
        waitUntil(() -> page.tabContent("lab-tab", GradientLabPane.class) != null);
        GradientLabViewModel lab = page.tabContent("lab-tab", GradientLabPane.class).viewModel();
        assertTrue(lab.modelProperty().get() == page.trace.modelProperty().get(), "the lab shows the open model");
        assertEquals(page.trace.result().input().tokens(), lab.tokensProperty().get(), "on the same input");
        robot.clickOn("Training");
        waitUntil(() -> page.tabContent("training-tab", TrainingPane.class) != null);
        robot.clickOn("Cell, step by step");
        robot.type(KeyCode.RIGHT);
        assertEquals("step 2 of 44: 'h'", page.stepLabel(), "the keys step again on the cell tab");
    }

    @Test
    void theKeyboardShortcutsDialogListsTheShortcutTable(FxRobot robot) throws Exception {
        page.waitForTrace();
        robot.type(KeyCode.F1);
        page.waitForDialog();
        String keys = page.dialog().getContentText();
        for (Shortcut s : Shortcut.values())
            assertTrue(keys.lines().anyMatch(l -> l.startsWith(s.keyText() + " ") && l.endsWith(" " + s.does())),
                    s + " is listed as its key and what it does: " + keys);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void everyControlACanClickOrDragSaysWhatItDoesOnHover(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        robot.clickOn("Gradient lab");
        waitUntil(() -> page.tabContent("lab-tab", GradientLabPane.class) != null);
        robot.clickOn("Training");
        waitUntil(() -> page.tabContent("training-tab", TrainingPane.class) != null);
        List<String> missing = new ArrayList<>();
        page.interact(() -> {
            for (Parent root : List.of(page.window.scene().getRoot(), page.tabContent("lab-tab", GradientLabPane.class),
                    page.tabContent("training-tab", TrainingPane.class)))
                collectUntipped(root, missing);
        });
        assertTrue(missing.isEmpty(), "controls without a tooltip: " + missing);
        robot.clickOn("Cell, step by step");
    }

    private static void collectUntipped(Parent parent, List<String> missing) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof ButtonBase || n instanceof Slider || n instanceof ComboBoxBase || n instanceof Spinner
                    || n instanceof TextInputControl) {
                if (((Control) n).getTooltip() == null && !insideAControl(n)) {
                    missing.add(n.getClass().getSimpleName() + " " + (n.getId() != null ? "#" + n.getId()
                            : n instanceof Labeled l ? "'" + l.getText() + "'" : ""));
                }
                continue; // the parts of a control (a spinner's arrows, a combo box's button) are not asked
            }
            if (n instanceof Parent p) collectUntipped(p, missing);
        }
    }

    /** A spinner's editor, a combo box's parts and the menu bar's titles belong to their control. */
    private static boolean insideAControl(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Spinner || p instanceof ComboBoxBase || p instanceof MenuBar) return true;
        }
        return false;
    }

    /** The side panel shows a compact copy of the view model's chart: same title and curves, smaller type. */
    static boolean showsCompactCopyOf(JFreeChart shown, JFreeChart chart) {
        if (shown == null || chart == null) return false;
        XYDataset a = shown.getXYPlot().getDataset(), b = chart.getXYPlot().getDataset();
        if (!shown.getTitle().getText().equals(chart.getTitle().getText())) return false;
        if (a.getSeriesCount() != b.getSeriesCount()) return false;
        for (int i = 0; i < a.getSeriesCount(); i++)
            if (!a.getSeriesKey(i).equals(b.getSeriesKey(i)) || a.getItemCount(i) != b.getItemCount(i)) return false;
        return shown.getTitle().getFont().getSize() < chart.getTitle().getFont().getSize();
    }
}
