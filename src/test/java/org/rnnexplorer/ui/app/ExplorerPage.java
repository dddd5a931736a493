package org.rnnexplorer.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.FxDialogService;
import org.rnnexplorer.ui.explorer.diagram.CellDiagramView;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.gradient.GradientPanel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One explorer window as the tests drive it (a page object): what a user sees, read by the names and style classes on
 * screen, and what a user does, by the texts they click. The dialogs are the real ones, except that every file to
 * save goes into the folder (or the file) the test gives, and a file to open can be given in advance.
 */
final class ExplorerPage {
    static final Path REFERENCE_LSTM = Path.of("src/test/resources/reference/charlm-lstm-1layer.json");
    static final Path REFERENCE_GRU = Path.of("src/test/resources/reference/charlm-gru-2layer.json");
    static final String LSTM = "charlm-lstm-1layer.json";

    final ExplorerWindow window;
    final ExplorerViewModels vms;
    final TraceViewModel trace;
    private final FxRobot robot;
    private final Saves saves;

    private ExplorerPage(ExplorerWindow window, Saves saves) {
        this.window = window;
        this.vms = window.viewModels();
        this.trace = vms.trace;
        this.saves = saves;
        this.robot = new FxRobot();
    }

    /** A window on {@code stage} (call on the FX thread, as a TestFX {@code @Start} does), motion reduced. */
    static ExplorerPage show(Stage stage) {
        System.setProperty("rnnexplorer.noPrefs", "true");
        Saves saves = new Saves(new FxDialogService(() -> stage));
        ExplorerWindow w = ExplorerWindow.show(stage, saves);
        w.viewModels().view.reducedMotionProperty().set(true);
        stage.getScene().getStylesheets().add(ExplorerPage.class.getResource("robot.css").toExternalForm());
        stage.requestFocus();
        return new ExplorerPage(w, saves);
    }

    /** Files to save go to {@code folder}, under the names suggested. */
    void saveInto(Path folder) {
        saves.folder = folder;
        saves.file = null;
    }

    /** The next chooser of a file to open picks {@code file} (once; then the real chooser again). */
    void openNext(Path file) {
        saves.toOpen = file;
    }

    /** The next files to save go to {@code file}. */
    void saveAs(Path file) {
        saves.file = file;
    }

    static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::get); // a hang guard, not a timing goal
        WaitForAsyncUtils.waitForFxEvents();
    }

    void interact(Runnable r) {
        robot.interact(r);
    }

    /** Waits until the model titled {@code title} is open and traced. */
    void waitForOpen(String title) throws TimeoutException {
        waitUntil(() -> trace.sourceProperty().get() != null && trace.sourceProperty().get().title().equals(title)
                && trace.result() != null && !trace.busyProperty().get());
    }

    void waitForTrace() throws TimeoutException {
        waitUntil(() -> trace.result() != null && !trace.busyProperty().get());
    }

    /** Opens the PyTorch-trained reference LSTM (not a bundled model: the tests do not depend on the index). */
    void openReferenceLstm() throws TimeoutException {
        waitForTrace();
        interact(() -> vms.session.open(new ModelSource.OnDisk(REFERENCE_LSTM)));
        waitForOpen(LSTM);
    }

    void open(ModelSource source) {
        interact(() -> vms.session.open(source));
    }

    /** The text of the label {@code query} finds in this window (a style class, an id). */
    String text(String query) {
        return robot.from(window.scene().getRoot()).lookup(query).queryAs(Labeled.class).getText();
    }

    String stepLabel() {
        return text(".step-label");
    }

    /** The token of the highlighted chip. */
    String currentChip() {
        return ((SequenceStrip.Chip) robot.from(window.scene().getRoot()).lookup(".chip.current").query()).tokenText();
    }

    /** The chip's token label (to compare font sizes). */
    Label firstChipToken() {
        return ((SequenceStrip.Chip) robot.from(window.scene().getRoot()).lookup(".chip").query()).tokenLabel();
    }

    List<SequenceStrip.Chip> chips() {
        return robot.from(window.scene().getRoot()).lookup(".chip").queryAllAs(SequenceStrip.Chip.class).stream().toList();
    }

    CellDiagramView diagram() {
        return window.cellTab().diagram();
    }

    SequenceStrip strip() {
        return robot.from(window.scene().getRoot()).lookup(".sequence-strip").queryAs(SequenceStrip.class);
    }

    /** Where on the screen unit {@code u} of the diagram's strip {@code name} ("forget gate") is. */
    Point2D unitOnScreen(String name, int u) {
        CellDiagramView d = diagram();
        return d.localToScreen(d.unitCentre(name, u));
    }

    /** The side panel shown beside the diagram ("Equations", "What-if", "Gradient"). */
    String sidePanel() {
        return window.cellTab().sideTabs().getSelectionModel().getSelectedItem().getText();
    }

    void showSidePanel(String title) {
        TabPane tabs = window.cellTab().sideTabs();
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals(title)).findFirst().orElseThrow()));
    }

    GradientPanel gradientPanel() {
        return (GradientPanel) window.cellTab().sideTabs().getTabs().get(2).getContent();
    }

    /** The main tab with this id ("cell-tab", "lab-tab", "training-tab"). */
    Tab tab(String id) {
        TabPane tabs = robot.from(window.scene().getRoot()).lookup(".main-tabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    /** The content of a main tab once it has been shown (null before). */
    <T> T tabContent(String id, Class<T> type) {
        Node n = tab(id).getContent();
        return type.isInstance(n) ? type.cast(n) : null;
    }

    void selectTab(String id) {
        Tab t = tab(id);
        interact(() -> t.getTabPane().getSelectionModel().select(t));
    }

    /** The dialog pane showing now, or null. */
    DialogPane dialog() {
        return robot.lookup(".dialog-pane").tryQueryAs(DialogPane.class).orElse(null);
    }

    void waitForDialog() throws TimeoutException {
        waitUntil(() -> dialog() != null);
    }

    Stage stage() {
        return (Stage) window.scene().getWindow();
    }

    /** Runs {@code check} with the view models on the FX thread. */
    void onFx(Consumer<ExplorerViewModels> check) {
        interact(() -> check.accept(vms));
    }

    /** The window's dialogs, with saves going where the test says. */
    private static final class Saves implements DialogService {
        private final DialogService real;
        Path folder;
        Path file;
        Path toOpen;

        Saves(DialogService real) {
            this.real = real;
        }

        @Override
        public Path chooseFileToOpen(String title, List<FileType> types) {
            Path f = toOpen;
            toOpen = null;
            return f != null ? f : real.chooseFileToOpen(title, types);
        }

        @Override
        public Path chooseFileToSave(String title, String suggested, String extension) {
            if (file != null) return file;
            return folder != null ? folder.resolve(suggested) : real.chooseFileToSave(title, suggested, extension);
        }

        @Override
        public void showError(String header, String message) {
            real.showError(header, message);
        }

        @Override
        public void showInformation(String title, String header, String text) {
            real.showInformation(title, header, text);
        }

        @Override
        public <T> void ask(String header, String question, List<Choice<T>> choices, Consumer<T> answer) {
            real.ask(header, question, choices, answer);
        }

        @Override
        public <T> void choose(String header, String question, List<Choice<T>> options, Consumer<T> answer) {
            real.choose(header, question, options, answer);
        }
    }
}
