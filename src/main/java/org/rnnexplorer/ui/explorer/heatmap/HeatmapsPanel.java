package org.rnnexplorer.ui.explorer.heatmap;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.trace.UnitMenu;

/**
 * Over-time heatmaps (units × steps) of h, C and every gate of the selected layer, two per row, zooming and panning
 * together ({@link HeatmapZoomViewModel}).
 */
public final class HeatmapsPanel extends GridPane {
    private TraceViewModel trace;
    private ViewOptions view;
    private UnitMenu menu;
    private HeatmapZoomViewModel zoom;

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

    /** Binds the heatmaps to the trace; they all show the stretch {@code zoom} holds. */
    public void bind(TraceViewModel trace, ViewOptions view, UnitMenu menu, HeatmapZoomViewModel zoom) {
        this.trace = trace;
        this.view = view;
        this.menu = menu;
        this.zoom = zoom;
        trace.modelProperty().addListener((o, a, m) -> rebuild(m));
    }

    private void rebuild(RnnModel m) {
        if (m == null) return;
        getChildren().clear();
        List<Quantity> qs = new ArrayList<>();
        qs.add(Quantity.HIDDEN);
        if (m.cell().hasCellState()) qs.add(Quantity.CELL);
        qs.addAll(Quantity.gatesInDeckOrder(m.cell()));
        int i = 0;
        for (Quantity q : qs) {
            HeatmapView h = HeatmapView.of(q);
            h.setRowHeight(HeatmapView.rowHeight(m.hiddenSize()), m.hiddenSize());
            h.setId("heatmap-" + q.label().split(" ")[0]);
            h.bind(trace, view, menu, zoom);
            add(h, i % 2, i / 2);
            i++;
        }
    }
}
