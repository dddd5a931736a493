package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenter mode on a 1280x720 projector: the equations' numbers, the playback buttons and the
 * step label are shown whole (wrapped where needed), never cut to "= ..." or "Fi...".
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLayoutTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
        page.window.setFullScreenAllowed(false);
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
        page.openReferenceLstm();
        robot.interact(() -> {
            page.stage().setWidth(width);
            page.stage().setHeight(height);
            page.vms.view.presenterProperty().set(true);
            page.trace.jumpTo(page.trace.steps() - 1);
        });
        ExplorerPage.waitUntil(() -> page.window.scene().getWidth() == width
                && page.window.scene().getRoot().getStyleClass().contains("presenter"));
        List<Labeled> labels = new ArrayList<>();
        robot.interact(() -> {
            page.window.scene().getRoot().applyCss();
            page.window.scene().getRoot().layout();
            labels.addAll(robot.lookup(".equation-numbers").queryAllAs(Labeled.class));
            labels.addAll(robot.lookup(".playback .button").queryAllAs(Labeled.class));
            labels.add(robot.lookup(".step-label").queryAs(Labeled.class));
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
