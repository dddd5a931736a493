package org.rnnexplorer.ui.training;

import javafx.scene.control.Tab;
import org.rnnexplorer.ui.common.DialogService;

/** The "Training" tab: the training pane, built the first time the tab is shown; its chart draws only while the tab is. */
public final class TrainingTab {
    private TrainingTab() {
    }

    public static Tab of(TrainingViewModel training, DialogService dialogs) {
        Tab tab = new Tab("Training");
        tab.setId("training-tab");
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on && tab.getContent() == null) {
                TrainingPane pane = new TrainingPane(training, dialogs);
                pane.drawOnlyWhile(tab.selectedProperty());
                tab.setContent(pane);
            }
        });
        return tab;
    }
}
