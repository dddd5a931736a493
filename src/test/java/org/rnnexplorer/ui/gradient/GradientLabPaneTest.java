package org.rnnexplorer.ui.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.export.NodeSnapshots;
import org.rnnexplorer.ui.lab.LabSamples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the gradient lab as a student would: sliders, compare, tabs; checks what the chart and the reading show. */
@ExtendWith(ApplicationExtension.class)
class GradientLabPaneTest {
    GradientLabPane pane;
    GradientLabViewModel vm;

    @Start
    void start(Stage stage) {
        RnnModel model = LabSamples.bundledModel("brackets-rnn.json");
        LabSamples.EncodedText text = LabSamples.encode(model, LabSamples.bundledText("brackets.txt"), 60);
        pane = new GradientLabPane(model, text.input(), text.tokens());
        vm = pane.viewModel();
        stage.setScene(new Scene(pane, 1280, 860));
        stage.show();
    }

    static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void settle() throws Exception {
        waitUntil(() -> !vm.busyProperty().get() && vm.getResult() != null);
    }

    @Test
    void screenshot(FxRobot robot) throws Exception {
        settle();
        Path dir = Path.of("target/lab-shots");
        Files.createDirectories(dir);
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, dir.resolve("gradient-lab.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, dir.resolve("gradient-lab-gates.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, dir.resolve("gradient-lab-saturation.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(0));
        robot.interact(() -> vm.compareProperty().set(true));
        settle();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, dir.resolve("gradient-lab-compare.png")));
        for (double s : new double[] {0.5, 1.5, 2.0, 3.0}) {
            robot.interact(() -> vm.compareProperty().set(false));
            robot.interact(() -> vm.recurrentScaleProperty().set(s));
            settle();
            System.out.println("scale " + s + ": " + vm.readingProperty().get());
        }
    }
}
