package org.rnnexplorer.ui.explorer.heatmap;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.chart.HeatmapRaster;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.trace.UnitMenu;

/**
 * A units × steps heatmap of one quantity (rows = units, columns = steps) with a cursor at the current step, the
 * selected unit outlined, a colour key, and under it an overview strip of the whole sequence with the visible stretch
 * boxed. It shows the stretch of the shared {@link HeatmapZoomViewModel}: the wheel zooms about the pointer, a drag
 * pans, +/−/0 zoom and fit. Only the visible steps are read ({@link HeatmapRaster}), off the JavaFX thread for long
 * inputs; a long trace still being filled shows its steps as they come. Hover shows unit, step and value; a click
 * selects the unit and jumps to the step; right-click offers the what-ifs.
 */
public final class HeatmapView extends VBox {
    /** What a heatmap shows, read from the result. */
    public interface Source {
        /** The full trace to read, or null when there is nothing to show (e.g. no what-if, or no such gate). */
        Trace trace(TraceResult r);

        double value(TraceResult r, int layer, int t, int unit);

        /** Whether there is something to show: by default, a full trace. */
        default boolean shows(TraceResult r) {
            return trace(r) != null;
        }

        /** The columns the pixels are read from: by default those of {@link #value} over the full trace. */
        default HeatmapRaster.Columns columns(TraceResult r, int layer) {
            Trace tr = trace(r);
            return new HeatmapRaster.Columns() {
                public int steps() { return tr.steps(); }

                public int units() { return tr.hiddenSize(); }

                public void readStep(int t, float[] out) {
                    for (int u = 0; u < out.length; u++) out[u] = (float) value(r, layer, t, u);
                }
            };
        }
    }

    /** Inputs up to this many steps are drawn at once; longer ones are computed off the JavaFX thread. */
    static final int SMALL = 400;
    private static final double TOKEN_ROW = 16, OVERVIEW = 14;
    /** One thread computes the pixels of every heatmap; each heatmap's latest request wins. */
    private static final ExecutorService PIXEL_THREAD = DaemonThreads.single("heatmap-pixels");

    private final Label title = new Label();
    private final ChoiceBox<HeatmapColours.Choice> scaleChoice = new ChoiceBox<>();
    private final HeatmapLegend legend = new HeatmapLegend();
    private final Label legendText = new Label();
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final Canvas overview = new Canvas();
    private final Pane overviewHolder = new Pane(overview);
    private final Tooltip tip = new Tooltip();
    private final Quantity.Range range;
    private final Source source;
    private final LatestWinsExecutor pixels = new LatestWinsExecutor(PIXEL_THREAD, Platform::runLater);
    private final HeatmapColourCache cache = new HeatmapColourCache();
    private TraceViewModel trace;
    private ViewOptions view;
    private UnitMenu menu;
    private HeatmapZoomViewModel zoom;
    private Frame frame;
    private double dragX;
    private boolean dragged;

    /** What is on screen: the image of the view {@code viewport} of {@code result}, and the overview's image. */
    private record Frame(TraceResult result, int layer, int done, HeatmapViewport viewport, WritableImage image,
                         int cols, WritableImage overview, HeatmapColours colours) {
    }

    /** A heatmap of values in {@code range}; an unbounded quantity is scaled by {@code scale} unless the user picks another. */
    public HeatmapView(String heading, Quantity.Range range, Source source, HeatmapColours.Choice scale) {
        this.range = range;
        this.source = source;
        title.setText(heading);
        title.getStyleClass().add("heatmap-title");
        getStyleClass().add("heatmap");
        scaleChoice.getItems().setAll(HeatmapColours.Choice.values());
        scaleChoice.setValue(scale);
        scaleChoice.setTooltip(new Tooltip("The colour scale of this unbounded quantity: cells beyond it are clipped and "
                + "drawn in the darkest colours"));
        scaleChoice.valueProperty().addListener((o, a, b) -> rebuild());
        legendText.getStyleClass().add("heatmap-legend-text");
        legendText.setWrapText(true);
        legendText.setStyle("-fx-font-size: 11px;");
        legendText.managedProperty().bind(legendText.textProperty().isNotEmpty());
        legendText.visibleProperty().bind(legendText.managedProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        scaleChoice.setMinWidth(Region.USE_PREF_SIZE);
        legend.setManaged(true);
        HBox top = new HBox(8, title, legend);
        if (range == Quantity.Range.UNBOUNDED) top.getChildren().add(1, scaleChoice);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setMinWidth(0); // in a narrow side panel the header runs past the edge rather than widen the panel
        getChildren().addAll(top, holder, overviewHolder, legendText);
        holder.setMinSize(0, 60);
        holder.setPrefWidth(200);
        holder.setPrefHeight(120);
        overviewHolder.setMinHeight(OVERVIEW);
        overviewHolder.setPrefHeight(OVERVIEW);
        holder.widthProperty().addListener((o, a, b) -> resize());
        holder.heightProperty().addListener((o, a, b) -> resize());
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(canvas, tip);
        Tooltip.install(overview, new Tooltip("The whole sequence; the box is the stretch shown above. Click to move there."));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> trace.hoverTextProperty().set(""));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || zoom == null) return;
            zoom.pan(e.getX() - dragX, canvas.getWidth());
            dragged |= Math.abs(e.getX() - dragX) > 0;
            dragX = e.getX();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (zoom == null || e.getDeltaY() == 0) return;
            zoom.zoomAt(Math.pow(HeatmapZoomViewModel.STEP, e.getDeltaY() / 40), e.getX() / canvas.getWidth());
            e.consume();
        });
        overview.addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveTo);
        overview.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveTo);
    }

    /** A heatmap of {@code q} in the original trace, full or compact ("nothing to show" for a trace of another cell). */
    public static HeatmapView of(Quantity q) {
        return new HeatmapView(q.label() + " (" + q.symbol() + ")", q.range(), HeatmapSources.original(q),
                HeatmapColours.Choice.PER_UNIT_99);
    }

    /** Height of a unit's row: 2 to 6 pixels, less for more units. */
    public static double rowHeight(int units) {
        return Math.max(2, Math.min(6, 140.0 / units));
    }

    public void bind(TraceViewModel trace, ViewOptions view, UnitMenu menu) {
        bind(trace, view, menu, new HeatmapZoomViewModel(trace));
    }

    /** Shows the stretch {@code zoom} holds (shared with the other heatmaps). */
    public void bind(TraceViewModel trace, ViewOptions view, UnitMenu menu, HeatmapZoomViewModel zoom) {
        this.trace = trace;
        this.view = view;
        this.menu = menu;
        this.zoom = zoom;
        trace.resultProperty().addListener((o, a, b) -> rebuild());
        trace.layerProperty().addListener((o, a, b) -> rebuild());
        trace.recorder().completedProperty().addListener((o, a, b) -> rebuild());
        zoom.viewportProperty().addListener((o, a, b) -> rebuild());
        view.presenterProperty().addListener((o, a, b) -> draw());
        trace.stepProperty().addListener((o, a, b) -> draw());
        trace.unitProperty().addListener((o, a, b) -> draw());
        rebuild();
    }

    public void setRowHeight(double perUnit, int units) {
        holder.setPrefHeight(Math.max(60, perUnit * units) + TOKEN_ROW);
    }

    /** The steps shown across the heatmap now, first and last (for tests and the exports). */
    public HeatmapViewport viewport() {
        return frame == null ? null : frame.viewport();
    }

    /** The colours on screen now (null before the first frame): the exports use the same. */
    public HeatmapColours colours() {
        return frame == null ? null : frame.colours();
    }

    private void resize() {
        canvas.setWidth(holder.getWidth());
        canvas.setHeight(holder.getHeight());
        overview.setWidth(holder.getWidth());
        overview.setHeight(OVERVIEW);
        rebuild();
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOKEN_ROW);
    }

    private Palette palette() {
        return view == null ? Palette.NORMAL : view.palette();
    }

    private int layerOf(TraceResult r) {
        return Math.min(trace.layerProperty().get(), r.model().layerCount() - 1);
    }

    /** Recomputes the images: one pixel per (column, unit), one column per screen pixel; the overview when it changed. */
    private void rebuild() {
        TraceResult r = trace == null ? null : trace.result();
        int w = (int) canvas.getWidth();
        if (r == null || w < 2 || r.steps() == 0 || !source.shows(r)) {
            frame = null;
            pixels.cancel(); // a computation still running is not shown
            draw();
            return;
        }
        int layer = layerOf(r), done = r.completedSteps();
        HeatmapViewport vp = zoom.viewport().steps() == r.steps() ? zoom.viewport() : HeatmapViewport.fit(r.steps());
        HeatmapColours.Choice choice = scaleChoice.getValue();
        HeatmapRaster.Columns data = source.columns(r, layer);
        Frame old = frame;
        boolean sameOverview = old != null && old.result() == r && old.layer() == layer && old.overview() != null
                && (int) old.overview().getWidth() == w && old.colours().choice() == choice && old.done() == done;
        if (done <= SMALL) {
            apply(render(r, layer, vp, w, choice, data, done, sameOverview ? old.overview() : null));
        } else {
            WritableImage keep = sameOverview ? old.overview() : null;
            pixels.submit(() -> render(r, layer, vp, w, choice, data, done, keep), this::apply, e -> { });
        }
    }

    /** The frame's pixels (any thread); the overview is drawn anew unless {@code overviewImage} is kept. */
    private Frame render(TraceResult r, int layer, HeatmapViewport vp, int cols, HeatmapColours.Choice choice,
                         HeatmapRaster.Columns data, int done, WritableImage overviewImage) {
        HeatmapColours colours = cache.get(r, layer, choice, data, done, range);
        int units = data.units();
        HeatmapRaster raster = new HeatmapRaster(units);
        int[] argb = new int[cols * units];
        raster.render(data, vp, cols, colours, argb);
        WritableImage image = new WritableImage(cols, units);
        image.getPixelWriter().setPixels(0, 0, cols, units, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        WritableImage ov = overviewImage;
        if (ov == null) {
            raster.render(data, HeatmapViewport.fit(vp.steps()), cols, colours, argb);
            ov = new WritableImage(cols, units);
            ov.getPixelWriter().setPixels(0, 0, cols, units, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        }
        return new Frame(r, layer, done, vp, image, cols, ov, colours);
    }

    private void apply(Frame f) {
        frame = f;
        legend.draw(f.colours(), palette());
        HeatmapColours c = f.colours();
        legendText.setText(c.scale() == null ? "" : c.legend(title.getText().contains("(C)") ? "C" : "v")
                + String.format(Locale.ROOT, "; %.1f %% of cells beyond it (darkest, dotted when large)", 100 * c.clippedShare()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        Palette p = palette();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        overview.getGraphicsContext2D().setFill(p.background());
        overview.getGraphicsContext2D().fillRect(0, 0, overview.getWidth(), overview.getHeight());
        Frame f = frame;
        if (f == null) {
            TraceResult r = trace == null ? null : trace.result();
            g.setFill(p.muted());
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(r != null && r.steps() > 0 ? "nothing to show" : "no steps", 8, h / 2);
            return;
        }
        double ph = plotHeight();
        g.setImageSmoothing(false);
        g.drawImage(f.image(), 0, 0, w, ph);
        HeatmapViewport vp = f.viewport();
        int units = (int) f.image().getHeight();
        double colW = w / vp.span(), rowH = ph / units;
        if (colW >= 6 && rowH >= 4) HeatmapDecor.clippedDots(g, f.image(), f.cols(), vp, w, colW, rowH);
        g.setStroke(p.selection());
        g.setLineWidth(1.5);
        g.strokeRect(0.5, trace.unitProperty().get() * rowH, w - 1, rowH);
        int step = trace.stepProperty().get();
        double cx = vp.xOf(step + 0.5, w);
        g.setStroke(Palette.CURSOR);
        g.setLineWidth(Math.max(2, Math.min(colW, 4)));
        if (cx >= 0 && cx <= w) g.strokeLine(cx, 0, cx, ph);
        HeatmapDecor.tokens(g, p, f.result().input().tokens(), vp, f.cols(), w, ph, TOKEN_ROW, colW);
        drawOverview(f, p, step);
    }

    private void drawOverview(Frame f, Palette p, int step) {
        GraphicsContext g = overview.getGraphicsContext2D();
        double w = overview.getWidth(), h = overview.getHeight();
        g.setImageSmoothing(true);
        g.drawImage(f.overview(), 0, 1, w, h - 2);
        HeatmapViewport all = HeatmapViewport.fit(f.viewport().steps()), vp = f.viewport();
        double x0 = all.xOf(vp.first(), w), x1 = all.xOf(vp.first() + vp.span(), w);
        g.setStroke(p.ink());
        g.setLineWidth(2);
        g.strokeRect(x0 + 1, 1, Math.max(3, x1 - x0 - 2), h - 2);
        g.setStroke(Palette.CURSOR);
        double cx = all.xOf(step + 0.5, w);
        g.strokeLine(cx, 0, cx, h);
    }

    /** A press or drag on the overview centres the view there. */
    private void moveTo(MouseEvent e) {
        if (frame == null || zoom == null) return;
        HeatmapViewport all = HeatmapViewport.fit(frame.viewport().steps());
        int t = all.stepAt(e.getX(), overview.getWidth());
        zoom.pan(-(t + 0.5 - (zoom.viewport().first() + zoom.viewport().span() / 2)) / zoom.viewport().span()
                * canvas.getWidth(), canvas.getWidth());
    }

    private int stepAt(double x) {
        HeatmapViewport vp = frame == null ? HeatmapViewport.fit(trace.steps()) : frame.viewport();
        return vp.stepAt(x, canvas.getWidth());
    }

    private int unitAt(double y) {
        int units = frame == null ? 1 : (int) frame.image().getHeight();
        return Math.max(0, Math.min(units - 1, (int) (y / plotHeight() * units)));
    }

    private void hover(MouseEvent e) {
        Frame f = frame;
        if (f == null || e.getY() > plotHeight()) return;
        TraceResult r = f.result();
        int t = stepAt(e.getX()), u = unitAt(e.getY());
        if (t >= r.completedSteps()) return;
        int layer = layerOf(r);
        String s = title.getText() + ": unit " + u + ", step " + (t + 1) + " '"
                + TokenLabels.visible(r.input().tokens().get(t)) + "' " + (r.isCompact() ? "≈ " : "= ")
                + Num.f(source.value(r, layer, t, u));
        tip.setText(s);
        trace.hoverTextProperty().set(s);
    }

    private void click(MouseEvent e) {
        if (frame == null || e.getY() > plotHeight() || dragged) return;
        int u = unitAt(e.getY());
        trace.selectUnit(u);
        if (e.getButton() == MouseButton.SECONDARY && menu != null) menu.forUnit(u).show(canvas, e.getScreenX(), e.getScreenY());
        else if (e.getButton() == MouseButton.PRIMARY) trace.jumpTo(stepAt(e.getX()));
    }
}
