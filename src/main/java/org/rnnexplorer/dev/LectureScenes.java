package org.rnnexplorer.dev;

import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.app.ExplorerWindow;
import org.rnnexplorer.ui.training.TaskChoice;

/**
 * The screenshots of the lecture's live parts: a real race (recall at delay 40, the preset's 1000 batches, seed 1)
 * with its three curves and the three cells side by side at the answer; and the connections of a hovered step of
 * the bracket LSTM, with the PCA path of its hidden state beside the diagram.
 */
final class LectureScenes {
    private LectureScenes() {
    }

    /** Runs the race once, then the step-through at its last step; true when it is on screen. FX thread. */
    static boolean race(ExplorerWindow w) {
        ExplorerViewModels vms = w.viewModels();
        if (vms.race.runningProperty().get()) return false;
        if (vms.race.resultProperty().get() == null) {
            select((TabPane) w.scene().lookup(".main-tabs"), "race-tab");
            vms.race.taskProperty().set(TaskChoice.all().get(2)); // recall after 40 steps
            vms.race.start();
            return false;
        }
        if (vms.raceReplay.replayProperty().get() == null) {
            Button step = (Button) w.scene().lookup("#race-step-through");
            if (!step.isDisabled()) step.fire();
            return false;
        }
        int last = vms.raceReplay.replayProperty().get().steps() - 1;
        if (vms.raceReplay.stepProperty().get() != last) {
            vms.raceReplay.stepProperty().set(last);
            return false;
        }
        return true;
    }

    /** Hovers the second closing bracket of the example and shows the state path; true when both are drawn. */
    static boolean connections(ExplorerWindow w) {
        ExplorerViewModels vms = w.viewModels();
        TabPane side = w.cellTab().sideTabs();
        if (!select(side, "State path")) return false;
        int hovered = vms.trace.result().input().tokens().indexOf(")") + 1;
        if (vms.connectivity.hoveredProperty().get() != hovered) {
            vms.connectivity.hoveredProperty().set(hovered);
            return false;
        }
        return vms.connectivity.litProperty().get() != null && vms.pcaPath.pathProperty().get() != null;
    }

    /** Selects the tab with this id or title; true when it was already selected. */
    private static boolean select(TabPane tabs, String key) {
        for (Tab t : tabs.getTabs()) {
            if (key.equals(t.getId()) || key.equals(t.getText())) {
                if (t.isSelected()) return true;
                tabs.getSelectionModel().select(t);
                return false;
            }
        }
        throw new IllegalStateException("no tab " + key);
    }
}
