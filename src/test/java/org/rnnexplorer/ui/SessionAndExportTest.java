package org.rnnexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.ui.export.SaveLocation;
import org.rnnexplorer.ui.training.TrainingPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sessions and the Export menu, driven as a user: save, reopen in a fresh window, bad files, unsaved training. */
@ExtendWith(ApplicationExtension.class)
class SessionAndExportTest {
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
        vm = window.controller().viewModel();
        vm.reducedMotionProperty().set(true);
        stage.requestFocus();
    }

    static String text(FxRobot robot, ExplorerWindow w, String query) {
        return robot.from(w.scene().getRoot()).lookup(query).queryAs(Label.class).getText();
    }

    void waitForDefault() throws Exception {
        ModelEntry first = ModelCatalog.bundled().get(0);
        ExplorerWindowTest.waitUntil(() -> vm.entryProperty().get() != null
                && vm.entryProperty().get().title().equals(first.title()) && vm.result() != null
                && !vm.busyProperty().get());
    }

    @Test
    void aSavedSessionReopensInAFreshWindowExactlyAsItWasOnScreen(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        window.controller().setSaveLocation(SaveLocation.folder(dir));
        String modelTitle = vm.entryProperty().get().title();
        // step, select a unit, clamp its forget gate from the What-if menu, move a gradient-lab slider
        robot.type(KeyCode.RIGHT, 3);
        robot.interact(() -> vm.selectUnit(2));
        robot.type(KeyCode.DOWN);
        robot.clickOn("What-if");
        robot.clickOn("Clamp forget gate of unit 3 to 0");
        ExplorerWindowTest.waitUntil(() -> vm.result().hasWhatIf() && !vm.busyProperty().get());
        robot.interact(() -> window.controller().labViewModel().recurrentScaleProperty().set(1.5));
        String step = text(robot, window, ".step-label");
        String unit = text(robot, window, ".unit-label");
        String numbers = text(robot, window, "#equation-numbers-3");
        String summary = text(robot, window, "#what-if-summary");
        assertEquals("step 4 of " + vm.steps() + ": '" + TokenLabels.visible(vm.result().input().tokens().get(3)) + "'", step);
        assertTrue(unit.startsWith("unit 3: h = "), unit);
        assertTrue(summary.startsWith("forget gate of unit 3 (layer 1) held at 0.000."), summary);

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Path file = dir.resolve("explorer.session.json");
        ExplorerWindowTest.waitUntil(() -> file.equals(vm.sessionFileProperty().get()));
        assertEquals("explorer.session.json — RNN Explorer — " + modelTitle, stage.getTitle());
        assertTrue(Files.readString(file).contains("\"bundledModel\""), "an unchanged bundled model goes by reference");
        robot.type(KeyCode.RIGHT);
        assertEquals("explorer.session.json • — RNN Explorer — " + modelTitle, stage.getTitle(), "changed since saved");

        AtomicReference<ExplorerWindow> fresh = new AtomicReference<>();
        robot.interact(() -> {
            Stage s = new Stage();
            fresh.set(ExplorerWindow.show(s));
        });
        ExplorerWindow w2 = fresh.get();
        ExplorerViewModel vm2 = w2.controller().viewModel();
        try {
            ExplorerWindowTest.waitUntil(() -> vm2.result() != null && !vm2.busyProperty().get());
            robot.interact(() -> vm2.reducedMotionProperty().set(true));
            robot.interact(() -> w2.controller().openSession(file));
            ExplorerWindowTest.waitUntil(() -> file.equals(vm2.sessionFileProperty().get()) && !vm2.busyProperty().get());
            assertEquals(step, text(robot, w2, ".step-label"));
            assertEquals(unit, text(robot, w2, ".unit-label"));
            assertEquals(numbers, text(robot, w2, "#equation-numbers-3"));
            assertEquals(summary, text(robot, w2, "#what-if-summary"));
            assertEquals(modelTitle, text(robot, w2, ".model-title"));
            assertEquals(1.5, w2.controller().labViewModel().recurrentScaleProperty().get(), 0.0);
            assertEquals(vm.inputTextProperty().get(), vm2.inputTextProperty().get());
            assertEquals("explorer.session.json — RNN Explorer — " + modelTitle,
                    ((Stage) w2.scene().getWindow()).getTitle());
        } finally {
            robot.interact(() -> ((Stage) w2.scene().getWindow()).hide());
        }
    }

    @Test
    void aBadSessionFileShowsTheErrorAndLeavesTheWindowAsItWas(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        robot.type(KeyCode.RIGHT, 2);
        String step = text(robot, window, ".step-label");
        String title = stage.getTitle();
        String input = vm.inputTextProperty().get();
        Path bad = dir.resolve("newer.session.json");
        Files.writeString(bad, "{\"format\": \"rnn-explorer-session\", \"version\": 9, \"selection\": {}}");
        robot.interact(() -> window.controller().openSession(bad));
        ExplorerWindowTest.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("newer.session.json: written by a newer RNN Explorer (version 9)"),
                pane.getContentText());
        assertFalse(pane.getContentText().contains("\n"), "one line");
        robot.type(KeyCode.ENTER);
        assertEquals(step, text(robot, window, ".step-label"));
        assertEquals(title, stage.getTitle());
        assertEquals(input, vm.inputTextProperty().get());
        assertEquals(null, vm.sessionFileProperty().get());
    }

    @Test
    void closingAfterUsingATrainedModelAsksToSaveIt(FxRobot robot, @TempDir Path dir) throws Exception {
        AtomicReference<ExplorerWindow> created = new AtomicReference<>();
        AtomicReference<Stage> st = new AtomicReference<>();
        robot.interact(() -> {
            st.set(new Stage());
            created.set(ExplorerWindow.show(st.get()));
        });
        ExplorerWindow w = created.get();
        ExplorerViewModel v = w.controller().viewModel();
        w.controller().setSaveLocation(SaveLocation.folder(dir));
        try {
            ExplorerWindowTest.waitUntil(() -> v.result() != null && !v.busyProperty().get());
            robot.clickOn(robot.from(w.scene().getRoot()).lookup("Training").queryLabeled());
            ExplorerWindowTest.waitUntil(() -> w.controller().trainingTab.getContent() instanceof TrainingPane);
            TrainingPane pane = (TrainingPane) w.controller().trainingTab.getContent();
            robot.interact(() -> pane.viewModel().stepsProperty().set(40));
            robot.clickOn(robot.from(pane).lookup("#train").queryButton());
            WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS,
                    () -> pane.viewModel().resultProperty().get() != null);
            robot.clickOn(robot.from(pane).lookup("#use-model").queryButton());
            ExplorerWindowTest.waitUntil(() -> v.entryProperty().get().title().startsWith("trained in the app")
                    && !v.busyProperty().get());
            assertTrue(v.trainedUnsavedProperty().get());
            assertEquals("• RNN Explorer — trained in the app (LSTM)", st.get().getTitle());

            // close: the window asks; Cancel keeps it open
            robot.interact(() -> st.get().fireEvent(new WindowEvent(st.get(), WindowEvent.WINDOW_CLOSE_REQUEST)));
            ExplorerWindowTest.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            assertEquals("Save the trained model?", robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText());
            robot.clickOn("Cancel");
            assertTrue(st.get().isShowing(), "Cancel keeps the window");

            // close again, Save…: the session is written with the trained weights, then the window closes
            robot.interact(() -> st.get().fireEvent(new WindowEvent(st.get(), WindowEvent.WINDOW_CLOSE_REQUEST)));
            ExplorerWindowTest.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            robot.clickOn("Save…");
            ExplorerWindowTest.waitUntil(() -> !st.get().isShowing());
            Path saved = dir.resolve("explorer.session.json");
            assertTrue(Files.readString(saved).contains("\"model\""), "the trained weights are in the session");
            assertEquals(v.modelProperty().get().hiddenSize(),
                    org.rnnexplorer.io.SessionFile.read(saved).model().hiddenSize());
        } finally {
            robot.interact(() -> st.get().hide());
        }
    }

    @Test
    void exportTheWindowAsPngAt1xAnd2x(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        window.controller().setSaveLocation(SaveLocation.folder(dir));
        robot.clickOn("Export");
        robot.clickOn("Window as PNG");
        robot.clickOn("Export");
        robot.clickOn("Window as PNG 2x (slides)");
        Path one = dir.resolve("window.png"), two = dir.resolve("window@2x.png");
        ExplorerWindowTest.waitUntil(() -> Files.exists(one) && Files.exists(two));
        BufferedImage a = ImageIO.read(one.toFile()), b = ImageIO.read(two.toFile());
        int w = (int) Math.round(window.scene().getWidth()), h = (int) Math.round(window.scene().getHeight());
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
        ExplorerWindowTest.waitUntil(() -> Files.exists(csv) && Files.exists(json));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("step,token,"), lines.get(0));
        assertEquals(vm.steps(), lines.stream().filter(l -> l.matches("\\d+,.*")).count(), "a row per step");
        assertTrue(Files.readString(json).contains("\"rnn-explorer-trace\""));
    }

    @Test
    void theStepThroughGifHasOneFramePerStep(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForDefault();
        window.controller().setSaveLocation(SaveLocation.folder(dir));
        robot.interact(() -> vm.inputTextProperty().set("(a(b)c)"));
        ExplorerWindowTest.waitUntil(() -> vm.steps() == 7 && !vm.busyProperty().get());
        robot.type(KeyCode.RIGHT, 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        ExplorerWindowTest.waitUntil(() -> vm.sessionFileProperty().get() != null);
        assertFalse(stage.getTitle().contains("•"), stage.getTitle());
        robot.clickOn("Export");
        robot.clickOn("Step-through as animated GIF… (cell diagram and strip)");
        Path gif = dir.resolve("step-through.gif");
        ExplorerWindowTest.waitUntil(() -> Files.exists(gif) && !window.controller().stepThroughGif().runningProperty().get());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(7, r.getNumImages(true));
            assertEquals(Math.round(window.controller().diagram().getHeight())
                    + Math.round(window.controller().strip().getHeight()), r.getHeight(0), 2.0);
            r.dispose();
        }
        assertEquals(2, vm.stepProperty().get(), "the step is back where it was");
        assertFalse(stage.getTitle().contains("•"), "stepping through for the GIF changes nothing: " + stage.getTitle());
        assertTrue(vm.reducedMotionProperty().get());
        assertNotEquals(0, Files.size(gif));

        // Cancel in the progress dialog: no file, the step back where it was
        robot.interact(() -> vm.inputTextProperty().set("(a(b)c)".repeat(20)));
        ExplorerWindowTest.waitUntil(() -> vm.steps() == 140 && !vm.busyProperty().get());
        Path cancelled = dir.resolve("cancelled.gif");
        window.controller().setSaveLocation((o, t, s, e) -> cancelled);
        robot.interact(() -> window.controller().stepThroughGif().pauseAfter(3)); // mid-way, until Cancel
        robot.clickOn("Export");
        robot.clickOn("Step-through as animated GIF… (cell diagram and strip)");
        ExplorerWindowTest.waitUntil(() -> robot.lookup("Taking a picture of each step…").tryQuery().isPresent());
        // the progress dialog's own Cancel (the Training pane has a "Cancel" button too)
        javafx.scene.control.DialogPane progress = robot.lookup(".dialog-pane")
                .queryAllAs(javafx.scene.control.DialogPane.class).stream()
                .filter(p -> "Taking a picture of each step…".equals(p.getHeaderText())).findFirst().orElseThrow();
        robot.clickOn(progress.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        ExplorerWindowTest.waitUntil(() -> !window.controller().stepThroughGif().runningProperty().get());
        assertFalse(Files.exists(cancelled), "nothing written");
        assertEquals(2, vm.stepProperty().get());
    }
}
