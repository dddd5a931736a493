package org.rnnexplorer.ui.text;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.app.ExplorerWindow;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Text tab and its unit finder as the tests drive them (a page object): what a user sees (the rows of the
 * finder's list, the value under the mouse) and does (clicks a character, drags over the text, picks a hypothesis,
 * presses Find units, exports), by the ids and texts on screen. Files to save go into the folder the test gives.
 */
final class TextTabPage {
    final ExplorerWindow window;
    final ExplorerViewModels vms;
    final TraceViewModel trace;
    final FakeDialogService dialogs;
    private final FxRobot robot = new FxRobot();

    private TextTabPage(ExplorerWindow window, FakeDialogService dialogs) {
        this.window = window;
        this.vms = window.viewModels();
        this.trace = vms.trace;
        this.dialogs = dialogs;
    }

    /** A window on {@code stage} (on the FX thread, as a TestFX {@code @Start} does), motion reduced. */
    static TextTabPage show(Stage stage) {
        System.setProperty("rnnexplorer.noPrefs", "true");
        FakeDialogService dialogs = new FakeDialogService();
        ExplorerWindow w = ExplorerWindow.show(stage, dialogs);
        w.viewModels().view.reducedMotionProperty().set(true);
        return new TextTabPage(w, dialogs);
    }

    static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(Integer.getInteger("textTab.wait", 120), TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the bundled bracket LSTM on 3,000 characters of its task's text and shows the Text tab. */
    void openBracketLstmOnItsText() throws TimeoutException {
        waitUntil(() -> trace.result() != null && !trace.busyProperty().get());
        ModelSource.Bundled s = TextViewModelTest.bracketsLstm();
        robot.interact(() -> vms.session.open(s));
        waitUntil(() -> trace.sourceProperty().get() == s && trace.result() != null && !trace.busyProperty().get());
        String text = BracketsTask.text(new Random(123), 3000).substring(0, 3000);
        robot.interact(() -> trace.inputTextProperty().set(text));
        waitUntil(() -> trace.steps() == 3000 && !trace.busyProperty().get());
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> "text-tab".equals(t.getId())).findFirst().orElseThrow();
        robot.clickOn(robot.from(tabs).lookup("#text-tab").queryAs(Node.class));
        waitUntil(tab::isSelected);
        waitUntil(() -> vms.text.contentProperty().get() != null && textView().getHeight() > 0);
    }

    void interact(Runnable r) {
        robot.interact(r);
    }

    TextCanvasView textView() {
        return robot.lookup(".text-view").queryAs(TextCanvasView.class);
    }

    TextTab tab() {
        return robot.lookup(".text-tab").queryAs(TextTab.class);
    }

    /** Where step t's character is on the screen (scrolled into view). */
    Point2D onScreen(int t) {
        TextCanvasView v = textView();
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = v.localToScreen(v.pointOf(t)));
        return p[0];
    }

    void clickCharacter(int t) {
        robot.clickOn(onScreen(t));
    }

    void hoverCharacter(int t) {
        robot.moveTo(onScreen(t));
    }

    void drag(int from, int to) {
        Point2D a = onScreen(from), b = onScreen(to);
        robot.drag(a).moveTo(b).release(javafx.scene.input.MouseButton.PRIMARY);
    }

    /** What the line under the text says about the step under the mouse. */
    String hoverText() {
        return robot.lookup("#text-hover").queryAs(Label.class).getText();
    }

    /** What the tooltip beside the mouse says ("" when it is hidden). */
    String tooltip() {
        Label tip = robot.lookup(".text-tip").queryAs(Label.class);
        return tip.isVisible() ? tip.getText() : "";
    }

    /** Picks a built-in hypothesis in the finder's choice box. */
    void chooseHypothesis(BuiltInHypothesis h) throws TimeoutException {
        robot.clickOn("Built-in");
        ChoiceBox<?> box = robot.lookup("#finder-hypothesis").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<BuiltInHypothesis> hypotheses = (ChoiceBox<BuiltInHypothesis>) box;
        robot.interact(() -> hypotheses.getSelectionModel().select(h)); // as the box's list does
        waitUntil(() -> h.equals(box.getValue()));
    }

    /** Presses Find units and waits for the list. */
    void findUnits() throws TimeoutException {
        var before = vms.finder.rankingProperty().get();
        robot.clickOn("#find-units");
        try {
            waitUntil(() -> (vms.finder.rankingProperty().get() != before && !vms.finder.runningProperty().get()
                    && !vms.finder.best().isEmpty()) || !dialogs.errors().isEmpty());
        } catch (TimeoutException e) {
            robot.interact(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                            window.scene().snapshot(null), null), "png", new java.io.File("/tmp/textview-fail.png"));
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
            throw new AssertionError("the finder did not list units: " + vms.finder.statusProperty().get() + ", running "
                    + vms.finder.runningProperty().get() + ", mode " + vms.finder.modeProperty().get());
        }
        if (!dialogs.errors().isEmpty()) throw new AssertionError(dialogs.errors());
    }

    /** The series named on row {@code i} of the finder's list, as it reads on screen. */
    String row(int i) {
        return rowCell(i).getItem().series().label().equals(rowName(i)) ? rowName(i) : "(cell and item disagree)";
    }

    private String rowName(int i) {
        return ((Label) ((HBox) rowCell(i).getGraphic()).getChildren().get(0)).getText();
    }

    @SuppressWarnings("unchecked")
    private ListCell<org.rnnexplorer.analysis.UnitScore> rowCell(int i) {
        try {
            waitUntil(() -> robot.lookup("#finder-results .finder-row").queryAllAs(ListCell.class).stream()
                    .anyMatch(c -> c.getIndex() == i && c.getItem() != null));
        } catch (TimeoutException e) {
            throw new AssertionError("no row " + i + " in the finder's list");
        }
        return robot.lookup("#finder-results .finder-row").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == i && c.getItem() != null)
                .min(Comparator.comparingInt(ListCell::getIndex)).orElseThrow();
    }

    void clickRow(int i) {
        robot.clickOn(rowCell(i));
    }

    /** The quantity the Text tab's choice box shows ("cell state C"). */
    String quantityShown() {
        ChoiceBox<?> box = robot.lookup("#text-quantity").queryAs(ChoiceBox.class);
        return box.getConverter() == null ? String.valueOf(box.getValue())
                : ((javafx.util.StringConverter<Object>) (javafx.util.StringConverter<?>) box.getConverter()).toString(box.getValue());
    }

    /** Export → the item with this id ("export-text-svg"); waits until the file is written. */
    Path export(String itemId, Path folder) throws TimeoutException {
        dialogs.saveInto(folder);
        Path[] written = {null};
        tab().exporter().lastWrittenProperty().addListener((o, a, b) -> {
            if (b != null) written[0] = b;
        });
        robot.clickOn("#text-export");
        robot.clickOn("#" + itemId);
        waitUntil(() -> written[0] != null || !dialogs.errors().isEmpty());
        if (!dialogs.errors().isEmpty()) throw new AssertionError(dialogs.errors());
        return written[0];
    }
}
