package org.rnnexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.rnnexplorer.model.RnnModel;

/** Over-time heatmaps (units × steps) of every gate and state of the selected layer, two per row. */
public final class HeatmapsPanel extends GridPane {
    private final List<HeatmapView> maps = new ArrayList<>();
    private ExplorerViewModel vm;
    private WhatIfMenus menus;

    public HeatmapsPanel() {
        getStyleClass().add("heatmaps");
        setHgap(14);
        setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
    }

    public void bind(ExplorerViewModel model, WhatIfMenus whatIfMenus) {
        vm = model;
        menus = whatIfMenus;
        vm.modelProperty().addListener((o, a, m) -> rebuild(m));
    }

    private void rebuild(RnnModel m) {
        if (m == null) return;
        getChildren().clear();
        maps.clear();
        List<Quantity> qs = new ArrayList<>();
        qs.add(Quantity.HIDDEN);
        if (m.cell().hasCellState()) qs.add(Quantity.CELL);
        qs.addAll(Quantity.gates(m.cell()));
        int i = 0;
        for (Quantity q : qs) {
            HeatmapView h = HeatmapView.of(q);
            h.setRowHeight(WhatIfPanel.rowHeight(m.hiddenSize()), m.hiddenSize());
            h.setId("heatmap-" + q.name().split(" ")[0]);
            h.bind(vm, menus);
            maps.add(h);
            add(h, i % 2, i / 2);
            i++;
        }
    }

    public List<HeatmapView> maps() {
        return maps;
    }
}
