package org.rnnexplorer.ui.app;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The playback keys of {@link Shortcut} (Space, arrows, Home/End, the heatmaps' +, − and 0, Esc), taken as a filter on the scene: the tab
 * panes would otherwise take the arrow keys for switching tabs. They apply while the cell tab is shown and no text
 * field has the focus; Esc in the input editor gives the keys back to playback.
 */
final class PlaybackKeys {
    private PlaybackKeys() {
    }

    static void install(Scene scene, ExplorerViewModels vms, Node keysHome, BooleanSupplier cellTabShown) {
        TraceViewModel trace = vms.trace;
        PlaybackViewModel playback = vms.playback;
        ViewOptions view = vms.view;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() instanceof TextInputControl) {
                keysHome.requestFocus();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isConsumed() || !cellTabShown.getAsBoolean()) return;
            Shortcut key = Shortcut.playbackKey(e);
            if (key == null) return;
            switch (key) {
                case PLAY_PAUSE -> playback.togglePlay();
                case STEP_FORWARD -> playback.stepForward();
                case STEP_BACK -> playback.stepBack();
                case FIRST_STEP -> playback.first();
                case LAST_STEP -> playback.last();
                case PREVIOUS_UNIT -> trace.selectUnit(trace.unitProperty().get() - 1);
                case NEXT_UNIT -> trace.selectUnit(trace.unitProperty().get() + 1);
                case ZOOM_IN -> vms.heatmapZoom.zoomIn();
                case ZOOM_OUT -> vms.heatmapZoom.zoomOut();
                case FIT -> vms.heatmapZoom.fit();
                case LEAVE -> {
                    if (view.presenterProperty().get()) view.presenterProperty().set(false);
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        Platform.runLater(keysHome::requestFocus);
    }
}
