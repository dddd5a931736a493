package org.rnnexplorer.dev;

import javafx.scene.control.TabPane;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.SeriesId;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.app.ExplorerWindow;
import org.rnnexplorer.ui.text.UnitFinderViewModel;

/**
 * The screenshot of the Text tab: the bracket LSTM on a bracket text, coloured by cell unit 29 (the bracket depth)
 * with cell unit 8 (inside quotes) as a band, and the finder's ranking for the bracket depth beside it.
 */
final class TextTabScene {
    private TextTabScene() {
    }

    /** Sets the scene up once; true when the finder has listed its units. Runs on the FX thread. */
    static boolean show(ExplorerWindow w) {
        ExplorerViewModels vms = w.viewModels();
        TabPane tabs = (TabPane) w.scene().lookup(".main-tabs");
        if (vms.finder.rankingProperty().get() != null) return !vms.finder.runningProperty().get();
        if (vms.finder.runningProperty().get()) return false;
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "text-tab".equals(t.getId())).findFirst()
                .orElseThrow());
        vms.text.show(new SeriesId(0, Quantity.CELL, 8));
        vms.text.addSelectedAsRow();
        vms.text.show(new SeriesId(0, Quantity.CELL, 29));
        vms.finder.modeProperty().set(UnitFinderViewModel.Mode.BUILT_IN);
        vms.finder.builtInProperty().set(BuiltInHypothesis.BRACKET_DEPTH);
        vms.finder.run();
        return false;
    }
}
