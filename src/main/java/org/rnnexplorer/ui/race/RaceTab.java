package org.rnnexplorer.ui.race;

import javafx.scene.control.Tab;

/** The "Race" tab: the race pane, built the first time the tab is shown; its chart draws only while the tab is. */
public final class RaceTab {
    private RaceTab() {
    }

    public static Tab of(RaceViewModel race, RaceReplayViewModel replay) {
        Tab tab = new Tab("Race");
        tab.setId("race-tab");
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on && tab.getContent() == null) {
                RacePane pane = new RacePane(race, replay);
                pane.drawOnlyWhile(tab.selectedProperty());
                tab.setContent(pane);
            }
        });
        return tab;
    }
}
