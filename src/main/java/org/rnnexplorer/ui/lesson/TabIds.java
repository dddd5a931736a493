package org.rnnexplorer.ui.lesson;

import java.util.Locale;
import javafx.beans.property.Property;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Tabs by id, as saved views name them: a tab's own id ({@code cell-tab}), or else its text in lower case with
 * dashes ("What-if" → {@code what-if}). A saved id is resolved against the tabs there are when it is shown, so a tab
 * added to the window later is restored without a change here; an id no tab has leaves the selection alone.
 */
final class TabIds {
    private TabIds() {
    }

    static String idOf(Tab t) {
        if (t.getId() != null && !t.getId().isEmpty()) return t.getId();
        return t.getText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Keeps {@code id} and the tab selected in {@code tabs} in step, both ways. */
    static void sync(TabPane tabs, Property<String> id) {
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) id.setValue(idOf(t));
        });
        id.addListener((o, a, v) -> {
            Tab t = v == null ? null : find(tabs, v);
            if (t != null) tabs.getSelectionModel().select(t);
            else if (tabs.getSelectionModel().getSelectedItem() != null)
                id.setValue(idOf(tabs.getSelectionModel().getSelectedItem())); // what is in front stays named
        });
        Tab now = tabs.getSelectionModel().getSelectedItem();
        if (now != null) id.setValue(idOf(now));
    }

    static Tab find(TabPane tabs, String id) {
        for (Tab t : tabs.getTabs()) if (idOf(t).equals(id)) return t;
        return null;
    }
}
