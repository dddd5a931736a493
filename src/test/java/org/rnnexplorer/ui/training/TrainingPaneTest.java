package org.rnnexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.TrainingResult;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.export.NodeSnapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Trains the quick recall task from the pane as a user would: Train, watch it, Cancel, use the model. */
@ExtendWith(ApplicationExtension.class)
class TrainingPaneTest {
    TrainingPane pane;
    TrainingViewModel vm;

    final EventBus events = new EventBus();

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(Platform::runLater, events);
        pane = new TrainingPane(vm, new FakeDialogService());
        stage.setScene(new Scene(pane, 1260, 780));
        stage.show();
        stage.requestFocus();
    }

    static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::get); // a hang guard, not a timing goal
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void progressAndLossAdvanceAndCancelKeepsTheLastCompleteModel(FxRobot robot) throws Exception {
        robot.interact(() -> vm.stepsProperty().set(20_000)); // far more than it will get to
        robot.clickOn("#train");
        ProgressBar bar = robot.lookup("#progress").queryAs(ProgressBar.class);
        waitUntil(() -> vm.lossSeries().getItemCount() >= 3 && bar.getProgress() > 0);
        double firstProgress = bar.getProgress();
        int firstPoints = vm.lossSeries().getItemCount();
        waitUntil(() -> vm.lossSeries().getItemCount() > firstPoints + 2);
        assertTrue(bar.getProgress() > firstProgress, "the bar moves");
        assertTrue(text(robot, "#speed").endsWith("steps/s"), text(robot, "#speed"));
        assertTrue(text(robot, "#train-status").startsWith("Step "), text(robot, "#train-status"));
        assertTrue(robot.lookup("#train").queryButton().isDisabled(), "Train is off while it runs");

        robot.clickOn("#cancel");
        waitUntil(() -> !vm.runningProperty().get());
        TrainingResult r = vm.resultProperty().get();
        assertEquals(TrainingResult.Status.CANCELLED, r.status());
        assertTrue(r.steps() > 0 && r.steps() < 20_000, "stopped at step " + r.steps());
        assertTrue(text(robot, "#train-status").startsWith("Cancelled after " + r.steps() + " steps"),
                text(robot, "#train-status"));
        RnnModel m = vm.trainedModelProperty().get();
        assertNotNull(m);
        for (DMatrixRMaj p : m.namedParameters().values())
            for (double v : p.data) assertTrue(Double.isFinite(v), "the kept model has finite weights");
        waitUntil(() -> !vm.trainingThreadAlive());
        int points = vm.lossSeries().getItemCount();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(points, vm.lossSeries().getItemCount(), "nothing trains after Cancel: its thread has ended");
        assertFalse(robot.lookup("#use-model").queryButton().isDisabled());
    }

    @Test
    void aFinishedRunHandsItsModelToTheWindow(FxRobot robot) throws Exception {
        AtomicReference<RnnModel> used = new AtomicReference<>();
        events.subscribe(ModelChosen.class, e -> used.set(e.model()));
        robot.interact(() -> {
            vm.cellProperty().set(CellType.GRU);
            vm.stepsProperty().set(40);
        });
        robot.clickOn("#train");
        waitUntil(() -> vm.resultProperty().get() != null);
        assertEquals(1.0, robot.lookup("#progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertEquals(40, (int) vm.lossSeries().getMaxX());
        TrainingResult r = vm.resultProperty().get();
        String expected = r.status() == TrainingResult.Status.SOLVED ? "Reached the goal after 40 steps, "
                : "Done: 40 steps in ";
        assertTrue(text(robot, "#train-status").startsWith(expected), text(robot, "#train-status"));
        robot.clickOn("#use-model");
        assertNotNull(used.get());
        assertEquals(CellType.GRU, used.get().cell());
        assertEquals(16, used.get().hiddenSize());
    }

    @Test
    void aDivergingRunShowsTheTrainersMessage(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.learningRateProperty().set(2.0);
            vm.cellProperty().set(CellType.RNN);
            vm.stepsProperty().set(300);
        });
        robot.clickOn("#train");
        waitUntil(() -> vm.resultProperty().get() != null);
        TrainingResult r = vm.resultProperty().get();
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertEquals(r.message(), text(robot, "#train-problem"));
        assertTrue(text(robot, "#train-problem").startsWith("training diverged at step "), text(robot, "#train-problem"));
        assertTrue(text(robot, "#train-problem").contains("lower the learning rate (now 2.00)"));
        assertTrue(text(robot, "#train-status").startsWith("Diverged after "), text(robot, "#train-status"));
    }

    /** Not a test of behaviour: the picture of the pane after a run, for the README and for looking at. */
    @Test
    void screenshot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.taskProperty().set(TaskChoice.all().get(1));
            vm.stepsProperty().set(250);
        });
        robot.clickOn("#train");
        waitUntil(() -> vm.resultProperty().get() != null);
        Path dir = Path.of("target/lab-shots");
        Files.createDirectories(dir);
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, dir.resolve("training.png")));
        assertTrue(Files.size(dir.resolve("training.png")) > 10_000);
    }
}
