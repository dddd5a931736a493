package org.rnnexplorer.ui.explorer.whatif;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.trace.UnitMenu;

/** The what-if menu of a unit (right-click, and the What-if menu): clamp each gate to 0 or 1, ablate, clear. */
public final class WhatIfMenus implements UnitMenu {
    private final TraceViewModel trace;
    private final WhatIfViewModel whatIf;

    public WhatIfMenus(TraceViewModel trace, WhatIfViewModel whatIf) {
        this.trace = trace;
        this.whatIf = whatIf;
    }

    @Override
    public ContextMenu forUnit(int unit) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("what-if-menu");
        menu.getItems().setAll(items(unit));
        return menu;
    }

    /** The what-if items for {@code unit} of the selected layer (selecting the unit). */
    public List<MenuItem> items(int unit) {
        List<MenuItem> list = new ArrayList<>();
        RnnModel m = trace.modelProperty().get();
        if (m == null) return list;
        trace.selectUnit(unit);
        int layer = trace.layerProperty().get() + 1;
        for (Quantity q : Quantity.gatesInDeckOrder(m.cell())) {
            for (double v : new double[] {0, 1}) {
                MenuItem it = new MenuItem("Clamp " + q.label() + " of unit " + unit + " to " + (int) v);
                it.setId("clamp-" + q.label().split(" ")[0] + "-" + (int) v);
                it.setOnAction(e -> whatIf.clampGate(q.block(), v));
                list.add(it);
            }
        }
        if (!list.isEmpty()) list.add(new SeparatorMenuItem());
        MenuItem ablate = new MenuItem("Ablate unit " + unit + " of layer " + layer + " (h = 0 at every step)");
        ablate.setId("ablate");
        ablate.setOnAction(e -> whatIf.ablateSelectedUnit());
        MenuItem clear = new MenuItem("Clear all what-ifs");
        clear.setId("clear-what-ifs");
        clear.setOnAction(e -> whatIf.clear());
        clear.setDisable(trace.whatIfs().isEmpty());
        list.add(ablate);
        list.add(clear);
        return list;
    }
}
