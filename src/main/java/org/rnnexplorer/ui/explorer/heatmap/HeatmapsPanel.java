package org.rnnexplorer.ui.explorer.heatmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.chart.StateHeatmap;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
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
    private final Map<Quantity, HeatmapView> views = new LinkedHashMap<>();

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
        views.clear();
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
            views.put(q, h);
            i++;
        }
    }

    /** The heatmaps shown, by quantity (h, C, the gates). */
    public Map<Quantity, HeatmapView> views() {
        return Map.copyOf(views);
    }

    /**
     * The heatmap of {@code q} as a chart, as it is on screen: the stretch shown, the same colour scale, legend and
     * clipped cells; null when it shows nothing.
     */
    public JFreeChart chartOf(Quantity q) {
        HeatmapView v = views.get(q);
        TraceResult r = trace.result();
        HeatmapViewport vp = v == null ? null : v.viewport();
        HeatmapColours colours = v == null ? null : v.colours();
        if (r == null || vp == null || colours == null || !HeatmapSources.original(q).shows(r)) return null;
        int layer = Math.min(trace.layerProperty().get(), r.model().layerCount() - 1);
        int from = vp.firstStep(), to = Math.min(vp.lastStep() + 1, r.completedSteps());
        if (to <= from) return null;
        String title = q.title() + (r.model().layerCount() > 1 ? " (layer " + layer + ")" : "")
                + (from > 0 || to < r.steps() ? String.format(java.util.Locale.ROOT, ", steps %,d–%,d of %,d", from, to - 1, r.steps()) : "");
        return StateHeatmap.of(HeatmapSources.original(q).columns(r, layer), from, to, q, colours,
                r.model().takesTokens() ? r.input().tokens() : null, trace.stepProperty().get(), title);
    }
}
