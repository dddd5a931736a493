package org.rnnexplorer.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.rnnexplorer.model.RnnModel;

/** The what-if context menu for a unit: clamp each gate to 0 or 1, ablate the unit, clear the what-ifs. */
public final class WhatIfMenus {
    private final ExplorerViewModel vm;

    public WhatIfMenus(ExplorerViewModel vm) {
        this.vm = vm;
    }

    public ContextMenu forUnit(int unit) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("what-if-menu");
        menu.getItems().setAll(items(unit));
        return menu;
    }

    /** The what-if items for {@code unit} of the selected layer (selecting the unit). */
    public java.util.List<javafx.scene.control.MenuItem> items(int unit) {
        java.util.List<javafx.scene.control.MenuItem> list = new java.util.ArrayList<>();
        RnnModel m = vm.modelProperty().get();
        if (m == null) return list;
        vm.selectUnit(unit);
        int layer = vm.layerProperty().get() + 1;
        for (Quantity q : Quantity.gates(m.cell())) {
            for (double v : new double[] {0, 1}) {
                MenuItem it = new MenuItem("Clamp " + q.name() + " of unit " + unit + " to " + (int) v);
                it.setId("clamp-" + q.name().split(" ")[0] + "-" + (int) v);
                it.setOnAction(e -> vm.clampGate(q.gate(), v));
                list.add(it);
            }
        }
        if (!list.isEmpty()) list.add(new SeparatorMenuItem());
        MenuItem ablate = new MenuItem("Ablate unit " + unit + " of layer " + layer + " (h = 0 at every step)");
        ablate.setId("ablate");
        ablate.setOnAction(e -> vm.ablateSelectedUnit());
        MenuItem clear = new MenuItem("Clear all what-ifs");
        clear.setId("clear-what-ifs");
        clear.setOnAction(e -> vm.clearWhatIfs());
        clear.setDisable(vm.whatIfs().isEmpty());
        list.add(ablate);
        list.add(clear);
        return list;
    }
}
