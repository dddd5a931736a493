package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.ui.common.TokenLabels;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Generate panel, as a user runs it: 50 characters written after the input, then appended and stepped to. */
@ExtendWith(ApplicationExtension.class)
class GenerateWindowTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    @Test
    void fiftyGeneratedCharactersAreAppendedToTheInput(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        String prompt = page.trace.inputTextProperty().get();
        int before = page.trace.steps();
        page.showSidePanel("Generate");
        @SuppressWarnings("unchecked")
        Spinner<Integer> length = robot.lookup("#generate-length").queryAs(Spinner.class);
        page.interact(() -> length.getValueFactory().setValue(50));
        robot.clickOn("#generate");
        TextArea text = robot.lookup("#generated-text").queryAs(TextArea.class);
        ExplorerPage.waitUntil(() -> text.getText().length() == 50);
        String written = text.getText();
        assertTrue(page.text("#generate-status").startsWith("50 tokens written in "), page.text("#generate-status"));

        robot.clickOn("#generate-append");
        ExplorerPage.waitUntil(() -> page.trace.steps() == before + 50 && !page.trace.busyProperty().get());
        assertEquals(prompt + written, page.trace.inputTextProperty().get());
        assertEquals(before, page.trace.stepProperty().get(), "the first character the model wrote is shown");
        assertEquals(TokenLabels.visible(written.substring(0, 1)), page.currentChip());
        assertEquals("", text.getText(), "appended once");
    }
}
