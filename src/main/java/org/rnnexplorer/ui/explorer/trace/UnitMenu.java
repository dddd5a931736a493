package org.rnnexplorer.ui.explorer.trace;

import javafx.scene.control.ContextMenu;

/** What right-clicking a unit offers (the what-ifs); the views that show units ask it for the menu. */
@FunctionalInterface
public interface UnitMenu {
    /** The menu for {@code unit} of the selected layer. */
    ContextMenu forUnit(int unit);
}
