package org.rnnexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.Trace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the explorer window as a user would, and checks what it displays. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    ExplorerWindow window;
    ExplorerViewModel vm;

    @BeforeAll
    static void noPrefs() {
        System.setProperty("rnnexplorer.noPrefs", "true");
    }

    @Start
    void start(Stage stage) {
        window = ExplorerWindow.show(stage);
        vm = window.controller().viewModel();
        vm.reducedMotionProperty().set(true);
        stage.requestFocus();
    }

    static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    String currentChip(FxRobot robot) {
        Node chip = robot.lookup(".chip.current").query();
        return ((SequenceStrip.Chip) chip).token.getText();
    }

    static final Path REFERENCE_LSTM = Path.of("src/test/resources/reference/charlm-lstm-1layer.json");
    static final Path REFERENCE_GRU = Path.of("src/test/resources/reference/charlm-gru-2layer.json");
    static final String LSTM = "charlm-lstm-1layer.json";

    /** Opens the PyTorch-trained reference LSTM (not a bundled model, so the tests do not depend on the index). */
    void openReferenceLstm(FxRobot robot) throws TimeoutException {
        waitUntil(() -> vm.result() != null && !vm.busyProperty().get());
        robot.interact(() -> vm.openFile(REFERENCE_LSTM));
        waitForOpen(LSTM);
        assertEquals("The forget gate (and the input gate) decide.", vm.inputTextProperty().get());
    }

    void waitForOpen(String title) throws TimeoutException {
        waitUntil(() -> vm.entryProperty().get() != null && vm.entryProperty().get().title().equals(title)
                && vm.result() != null && !vm.busyProperty().get());
    }

    @Test
    void opensOnTheDefaultBundledModelWithNothingToSetUp(FxRobot robot) throws Exception {
        ModelEntry first = ModelCatalog.bundled().get(0);
        waitForOpen(first.title());
        assertEquals(first.title(), text(robot, ".model-title"));
        assertEquals(ModelCatalog.exampleFor(first, vm.modelProperty().get()), vm.inputTextProperty().get());
        assertTrue(text(robot, ".step-label").startsWith("step 1 of " + vm.steps() + ": "));
        assertEquals(TokenLabels.visible(vm.result().input().tokens().get(0)), currentChip(robot));
    }

    @Test
    void theReferenceLstmShowsTheDecksEquationsWithNumbers(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        assertEquals(LSTM, text(robot, ".model-title"));
        assertEquals("LSTM · 1 layer · 24 units · 37 characters · next-token readout", text(robot, ".model-summary"));
        assertEquals("step 1 of 44: 'T'", text(robot, ".step-label"));
        assertEquals("T", currentChip(robot));
        assertEquals("fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)", text(robot, "#equation-formula-0"));
        int u = vm.unitProperty().get();
        Trace tr = vm.result().original();
        assertTrue(text(robot, "#equation-numbers-0").endsWith("= " + Num.f(tr.gate(0, 1, 0, u))));
    }

    @Test
    void typeTextThenStepWithTheKeyboard(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.clickOn(".text-area");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("(a cat)");
        robot.clickOn(".strip-caption"); // the keys go back to playback
        waitUntil(() -> vm.steps() == 7 && !vm.busyProperty().get());
        assertEquals("step 1 of 7: '('", text(robot, ".step-label"));
        robot.type(KeyCode.RIGHT, 2);
        assertEquals("step 3 of 7: '␣'", text(robot, ".step-label"));
        assertEquals("␣", currentChip(robot));
        robot.type(KeyCode.END);
        assertEquals("step 7 of 7: ')'", text(robot, ".step-label"));
        assertEquals(")", currentChip(robot));
        robot.type(KeyCode.LEFT);
        assertEquals("t", currentChip(robot));
        robot.type(KeyCode.HOME);
        assertEquals("step 1 of 7: '('", text(robot, ".step-label"));
        // Space plays: the steps advance on their own until Space pauses
        robot.interact(() -> vm.stepsPerSecondProperty().set(10));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() >= 2);
        robot.type(KeyCode.SPACE);
        assertFalse(vm.playingProperty().get());
        int paused = vm.stepProperty().get();
        Thread.sleep(300);
        assertEquals(paused, vm.stepProperty().get(), "paused");
        // a click on a chip jumps to its step
        robot.clickOn(robot.lookup(".chip").nth(4).queryAs(Node.class));
        assertEquals("step 5 of 7: 'a'", text(robot, ".step-label"));
    }

    @Test
    void aClickOnAGateStripSelectsTheUnitEverywhere(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.type(KeyCode.RIGHT, 5);
        assertEquals("step 6 of 44: 'o'", text(robot, ".step-label"));
        CellDiagramView d = window.controller().diagram();
        Point2D p = d.localToScreen(d.unitCentre("forget gate", 3));
        robot.clickOn(p);
        assertEquals(3, vm.unitProperty().get());
        Trace tr = vm.result().original();
        assertEquals("unit 3: h = " + Num.f(tr.hidden(0, 5, 3)) + ", C = " + Num.f(tr.cellState(0, 5, 3)),
                text(robot, ".unit-label"));
        assertEquals("Unit 3 at step 6 ('o')", text(robot, ".equations-heading"));
        // the forget-gate line with unit 3's numbers: σ(from h + from x + bias) = f
        String numbers = text(robot, "#equation-numbers-0");
        assertTrue(numbers.startsWith("= σ("), numbers);
        assertTrue(numbers.endsWith("= " + Num.f(tr.gate(0, 1, 5, 3))), numbers);
        assertEquals("= " + Num.f(tr.gate(0, 1, 5, 3)) + " × " + Num.term(tr.cellState(0, 4, 3)) + " + "
                + Num.f(tr.gate(0, 0, 5, 3)) + " × " + Num.term(tr.gate(0, 2, 5, 3)) + " = "
                + Num.f(tr.cellState(0, 5, 3)), text(robot, "#equation-numbers-3"));
        assertTrue(robot.lookup(".strip-caption").queryAs(Label.class).getText().contains("coloured by h of unit 3"));
        // keyboard selects the next unit
        robot.type(KeyCode.DOWN);
        assertEquals(4, vm.unitProperty().get());
    }

    @Test
    void clampingAGateShowsTheChangedTraceBesideTheOriginal(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.type(KeyCode.RIGHT, 12);
        CellDiagramView d = window.controller().diagram();
        robot.rightClickOn(d.localToScreen(d.unitCentre("forget gate", 7)));
        robot.clickOn("Clamp forget gate of unit 7 to 0");
        waitUntil(() -> vm.result().hasWhatIf() && !vm.busyProperty().get());
        TraceResult r = vm.result();
        for (int t = 0; t < r.steps(); t++) assertEquals(0.0, r.whatIf().gate(0, 1, t, 7), 0.0);
        assertEquals("What-if", window.controller().sideTabs().getSelectionModel().getSelectedItem().getText());
        assertTrue(text(robot, "#what-if-summary").startsWith("forget gate of unit 7 (layer 1) held at 0.000."));
        assertEquals("at step 13, unit 7: h = " + Num.f(r.original().hidden(0, 12, 7)) + " → "
                + Num.f(r.whatIf().hidden(0, 12, 7)) + " with the what-if", text(robot, "#what-if-at-step"));
        assertTrue(Math.abs(r.original().hidden(0, 12, 7) - r.whatIf().hidden(0, 12, 7)) > 1e-3,
                "forgetting everything changes h");
        // the diagram and the equations can show the what-if: the forget gate held at 0, the cell state forgetting
        robot.clickOn("#show-what-if");
        Trace w = r.whatIf();
        double computed = 1 / (1 + Math.exp(-w.preActivation(0, 1, 12, 7)));
        assertTrue(text(robot, "#equation-numbers-0").endsWith("= " + Num.f(computed) + " → held at 0.000"),
                text(robot, "#equation-numbers-0"));
        assertTrue(text(robot, "#equation-numbers-3").startsWith("= 0.000 × "), text(robot, "#equation-numbers-3"));
        assertEquals("unit 7: h = " + Num.f(w.hidden(0, 12, 7)) + ", C = " + Num.f(w.cellState(0, 12, 7)) + " (what-if)",
                text(robot, ".unit-label"));
        assertEquals(0.0, WaitForAsyncUtils.asyncFx(() -> window.controller().diagram().current().gates()[1][7]).get(),
                0.0, "the diagram's forget strip shows the held gate");
        robot.clickOn("#clear-what-ifs-button");
        waitUntil(() -> !vm.result().hasWhatIf());
        assertTrue(text(robot, "#what-if-summary").startsWith("No what-if"));
    }

    @Test
    void theModelMenuOpensAnotherModelAndABadFileShowsTheErrorInADialog(FxRobot robot, @TempDir Path dir)
            throws Exception {
        openReferenceLstm(robot);
        robot.clickOn("Model");
        robot.clickOn("GRU — untrained demo");
        waitForOpen("GRU — untrained demo");
        assertEquals("GRU (reset after) · 1 layer · 16 units · 31 characters · next-token readout",
                text(robot, ".model-summary"));
        assertEquals("Candidate (reset after)", robot.lookup(".equation-name").nth(2).queryAs(Label.class).getText());
        // a stacked model from disk: the layer selector reaches layer 2
        robot.interact(() -> vm.openFile(REFERENCE_GRU));
        waitForOpen("charlm-gru-2layer.json");
        assertEquals("GRU (reset after) · 2 layers · 16 units · 36 characters · next-token readout",
                text(robot, ".model-summary"));
        robot.interact(() -> vm.layerProperty().set(1));
        assertTrue(text(robot, ".equations-heading").endsWith(", layer 2"));
        assertEquals(List.of(REFERENCE_GRU, REFERENCE_LSTM), vm.recentFiles(), "recent files, newest first");
        robot.clickOn("Model");
        robot.clickOn("Open recent");
        assertTrue(robot.lookup("charlm-lstm-1layer.json  —  src/test/resources/reference").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);

        Path bad = dir.resolve("bad-model.json");
        Files.writeString(bad, "{ not json");
        robot.interact(() -> vm.openFile(bad));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith(bad + ": "), pane.getContentText());
        assertEquals("charlm-gru-2layer.json", text(robot, ".model-title"), "still open");
    }

    @Test
    void unknownCharactersAreMarkedNotFatal(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.interact(() -> vm.inputTextProperty().set("xylophone"));
        waitUntil(() -> !vm.busyProperty().get() && vm.steps() == 8);
        assertEquals("1 character is not in the vocabulary, skipped: 'x' (at 1)", text(robot, ".unknown"));
        assertEquals("y", currentChip(robot));
        List<String> tokens = vm.result().input().tokens();
        assertEquals(List.of("y", "l", "o", "p", "h", "o", "n", "e"), tokens);
    }

    @Test
    void theGradientTabShowsTheChartAndTheWhatIfBesideIt(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.clickOn("Gradient");
        waitUntil(() -> vm.gradientChartProperty().get() != null);
        org.jfree.chart.JFreeChart first = vm.gradientChartProperty().get();
        org.jfree.chart.fx.ChartViewer viewer = (org.jfree.chart.fx.ChartViewer) window.controller().gradientPane.getCenter();
        assertTrue(showsCompactCopyOf(viewer.getChart(), first), "the chart on screen (a compact copy)");
        org.jfree.data.xy.XYDataset data = viewer.getChart().getXYPlot().getDataset();
        assertTrue(data.getSeriesKey(0).toString().contains("LSTM"), data.getSeriesKey(0).toString());
        // L is the cross-entropy of predicting the last token, made at step T−2: the error enters one step back, so
        // the curve has a point for each of the 43 steps from there to the first
        assertEquals(43, data.getItemCount(0));
        assertTrue(text(robot, ".gradient-caption").startsWith("L = cross-entropy of the last token"));
        // a what-if adds its curve beside the original
        robot.interact(() -> vm.clampGate(1, 1.0));
        try {
            waitUntil(() -> vm.result().hasWhatIf() && vm.gradientChartProperty().get() != first
                    && !vm.gradientCaptionProperty().get().startsWith("computing"));
        } catch (TimeoutException e) {
            throw new AssertionError("no what-if chart; caption: " + vm.gradientCaptionProperty().get()
                    + "; what-if: " + vm.result().hasWhatIf());
        }
        assertTrue(showsCompactCopyOf(viewer.getChart(), vm.gradientChartProperty().get()), "the new chart is on screen");
        org.jfree.data.xy.XYDataset both = vm.gradientChartProperty().get().getXYPlot().getDataset();
        boolean found = false;
        for (int i = 0; i < both.getSeriesCount(); i++) found |= both.getSeriesKey(i).toString().contains("with the what-if");
        assertTrue(found, "the what-if curve is drawn");
    }

    @Test
    void aStepIsAnimatedUnlessMotionIsReduced(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.interact(() -> {
            vm.reducedMotionProperty().set(false);
            vm.transitionMillisProperty().set(3000);
        });
        int u = vm.unitProperty().get();
        Trace tr = vm.result().original();
        double from = tr.hidden(0, 0, u), to = tr.hidden(0, 1, u);
        assertTrue(Math.abs(to - from) > 0.05, "the unit changes between steps 1 and 2");
        robot.type(KeyCode.RIGHT);
        Thread.sleep(500);
        double shown = WaitForAsyncUtils.asyncFx(() -> window.controller().diagram().current().h()[u]).get();
        assertTrue(Math.min(from, to) < shown && shown < Math.max(from, to),
                "part way through the transition h is between " + from + " and " + to + ": " + shown);
        assertEquals("step 2 of 44: 'h'", text(robot, ".step-label"), "the labels do not wait for the animation");
        // reduced motion: the diagram jumps
        robot.interact(() -> vm.reducedMotionProperty().set(true));
        robot.type(KeyCode.RIGHT);
        assertEquals(tr.hidden(0, 2, u), WaitForAsyncUtils.asyncFx(() -> window.controller().diagram().current().h()[u])
                .get(), 0.0);
    }

    @Test
    void escapeInTheEditorGivesTheKeysBackToPlayback(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.clickOn(".text-area");
        assertTrue(window.scene().getFocusOwner() instanceof javafx.scene.control.TextArea);
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.scene().getFocusOwner() instanceof javafx.scene.control.TextArea,
                "focus left the editor: " + window.scene().getFocusOwner());
        robot.type(KeyCode.RIGHT);
        assertEquals("step 2 of 44: 'h'", text(robot, ".step-label"));
    }

    @Test
    void hoveringAHeatmapShowsUnitStepAndValue(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        HeatmapView forget = robot.lookup("#heatmap-hidden").queryAs(HeatmapView.class);
        javafx.scene.Node plot = forget.getChildren().get(1);
        javafx.geometry.Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        // the middle of the column of step 10 and the row of unit 5 (24 units, 44 steps)
        double plotHeight = b.getHeight() - 16;
        double x = b.getMinX() + (9 + 0.5) * b.getWidth() / 44, y = b.getMinY() + (5 + 0.5) * plotHeight / 24;
        robot.moveTo(new Point2D(x, y));
        waitUntil(() -> vm.hoverTextProperty().get().contains("step 10 "));
        Trace tr = vm.result().original();
        assertEquals("hidden state h (h): unit 5, step 10 't' = " + Num.f(tr.hidden(0, 9, 5)), text(robot, ".hover-info"));
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals(5, vm.unitProperty().get(), "a click selects the unit");
        assertEquals("step 10 of 44: 't'", text(robot, ".step-label"), "and jumps to the step");
        robot.moveTo(".step-label");
        waitUntil(() -> vm.hoverTextProperty().get().isEmpty());
        assertEquals("", text(robot, ".hover-info"), "the hovered value goes away when the mouse leaves the heatmap");
    }

    @Test
    void presenterModeEnlargesTheTypeAndSwitchesToTheHighContrastPalette(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        Label chip = ((SequenceStrip.Chip) robot.lookup(".chip").query()).token;
        double before = chip.getFont().getSize();
        javafx.scene.paint.Color backgroundBefore = cornerColour();
        assertEquals(Palette.NORMAL.background, backgroundBefore);
        robot.type(KeyCode.F11);
        waitUntil(() -> window.controller().root().getStyleClass().contains("presenter"));
        assertTrue(vm.presenterProperty().get());
        Label chipAfter = ((SequenceStrip.Chip) robot.lookup(".chip").query()).token;
        assertTrue(chipAfter.getFont().getSize() > before, before + " -> " + chipAfter.getFont().getSize());
        waitUntil(() -> Palette.HIGH_CONTRAST.background.equals(cornerColourQuietly()));
        robot.type(KeyCode.F11);
        waitUntil(() -> !window.controller().root().getStyleClass().contains("presenter"));
    }

    /** The colour the cell diagram paints in its top-left corner (its background). */
    javafx.scene.paint.Color cornerColour() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage img = window.controller().diagram().snapshot(null, null);
            return img.getPixelReader().getColor(2, 2);
        }).get();
    }

    javafx.scene.paint.Color cornerColourQuietly() {
        try {
            return cornerColour();
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void theGradientLabAndTrainingTabsShowTheirPanesOnTheOpenModel(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.clickOn("Gradient lab");
        waitUntil(() -> window.controller().labTab.getContent() instanceof org.rnnexplorer.ui.gradient.GradientLabPane);
        org.rnnexplorer.ui.gradient.GradientLabViewModel lab =
                ((org.rnnexplorer.ui.gradient.GradientLabPane) window.controller().labTab.getContent()).viewModel();
        assertTrue(lab.modelProperty().get() == vm.modelProperty().get(), "the lab shows the open model");
        assertEquals(vm.result().input().tokens(), lab.tokensProperty().get(), "on the same input");
        robot.clickOn("Training");
        waitUntil(() -> window.controller().trainingTab.getContent() instanceof org.rnnexplorer.ui.training.TrainingPane);
        robot.clickOn("Cell, step by step");
        robot.type(KeyCode.RIGHT);
        assertEquals("step 2 of 44: 'h'", text(robot, ".step-label"), "the keys step again on the cell tab");
    }

    @Test
    void everyControlACanClickOrDragSaysWhatItDoesOnHover(FxRobot robot) throws Exception {
        openReferenceLstm(robot);
        robot.clickOn("Gradient lab");
        waitUntil(() -> window.controller().labTab.getContent() != null);
        robot.clickOn("Training");
        waitUntil(() -> window.controller().trainingTab.getContent() != null);
        java.util.List<String> missing = new java.util.ArrayList<>();
        robot.interact(() -> {
            java.util.List<javafx.scene.Parent> roots = new java.util.ArrayList<>(java.util.List.of(
                    window.controller().root(), (javafx.scene.Parent) window.controller().labTab.getContent(),
                    (javafx.scene.Parent) window.controller().trainingTab.getContent()));
            for (javafx.scene.Parent root : roots) collectUntipped(root, missing);
        });
        assertTrue(missing.isEmpty(), "controls without a tooltip: " + missing);
    }

    private static void collectUntipped(javafx.scene.Parent parent, java.util.List<String> missing) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.Slider
                    || n instanceof javafx.scene.control.ComboBoxBase || n instanceof javafx.scene.control.Spinner
                    || n instanceof javafx.scene.control.TextInputControl) {
                if (((javafx.scene.control.Control) n).getTooltip() == null && !insideAControl(n)) {
                    missing.add(n.getClass().getSimpleName() + " " + (n.getId() != null ? "#" + n.getId()
                            : n instanceof javafx.scene.control.Labeled l ? "'" + l.getText() + "'" : ""));
                }
                continue; // the parts of a control (a spinner's arrows, a combo box's button) are not asked
            }
            if (n instanceof javafx.scene.Parent p) collectUntipped(p, missing);
        }
    }

    /** A spinner's editor, a combo box's parts and the menu bar's titles belong to their control. */
    private static boolean insideAControl(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.Spinner || p instanceof javafx.scene.control.ComboBoxBase
                    || p instanceof javafx.scene.control.MenuBar) return true;
        }
        return false;
    }

    /** The side panel shows a compact copy of the view model's chart: same title and curves, smaller type. */
    static boolean showsCompactCopyOf(org.jfree.chart.JFreeChart shown, org.jfree.chart.JFreeChart chart) {
        if (shown == null || chart == null) return false;
        org.jfree.data.xy.XYDataset a = shown.getXYPlot().getDataset(), b = chart.getXYPlot().getDataset();
        if (!shown.getTitle().getText().equals(chart.getTitle().getText())) return false;
        if (a.getSeriesCount() != b.getSeriesCount()) return false;
        for (int i = 0; i < a.getSeriesCount(); i++)
            if (!a.getSeriesKey(i).equals(b.getSeriesKey(i)) || a.getItemCount(i) != b.getItemCount(i)) return false;
        return shown.getTitle().getFont().getSize() < chart.getTitle().getFont().getSize();
    }
}
