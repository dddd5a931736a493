package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.race.RaceViewModel;
import org.rnnexplorer.ui.training.TaskChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A short recall race from the Race tab, as a user runs it: three live curves, then the three side by side. */
@ExtendWith(ApplicationExtension.class)
class RaceWindowTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    @Test
    void aShortRecallRaceShowsThreeCurvesThenTheThreeStepTogether(FxRobot robot) throws Exception {
        page.waitForTrace();
        robot.clickOn("Race");
        ExplorerPage.waitUntil(() -> robot.lookup("#race-task").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<TaskChoice> task = robot.lookup("#race-task").queryAs(ComboBox.class);
        page.interact(() -> task.setValue(TaskChoice.all().get(0))); // recall after 5 steps
        @SuppressWarnings("unchecked")
        Spinner<Integer> batches = robot.lookup("#race-batches").queryAs(Spinner.class);
        page.interact(() -> batches.getValueFactory().setValue(30));
        robot.clickOn("#race-start");
        ExplorerPage.waitUntil(() -> page.vms.race.resultProperty().get() != null);
        assertTrue(page.text("#race-status").startsWith("Done in "), page.text("#race-status"));

        ChartViewer viewer = robot.lookup("#race-chart").queryAs(ChartViewer.class);
        List<XYPlot> plots = ((CombinedDomainXYPlot) viewer.getChart().getXYPlot()).getSubplots();
        XYDataset loss = plots.get(0).getDataset(), accuracy = plots.get(1).getDataset();
        assertEquals(3, loss.getSeriesCount());
        assertEquals(3, accuracy.getSeriesCount());
        for (int i = 0; i < 3; i++) {
            CellType c = RaceViewModel.CELLS.get(i);
            assertEquals(RaceViewModel.name(c), loss.getSeriesKey(i));
            assertTrue(loss.getItemCount(i) >= 10, "a curve for " + c);
            assertEquals(30, loss.getXValue(i, loss.getItemCount(i) - 1), 0);
            assertEquals(org.rnnexplorer.chart.ChartStyle.cellColor(c), plots.get(0).getRenderer().getSeriesPaint(i));
        }

        robot.clickOn("#race-step-through");
        ExplorerPage.waitUntil(() -> robot.lookup("#race-row-gru .race-chip.current").tryQuery().isPresent());
        assertSteps(robot, 0);
        robot.clickOn("#race-forward");
        robot.clickOn("#race-forward");
        ExplorerPage.waitUntil(() -> currentIndex(robot, CellType.GRU) == 2);
        assertSteps(robot, 2);
        assertTrue(page.text("#race-step-label").startsWith("step 3 of 6: "), page.text("#race-step-label"));
        for (CellType c : RaceViewModel.CELLS)
            assertEquals("predicts " + page.vms.raceReplay.prediction(c, 2),
                    page.text("#race-row-" + c.id() + " .race-now"));

        Node open = robot.lookup("#race-open-lstm").query();
        scrollIntoView(open);
        robot.clickOn(open);
        ExplorerPage.waitUntil(() -> page.tab("cell-tab").isSelected()
                && page.trace.sourceProperty().get() instanceof ModelSource.Trained);
        assertSame(page.vms.race.resultProperty().get().of(CellType.LSTM).model(), page.trace.modelProperty().get());
        assertEquals(2, page.trace.stepProperty().get(), "the cell tab opens at the step shown");
        assertEquals(page.vms.raceReplay.replayProperty().get().text(), page.trace.inputTextProperty().get());
    }

    /** Scrolls the step-through (as a user would) until {@code n} is in its view. */
    private void scrollIntoView(Node n) {
        page.interact(() -> {
            Node p = n;
            while (!(p instanceof ScrollPane)) p = p.getParent();
            ScrollPane sp = (ScrollPane) p;
            double content = sp.getContent().getBoundsInLocal().getHeight();
            double view = sp.getViewportBounds().getHeight();
            double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            if (content > view) sp.setVvalue(Math.max(0, Math.min(1, (y - 10) / (content - view))));
        });
    }

    /** Every row highlights chip {@code t}. */
    private static void assertSteps(FxRobot robot, int t) {
        for (CellType c : RaceViewModel.CELLS) assertEquals(t, currentIndex(robot, c), c + " follows the shared step");
    }

    private static int currentIndex(FxRobot robot, CellType c) {
        Node chip = robot.lookup("#race-row-" + c.id() + " .race-chip.current").tryQuery().orElse(null);
        if (chip == null) return -1;
        return chip.getParent().getChildrenUnmodifiable().indexOf(chip);
    }
}
