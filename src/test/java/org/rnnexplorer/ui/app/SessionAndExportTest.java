package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.training.TrainingPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Sessions and the Export menu, driven as a user: save, reopen in a fresh window, bad files, unsaved training. */
@ExtendWith(ApplicationExtension.class)
class SessionAndExportTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    void waitForDefault() throws Exception {
        page.waitForOpen(ModelCatalog.bundled().get(0).title());
    }

    /** A second window beside the first. */
    static ExplorerPage another(FxRobot robot) {
        AtomicReference<ExplorerPage> made = new AtomicReference<>();
        robot.interact(() -> made.set(ExplorerPage.show(new Stage())));
        return made.get();
    }

    @Test
    void aSavedSessionReopensInAFreshWindowExactlyAsItWasOnScreen(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        page.saveInto(dir);
        String modelTitle = page.trace.sourceProperty().get().title();
        // step, select a unit, clamp its forget gate from the What-if menu, move a gradient-lab slider
        robot.type(KeyCode.RIGHT, 3);
        page.interact(() -> page.trace.selectUnit(2));
        robot.type(KeyCode.DOWN);
        robot.clickOn("What-if");
        robot.clickOn("Clamp forget gate of unit 3 to 0");
        ExplorerPage.waitUntil(() -> page.trace.result().hasWhatIf() && !page.trace.busyProperty().get());
        page.interact(() -> page.vms.lab.recurrentScaleProperty().set(1.5));
        String step = page.stepLabel();
        String unit = page.text(".unit-label");
        String numbers = page.text("#equation-numbers-3");
        String summary = page.text("#what-if-summary");
        assertEquals("step 4 of " + page.trace.steps() + ": '"
                + TokenLabels.visible(page.trace.result().input().tokens().get(3)) + "'", step);
        assertTrue(unit.startsWith("unit 3: h = "), unit);
        assertTrue(summary.startsWith("forget gate of unit 3 (layer 1) held at 0.000."), summary);

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Path file = dir.resolve("explorer.session.json");
        ExplorerPage.waitUntil(() -> file.equals(page.vms.session.sessionFileProperty().get()));
        assertEquals("explorer.session.json — RNN Explorer — " + modelTitle, page.stage().getTitle());
        assertTrue(Files.readString(file).contains("\"bundledModel\""), "an unchanged bundled model goes by reference");
        robot.type(KeyCode.RIGHT);
        assertEquals("explorer.session.json • — RNN Explorer — " + modelTitle, page.stage().getTitle(), "changed since saved");

        ExplorerPage fresh = another(robot);
        try {
            fresh.waitForTrace();
            fresh.interact(() -> fresh.vms.session.openSession(file));
            ExplorerPage.waitUntil(() -> file.equals(fresh.vms.session.sessionFileProperty().get())
                    && !fresh.trace.busyProperty().get());
            assertEquals(step, fresh.stepLabel());
            assertEquals(unit, fresh.text(".unit-label"));
            assertEquals(numbers, fresh.text("#equation-numbers-3"));
            assertEquals(summary, fresh.text("#what-if-summary"));
            assertEquals(modelTitle, fresh.text(".model-title"));
            assertEquals(1.5, fresh.vms.lab.recurrentScaleProperty().get(), 0.0);
            assertEquals(page.trace.inputTextProperty().get(), fresh.trace.inputTextProperty().get());
            assertEquals("explorer.session.json — RNN Explorer — " + modelTitle, fresh.stage().getTitle());
        } finally {
            fresh.interact(() -> fresh.stage().hide());
        }
    }

    @Test
    void aBadSessionFileShowsTheErrorAndLeavesTheWindowAsItWas(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        robot.type(KeyCode.RIGHT, 2);
        String step = page.stepLabel();
        String title = page.stage().getTitle();
        String input = page.trace.inputTextProperty().get();
        Path bad = dir.resolve("newer.session.json");
        Files.writeString(bad, "{\"format\": \"rnn-explorer-session\", \"version\": 9, \"selection\": {}}");
        page.interact(() -> page.vms.session.openSession(bad));
        page.waitForDialog();
        DialogPane pane = page.dialog();
        assertTrue(pane.getContentText().contains("newer.session.json: written by a newer RNN Explorer (version 9)"),
                pane.getContentText());
        assertFalse(pane.getContentText().contains("\n"), "one line");
        robot.type(KeyCode.ENTER);
        assertEquals(step, page.stepLabel());
        assertEquals(title, page.stage().getTitle());
        assertEquals(input, page.trace.inputTextProperty().get());
        assertEquals(null, page.vms.session.sessionFileProperty().get());
    }

    @Test
    void closingAfterUsingATrainedModelAsksToSaveIt(FxRobot robot, @TempDir Path dir) throws Exception {
        ExplorerPage w = another(robot);
        w.saveInto(dir);
        try {
            w.waitForTrace();
            w.selectTab("training-tab");
            ExplorerPage.waitUntil(() -> w.tabContent("training-tab", TrainingPane.class) != null);
            TrainingPane pane = w.tabContent("training-tab", TrainingPane.class);
            w.interact(() -> pane.viewModel().stepsProperty().set(40));
            robot.clickOn(robot.from(pane).lookup("#train").queryButton());
            ExplorerPage.waitUntil(() -> pane.viewModel().resultProperty().get() != null);
            robot.clickOn(robot.from(pane).lookup("#use-model").queryButton());
            w.waitForOpen("trained in the app (LSTM)");
            assertTrue(w.vms.session.trainedUnsavedProperty().get());
            assertEquals("• RNN Explorer — trained in the app (LSTM)", w.stage().getTitle());
            assertTrue(w.tab("cell-tab").isSelected(), "the trained model is shown on the cell tab");

            // close: the window asks; Cancel keeps it open
            w.interact(() -> w.stage().fireEvent(new WindowEvent(w.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
            w.waitForDialog();
            assertEquals("Save the trained model?", w.dialog().getHeaderText());
            robot.clickOn(w.dialog().lookupButton(ButtonType.CANCEL));
            assertTrue(w.stage().isShowing(), "Cancel keeps the window");

            // close again, Save…: the session is written with the trained weights, then the window closes
            w.interact(() -> w.stage().fireEvent(new WindowEvent(w.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
            w.waitForDialog();
            robot.clickOn("Save…");
            ExplorerPage.waitUntil(() -> !w.stage().isShowing());
            Path saved = dir.resolve("explorer.session.json");
            assertTrue(Files.readString(saved).contains("\"model\""), "the trained weights are in the session");
            assertEquals(w.trace.modelProperty().get().hiddenSize(), SessionFile.read(saved).model().hiddenSize());
        } finally {
            w.interact(() -> w.stage().hide());
        }
    }

    @Test
    void exportTheWindowAsPngAt1xAnd2xAndTheTrace(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        page.saveInto(dir);
        robot.clickOn("Export");
        robot.clickOn("Window as PNG");
        robot.clickOn("Export");
        robot.clickOn("Window as PNG 2x (slides)");
        Path one = dir.resolve("window.png"), two = dir.resolve("window@2x.png");
        ExplorerPage.waitUntil(() -> Files.exists(one) && Files.exists(two));
        BufferedImage a = ImageIO.read(one.toFile()), b = ImageIO.read(two.toFile());
        int w = (int) Math.round(page.window.scene().getWidth()), h = (int) Math.round(page.window.scene().getHeight());
        assertEquals(w, a.getWidth());
        assertEquals(h, a.getHeight());
        assertEquals(2 * w, b.getWidth());
        assertEquals(2 * h, b.getHeight());

        // the trace: CSV with a header and a row per step, JSON in the trace format
        robot.clickOn("Export");
        robot.clickOn("Trace to CSV (a row per step)");
        robot.clickOn("Export");
        robot.clickOn("Trace to JSON");
        Path csv = dir.resolve("trace.csv"), json = dir.resolve("trace.json");
        ExplorerPage.waitUntil(() -> Files.exists(csv) && Files.exists(json));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("step,token,"), lines.get(0));
        assertEquals(page.trace.steps(), lines.stream().filter(l -> l.matches("\\d+,.*")).count(), "a row per step");
        assertTrue(Files.readString(json).contains("\"rnn-explorer-trace\""));
    }

    @Test
    void theStepThroughGifHasOneFramePerStep(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        page.saveInto(dir);
        page.interact(() -> page.trace.inputTextProperty().set("(a(b)c)"));
        ExplorerPage.waitUntil(() -> page.trace.steps() == 7 && !page.trace.busyProperty().get());
        robot.type(KeyCode.RIGHT, 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        ExplorerPage.waitUntil(() -> page.vms.session.sessionFileProperty().get() != null);
        assertFalse(page.stage().getTitle().contains("•"), page.stage().getTitle());
        robot.clickOn("Export");
        robot.clickOn("Step-through as animated GIF… (cell diagram and strip)");
        Path gif = dir.resolve("step-through.gif");
        ExplorerPage.waitUntil(() -> Files.exists(gif) && !page.window.stepThroughGif().runningProperty().get());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(7, r.getNumImages(true));
            assertEquals(Math.round(page.diagram().getHeight()) + Math.round(page.strip().getHeight()), r.getHeight(0),
                    2.0);
            r.dispose();
        }
        assertEquals(2, page.trace.stepProperty().get(), "the step is back where it was");
        assertFalse(page.stage().getTitle().contains("•"), "stepping through for the GIF changes nothing: "
                + page.stage().getTitle());
        assertTrue(page.vms.view.reducedMotionProperty().get());
        assertNotEquals(0, Files.size(gif));

        // Cancel in the progress dialog: no file, the step back where it was
        page.interact(() -> page.trace.inputTextProperty().set("(a(b)c)".repeat(20)));
        ExplorerPage.waitUntil(() -> page.trace.steps() == 140 && !page.trace.busyProperty().get());
        Path cancelled = dir.resolve("cancelled.gif");
        page.saveAs(cancelled);
        page.interact(() -> page.window.stepThroughGif().pauseAfter(3)); // mid-way, until Cancel
        robot.clickOn("Export");
        robot.clickOn("Step-through as animated GIF… (cell diagram and strip)");
        ExplorerPage.waitUntil(() -> robot.lookup("Taking a picture of each step…").tryQuery().isPresent());
        // the progress dialog's own Cancel (the Training pane has a "Cancel" button too)
        DialogPane progress = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(p -> "Taking a picture of each step…".equals(p.getHeaderText())).findFirst().orElseThrow();
        robot.clickOn(progress.lookupButton(ButtonType.CANCEL));
        ExplorerPage.waitUntil(() -> !page.window.stepThroughGif().runningProperty().get());
        assertFalse(Files.exists(cancelled), "nothing written");
        assertEquals(2, page.trace.stepProperty().get());
    }
}
