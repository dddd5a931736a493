package org.rnnexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode on a 1280x720 projector: the equations' numbers, the playback buttons and the
 * step label are shown whole (wrapped where needed), never cut to "= ..." or "Fi...".
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLayoutTest {
    Stage stage;
    ExplorerWindow window;
    ExplorerViewModel vm;

    @BeforeAll
    static void noPrefs() {
        System.setProperty("rnnexplorer.noPrefs", "true");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ExplorerWindow.show(stage);
        window.controller().setFullScreenAllowed(false);
        vm = window.controller().viewModel();
        vm.reducedMotionProperty().set(true);
    }

    /** What the label really draws: the text of its skin's Text node (JavaFX puts "..." there when it does not fit). */
    static String shown(Labeled label) {
        Node text = label.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    /** 1280x720, the smaller projector (the headless test screen is too small for 1920x1080; the screenshots show it). */
    @Test
    void theNumbersAndThePlaybackBarAreShownWholeAt1280x720(FxRobot robot) throws Exception {
        int width = 1280, height = 720;
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.result() != null && !vm.busyProperty().get());
        robot.interact(() -> vm.openFile(Path.of("src/test/resources/reference/charlm-lstm-1layer.json")));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.entryProperty().get() != null
                && vm.entryProperty().get().title().equals("charlm-lstm-1layer.json")
                && vm.result() != null && !vm.busyProperty().get());
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            vm.presenterProperty().set(true);
            vm.jumpTo(vm.steps() - 1);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> labels = new ArrayList<>();
        robot.interact(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            labels.addAll(robot.lookup(".equation-numbers").queryAllAs(Labeled.class));
            labels.addAll(robot.lookup(".playback .button").queryAllAs(Labeled.class));
            labels.add(window.controller().stepLabel());
        });
        assertEquals(6 + 5 + 1, labels.size(), "six LSTM equations, five buttons, the step label");
        for (Labeled l : labels) {
            String shown = shown(l);
            assertFalse(shown.isEmpty(), l.getId() + " is drawn");
            assertFalse(shown.endsWith("...") || shown.endsWith("…"),
                    width + "x" + height + ": '" + l.getText() + "' is cut to '" + shown + "'");
        }
        String last = labels.get(5).getText();
        assertTrue(last.startsWith("= ") && last.contains("tanh("), "the hidden-state line has its numbers: " + last);
    }
}
