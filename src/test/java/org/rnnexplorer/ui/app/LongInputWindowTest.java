package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapView;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapZoomViewModel;
import org.rnnexplorer.ui.explorer.trace.CompactRecorder;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Selection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A long text in the window, as a user meets it: the Shakespeare LSTM on 20,000 characters, kept as a compact trace
 * (the test lowers the budget for a full trace to 1 MB, as a 200,000-character text meets the real one), with the
 * progress shown and cancelled; then 6,000 characters traced to the end; the selected step's numbers exactly those
 * of a full forward pass; the heatmaps zoomed with + and panned with a drag.
 */
@ExtendWith(ApplicationExtension.class)
class LongInputWindowTest {
    static final Path MODEL = Path.of("resources/models/shakespeare-lstm.json");
    static final Path TEXT = Path.of("src/test/resources/text/shakespeare-20k.txt");
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    @Test
    void aLongTextShowsProgressCancelsCompletesZoomsAndPans(FxRobot robot) throws Exception {
        page.waitForTrace();
        page.interact(() -> page.trace.setFullTraceBudget(1 << 20));
        page.open(new ModelSource.OnDisk(MODEL));
        page.waitForOpen("shakespeare-lstm.json");
        CompactRecorder recorder = page.trace.recorder();

        // 20,000 characters: tracing shows its progress, and Cancel stops it with the steps done on screen
        page.interact(() -> page.trace.openInput(TEXT));
        ExplorerPage.waitUntil(() -> recorder.runningProperty().get() && recorder.completedProperty().get() > 0);
        assertTrue(page.trace.result().isCompact());
        assertEquals(20_000, page.trace.steps());
        assertTrue(robot.lookup("#trace-progress-bar").queryAs(ProgressBar.class).isVisible());
        assertTrue(page.text("#trace-progress-status").matches("traced [0-9,]+ of 20,000 steps · [0-9,]+ steps/s"),
                page.text("#trace-progress-status"));
        robot.clickOn("#trace-cancel");
        ExplorerPage.waitUntil(() -> !recorder.runningProperty().get());
        int done = recorder.completedProperty().get();
        assertTrue(done > 0 && done < 20_000, "stopped part-way: " + done);
        assertTrue(page.text("#trace-progress-status").startsWith(String.format("cancelled after %,d of 20,000 steps", done)),
                page.text("#trace-progress-status"));
        assertFalse(robot.lookup("#trace-cancel").query().isVisible(), "nothing left to cancel");

        // another run, 6,000 characters, goes to the end
        String text = TextFile.read(TEXT).substring(0, 6_000);
        page.interact(() -> page.trace.inputTextProperty().set(text));
        ExplorerPage.waitUntil(() -> page.trace.result().steps() == 6_000 && page.trace.result().isCompact()
                && !recorder.runningProperty().get() && page.trace.result().completedSteps() == 6_000);
        assertTrue(page.text("#trace-progress-status").startsWith("traced 6,000 steps in "), page.text("#trace-progress-status"));

        // the numbers of the selected step are the engine's, recomputed from the checkpoint before it
        page.interact(() -> page.trace.jumpTo(4_999));
        ExplorerPage.waitUntil(() -> {
            Selection s = page.trace.selectionProperty().get();
            return s != null && s.step() == 4_999 && s.exact() != null;
        });
        int unit = page.trace.unitProperty().get();
        Trace full = ForwardPass.run(page.trace.modelProperty().get(), page.trace.result().input().batch());
        assertTrue(page.text("#equation-numbers-0").endsWith("= " + Num.f(full.gate(0, 1, 4_999, unit))),
                page.text("#equation-numbers-0"));
        Selection s = page.trace.selectionProperty().get();
        assertEquals(full.cellState(0, 4_999, unit), s.exact().cellState(0, 4_999, unit), 1e-9);

        // + zooms about the current step; a drag to the left shows later steps
        HeatmapView c = robot.lookup("#heatmap-cell").queryAs(HeatmapView.class);
        ExplorerPage.waitUntil(() -> c.viewport() != null && c.viewport().isFit() && c.viewport().steps() == 6_000);
        robot.clickOn(".strip-caption"); // the keys go to playback and the heatmaps
        robot.type(KeyCode.ADD);
        double span = 6_000 / HeatmapZoomViewModel.STEP, first = 4_999.5 - 4_999.5 / 6_000 * span;
        ExplorerPage.waitUntil(() -> c.viewport() != null && !c.viewport().isFit());
        assertEquals(span, c.viewport().span(), 1e-6);
        assertEquals(first, c.viewport().first(), 1e-6, "the current step stays where it was across the heatmap");
        assertEquals((int) Math.floor(first), c.viewport().firstStep());
        assertEquals((int) Math.ceil(first + span) - 1, c.viewport().lastStep());

        Node plot = c.getChildren().get(1);
        Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        double dx = -40; // 40 px of a heatmap about 600 px wide: under 300 of the 333 later steps the view can still move
        robot.drag(new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + 20)).moveBy(dx / 2, 0).moveBy(dx / 2, 0).drop();
        double expected = first - dx * span / b.getWidth();
        assertTrue(expected < 6_000 - span, "the drag stays inside the sequence");
        ExplorerPage.waitUntil(() -> Math.abs(c.viewport().first() - first) > 1);
        HeatmapViewport after = c.viewport();
        assertEquals(expected, after.first(), 2 * span / b.getWidth(), "dragged 40 px left: later steps by 40 px' worth");
        assertEquals(span, after.span(), 1e-6, "a pan keeps the zoom");
        assertEquals(4_999, page.trace.stepProperty().get(), "a drag is not a click: the step stays");
        List<HeatmapView> all = robot.lookup(".heatmap").queryAllAs(HeatmapView.class).stream()
                .filter(h -> h.getId() != null && h.getId().startsWith("heatmap-")).toList();
        assertTrue(all.size() >= 6);
        ExplorerPage.waitUntil(() -> all.stream().allMatch(h -> after.equals(h.viewport())));
    }
}
