package org.rnnexplorer.ui.app;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.rnnexplorer.ui.explorer.CellTab;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.lesson.LessonMode;

/** Puts lesson mode into the window: its bar under the menus, its menu before Help, its lesson in Help. */
final class LessonWiring {
    private LessonWiring() {
    }

    static LessonMode install(ExplorerViewModels vms, BorderPane root, MenuBar menuBar, TabPane mainTabs, CellTab cellTab,
                              SequenceStrip strip) {
        LessonMode mode = new LessonMode(vms.lesson, vms.trace, vms.dialogs, mainTabs, cellTab.sideTabs(),
                cellTab.diagram(), strip);
        ((VBox) root.getTop()).getChildren().add(1, mode.bar());
        mode.export().snapshotOf(root);
        int help = menuBar.getMenus().size() - 1;
        Menu helpMenu = menuBar.getMenus().get(help);
        helpMenu.getItems().addAll(new SeparatorMenuItem(), mode.helpItem());
        menuBar.getMenus().add(help, mode.menu());
        return mode;
    }
}
