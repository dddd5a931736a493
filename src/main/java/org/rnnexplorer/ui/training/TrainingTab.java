package org.rnnexplorer.ui.training;

import javafx.scene.control.Tab;
import org.rnnexplorer.ui.common.DialogService;

/** The "Training" tab: the training pane, built the first time the tab is shown. */
public final class TrainingTab {
    private TrainingTab() {
    }

    public static Tab of(TrainingViewModel training, DialogService dialogs) {
        Tab tab = new Tab("Training");
        tab.setId("training-tab");
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on && tab.getContent() == null) tab.setContent(new TrainingPane(training, dialogs));
        });
        return tab;
    }
}
