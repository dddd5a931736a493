package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.explorer.strip.ClassBars;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PyTorch checkpoints opened in the window as a user opens them: Model → Open…, the file picked (given to the
 * chooser in advance), the window's own questions answered by clicking, or a file dropped on the window (a drag's
 * clipboard holding it); what is shown is what the headless import of the same file computes.
 */
@ExtendWith(ApplicationExtension.class)
class CheckpointWindowTest {
    static final Path CHECKPOINTS = Path.of("src/test/resources/checkpoints");
    static final String OPEN = "Open model, session or PyTorch checkpoint…";
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    void openFromTheMenu(FxRobot robot, String file) throws Exception {
        page.waitForTrace();
        page.openNext(CHECKPOINTS.resolve(file));
        robot.clickOn("Model");
        robot.clickOn(OPEN);
    }

    /** The headless import's trace of the tokens the window shows. */
    static Trace headless(RnnModel m, List<String> tokens) {
        return ForwardPass.run(m, InputBatch.ofTokens(TextEncoding.of(m).encode(tokens)));
    }

    @Test
    void aCheckpointOpensFromTheModelMenuTitledByItsFileWithTheHeadlessImportsValuesAtEachStep(FxRobot robot)
            throws Exception {
        openFromTheMenu(robot, "training-checkpoint.pt");
        page.waitForOpen("training-checkpoint.pt");
        assertEquals("RNN Explorer — training-checkpoint.pt", page.stage().getTitle());
        assertEquals("training-checkpoint.pt", page.text(".model-title"));
        assertEquals("LSTM · 1 layer · 5 units · 11 characters · next-token readout", page.text(".model-summary"));

        RnnModel m = CheckpointImport.readModel(CHECKPOINTS.resolve("training-checkpoint.pt"), ImportOptions.NONE).model();
        List<String> tokens = page.trace.result().input().tokens();
        Trace expected = headless(m, tokens);
        int unit = page.trace.unitProperty().get();
        for (int t = 0; t < Math.min(4, tokens.size()); t++) {
            int step = t;
            ExplorerPage.waitUntil(() -> page.trace.stepProperty().get() == step);
            assertEquals("unit " + unit + ": h = " + Num.f(expected.hidden(0, t, unit)) + ", C = "
                    + Num.f(expected.cellState(0, t, unit)), page.text(".unit-label"), "step " + (t + 1));
            robot.type(KeyCode.RIGHT);
        }
    }

    @Test
    void aClassifierAsksForItsClassNamesAndShowsItsLikeliestClassesAtEachStep(FxRobot robot) throws Exception {
        openFromTheMenu(robot, "torchtext-vocab-classifier.pt");
        page.waitForDialog();
        DialogPane question = page.dialog();
        assertEquals("What are the 3 classes of torchtext-vocab-classifier.pt?", question.getHeaderText());
        page.openNext(CHECKPOINTS.resolve("classes.txt"));
        robot.clickOn("Choose a labels file…");
        page.waitForOpen("torchtext-vocab-classifier.pt");
        assertTrue(page.text(".model-summary").endsWith("classifier of 3 classes"), page.text(".model-summary"));
        assertTrue(page.text(".strip-caption").contains("the classifier's classes at the current step are on the right"),
                page.text(".strip-caption"));

        page.interact(() -> page.trace.inputTextProperty().set("<s>bad"));
        ExplorerPage.waitUntil(() -> !page.trace.busyProperty().get() && page.trace.steps() == 4);
        RnnModel m = CheckpointImport.readModel(CHECKPOINTS.resolve("torchtext-vocab-classifier.pt"),
                ImportOptions.of(null, CHECKPOINTS.resolve("classes.txt"), null)).model();
        Trace expected = headless(m, List.of("<s>", "b", "a", "d"));
        ClassBars bars = robot.lookup(".class-bars").queryAs(ClassBars.class);
        robot.type(KeyCode.HOME);
        for (int t = 0; t < 4; t++) {
            int step = t;
            ExplorerPage.waitUntil(() -> page.trace.stepProperty().get() == step);
            assertEquals(classRows(m, expected, t), bars.shownRows(), "step " + (t + 1));
            robot.type(KeyCode.RIGHT);
        }
    }

    /** The classes by falling probability, "north 61.2%", as the bars should list them. */
    static List<String> classRows(RnnModel m, Trace trace, int t) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < m.outputSize(); j++) order.add(j);
        order.sort(Comparator.comparingDouble((Integer j) -> -trace.probability(t, j)));
        return order.stream().map(j -> m.labels().get(j) + " " + Num.percent(trace.probability(t, j))).toList();
    }

    @Test
    void twoRecurrentModulesAreListedAndTheOnePickedOpensAfterTheVocabularyFile(FxRobot robot) throws Exception {
        openFromTheMenu(robot, "two-rnns.pt");
        page.waitForDialog();
        assertEquals("Which is the recurrent module of two-rnns.pt?", page.dialog().getHeaderText());
        @SuppressWarnings("unchecked")
        ComboBox<String> list = robot.from(page.dialog()).lookup(".combo-box").queryAs(ComboBox.class);
        assertEquals(List.of("rnn_a (weight_hh_l0 [15, 5])", "rnn_b (weight_hh_l0 [20, 5])"), list.getItems());
        robot.clickOn(list);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        ExplorerPage.waitUntil(() -> "rnn_b (weight_hh_l0 [20, 5])".equals(list.getValue()));
        robot.clickOn("OK");
        ExplorerPage.waitUntil(() -> page.dialog() != null
                && "Which tokens does two-rnns.pt read?".equals(page.dialog().getHeaderText()));
        assertTrue(page.dialog().getContentText().contains("has 100 characters, not 11"), page.dialog().getContentText());
        page.openNext(CHECKPOINTS.resolve("chars.json"));
        robot.clickOn("Choose a vocabulary file…");
        page.waitForOpen("two-rnns.pt");
        assertEquals("LSTM · 1 layer · 5 units · 11 characters · next-token readout", page.text(".model-summary"),
                "rnn_b is the LSTM");
    }

    @Test
    void aCheckpointDroppedOnTheWindowOpensThereAndABadOneIsOneLine(@TempDir Path dir)
            throws Exception {
        page.waitForTrace();
        drop(CHECKPOINTS.resolve("cuda-gru.pt"));
        page.waitForOpen("cuda-gru.pt");
        assertEquals("GRU (reset after) · 2 layers · 5 units · 11 characters · next-token readout", page.text(".model-summary"));

        Path bad = dir.resolve("notes.pt");
        java.nio.file.Files.writeString(bad, "not a checkpoint");
        drop(bad);
        page.waitForDialog();
        assertEquals("Could not open the file", page.dialog().getHeaderText());
        String line = page.dialog().getContentText();
        assertTrue(line.startsWith(bad + ": ") && !line.contains("\n"), line);
        assertEquals("cuda-gru.pt", page.text(".model-title"), "still open");
    }

    /** Drops {@code file} on the middle of the window, as a file manager's drag ends there. */
    void drop(Path file) {
        page.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new Files(file));
            DragboardHelper.setDataAccessRestriction(board, false);
            Scene scene = page.window.scene();
            double x = scene.getWidth() / 2, y = scene.getHeight() / 2;
            for (EventType<DragEvent> type
                    : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED))
                Event.fireEvent(scene, new DragEvent(type, board, x, y, x, y,
                        TransferMode.COPY, null, null, null));
        });
    }

    /** The clipboard of a drag holding one file, as the desktop hands it over. */
    private record Files(Path file) implements TKClipboard {
        @Override public void setSecurityContext(AccessControlContext c) { }
        @Override public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }
        @SafeVarargs
        @Override public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }
        @Override public Object getContent(DataFormat f) {
            return f.equals(DataFormat.FILES) ? List.of(file.toFile()) : null;
        }
        @Override public boolean hasContent(DataFormat f) {
            return f.equals(DataFormat.FILES);
        }
        @Override public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }
        @Override public void setDragView(Image image) { }
        @Override public void setDragViewOffsetX(double x) { }
        @Override public void setDragViewOffsetY(double y) { }
        @Override public Image getDragView() { return null; }
        @Override public double getDragViewOffsetX() { return 0; }
        @Override public double getDragViewOffsetY() { return 0; }
    }
}
