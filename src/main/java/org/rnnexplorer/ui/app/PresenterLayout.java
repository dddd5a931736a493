package org.rnnexplorer.ui.app;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.CellTab;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.InputBar;

/**
 * How the window shares its height. Presenter mode: full screen, the style class {@code presenter} on the root (large
 * type in explorer.css), and most of the screen for the cell diagram. A short window (a 720-line projector): one row
 * of input and one prediction per chip, more height for the diagram.
 */
final class PresenterLayout {
    private final Parent root;
    private final CellTab cellTab;
    private final InputBar inputBar;
    private final SequenceStrip strip;
    private final ViewOptions view;
    private boolean fullScreenAllowed = true;
    private Boolean compact;

    PresenterLayout(Parent root, CellTab cellTab, InputBar inputBar, SequenceStrip strip, ViewOptions view) {
        this.root = root;
        this.cellTab = cellTab;
        this.inputBar = inputBar;
        this.strip = strip;
        this.view = view;
        view.presenterProperty().addListener((o, a, on) -> applyPresenter(on));
    }

    /** Follows the height of {@code scene}. */
    void follow(Scene scene) {
        scene.heightProperty().addListener((o, a, h) -> fitHeight(h.doubleValue()));
        fitHeight(scene.getHeight());
    }

    /** Screenshots and tests render presenter mode without taking over the screen. */
    void setFullScreenAllowed(boolean allowed) {
        fullScreenAllowed = allowed;
    }

    private void fitHeight(double height) {
        boolean c = height < 850;
        if (compact != null && c == compact) return;
        compact = c;
        strip.setPredictionRows(c ? 1 : 3);
        if (!view.presenterProperty().get()) {
            inputBar.editor().setPrefRowCount(c ? 1 : 2);
            cellTab.setDividerPositions(c ? 0.74 : 0.64);
        }
    }

    private void applyPresenter(boolean on) {
        if (on) root.getStyleClass().add("presenter");
        else root.getStyleClass().remove("presenter");
        boolean c = compact != null && compact;
        cellTab.setDividerPositions(on ? 0.9 : c ? 0.74 : 0.64);
        inputBar.editor().setPrefRowCount(on || c ? 1 : 2);
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (fullScreenAllowed && w instanceof Stage s) {
            s.setFullScreenExitHint("Presenter mode: F11 or Esc to leave");
            s.setFullScreen(on);
        }
    }
}
