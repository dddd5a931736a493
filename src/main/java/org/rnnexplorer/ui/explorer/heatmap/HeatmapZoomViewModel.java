package org.rnnexplorer.ui.explorer.heatmap;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The stretch of steps every heatmap of the cell tab shows ({@link HeatmapViewport}): they zoom and pan together.
 * A new input shows whole; a what-if (same steps) keeps the zoom; stepping outside the view moves it to show the
 * step. The keys (+, −, 0 in {@code Shortcut}) zoom about the current step when it is in view, else about the
 * middle; the mouse wheel zooms about the pointer and a drag pans.
 */
public final class HeatmapZoomViewModel {
    /** One + or − press, and one notch of the wheel, zooms by this factor. */
    public static final double STEP = 1.5;
    private final ReadOnlyObjectWrapper<HeatmapViewport> viewport = new ReadOnlyObjectWrapper<>(HeatmapViewport.fit(0));
    private final TraceViewModel trace;

    public HeatmapZoomViewModel(TraceViewModel trace) {
        this.trace = trace;
        trace.resultProperty().addListener((o, a, r) -> {
            int n = r == null ? 0 : r.steps();
            boolean same = a != null && r != null && a.steps() == n && a.input().tokens().equals(r.input().tokens());
            viewport.set(same ? viewport.get().withSteps(n) : HeatmapViewport.fit(n));
        });
        trace.stepProperty().addListener((o, a, b) -> {
            HeatmapViewport v = viewport.get();
            if (b.intValue() < v.steps()) viewport.set(v.showing(b.intValue()));
        });
    }

    public ReadOnlyObjectProperty<HeatmapViewport> viewportProperty() { return viewport.getReadOnlyProperty(); }

    public HeatmapViewport viewport() { return viewport.get(); }

    /** Zooms in (factor > 1) or out about the point {@code anchor} of the width (0 left, 1 right). */
    public void zoomAt(double factor, double anchor) {
        viewport.set(viewport.get().zoom(factor, anchor));
    }

    public void zoomIn() {
        zoomAt(STEP, keyAnchor());
    }

    public void zoomOut() {
        zoomAt(1 / STEP, keyAnchor());
    }

    public void fit() {
        viewport.set(HeatmapViewport.fit(viewport.get().steps()));
    }

    /** Pans by a drag of {@code dx} pixels in a view {@code width} pixels wide. */
    public void pan(double dx, double width) {
        viewport.set(viewport.get().pan(dx, width));
    }

    /** The current step's place across the view (the middle of its column), or the middle when it is not shown. */
    private double keyAnchor() {
        HeatmapViewport v = viewport.get();
        TraceResult r = trace.result();
        int t = trace.stepProperty().get();
        if (r == null || v.span() <= 0 || t < v.first() || t + 1 > v.first() + v.span()) return 0.5;
        return (t + 0.5 - v.first()) / v.span();
    }
}
