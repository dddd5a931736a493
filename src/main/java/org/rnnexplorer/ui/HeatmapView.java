package org.rnnexplorer.ui;

import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.DaemonThreads;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.rnnexplorer.model.Trace;

/**
 * A units × steps heatmap of one quantity (rows = units, columns = steps) with a cursor at the current step and the
 * selected unit outlined. Long inputs are downsampled: when there are more steps than pixels, each column shows the
 * mean of the steps it covers, so 5,000 steps draw as fast as 500. Hover shows unit, step and value; a click selects
 * the unit and jumps to the step; right-click offers the what-ifs.
 */
public final class HeatmapView extends VBox {
    /** What a heatmap shows, read from the finished result. */
    public interface Source {
        /** The trace to read, or null when there is nothing to show (e.g. no what-if). */
        Trace trace(TraceResult r);

        double value(TraceResult r, int layer, int t, int unit);
    }

    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final Tooltip tip = new Tooltip();
    private final Quantity quantity;
    private final Source source;
    private final Function<TraceResult, Double> scaleOf;
    private ExplorerViewModel vm;
    private WhatIfMenus menus;
    private WritableImage image;
    private int imageCols;
    private static final double TOKEN_ROW = 16;

    public HeatmapView(String heading, Quantity quantity, Source source, Function<TraceResult, Double> scaleOf) {
        this.quantity = quantity;
        this.source = source;
        this.scaleOf = scaleOf;
        title.setText(heading);
        title.getStyleClass().add("heatmap-title");
        getStyleClass().add("heatmap");
        getChildren().addAll(title, holder);
        holder.setMinSize(0, 60);
        holder.setPrefWidth(200);
        holder.setPrefHeight(120);
        holder.widthProperty().addListener((o, a, b) -> resize());
        holder.heightProperty().addListener((o, a, b) -> resize());
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.hoverTextProperty().set(""));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    }

    /** A heatmap of {@code q} in the original trace. */
    public static HeatmapView of(Quantity q) {
        return new HeatmapView(q.name() + " (" + q.symbol() + ")", q, new Source() {
            public Trace trace(TraceResult r) {
                return r.original();
            }

            public double value(TraceResult r, int layer, int t, int u) {
                return q.value(r.original(), layer, t, u);
            }
        }, r -> q.range() == Quantity.Range.UNBOUNDED ? maxAbs(r.original(), q) : 1.0);
    }

    static double maxAbs(Trace tr, Quantity q) {
        if (tr == null) return 1;
        double m = 1;
        for (int l = 0; l < tr.layerCount(); l++)
            for (int t = 0; t < tr.steps(); t++)
                for (int u = 0; u < tr.hiddenSize(); u++) m = Math.max(m, Math.abs(q.value(tr, l, t, u)));
        return m;
    }

    public void bind(ExplorerViewModel model, WhatIfMenus whatIfMenus) {
        this.vm = model;
        this.menus = whatIfMenus;
        vm.resultProperty().addListener((o, a, b) -> rebuild());
        vm.layerProperty().addListener((o, a, b) -> rebuild());
        vm.presenterProperty().addListener((o, a, b) -> rebuild());
        vm.stepProperty().addListener((o, a, b) -> draw());
        vm.unitProperty().addListener((o, a, b) -> draw());
        rebuild();
    }

    public void setRowHeight(double perUnit, int units) {
        holder.setPrefHeight(Math.max(60, perUnit * units) + TOKEN_ROW);
    }

    private void resize() {
        canvas.setWidth(holder.getWidth());
        canvas.setHeight(holder.getHeight());
        rebuild();
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOKEN_ROW);
    }

    /** Recomputes the image: one pixel per (column, unit), at most one column per screen pixel. */
    void rebuild() {
        TraceResult r = vm == null ? null : vm.result();
        Trace tr = r == null ? null : source.trace(r);
        int w = (int) canvas.getWidth();
        boolean fits = tr != null && (quantity.gate() == -1 || (quantity.gate() == -2 && tr.cell().hasCellState())
                || (quantity.gate() >= 0 && quantity.gate() < tr.cell().gateNames().size()));
        if (!fits || w < 2 || r.steps() == 0) {
            image = null;
            shown = null;
            pixels.cancel(); // a computation still running is not shown
            draw();
            return;
        }
        int steps = r.steps(), units = tr.hiddenSize();
        int layer = Math.min(vm.layerProperty().get(), tr.layerCount() - 1);
        int cols = Math.min(steps, w);
        Palette p = Palette.of(vm.presenterProperty().get());
        if (steps <= SMALL) {
            show(r, cols, units, pixels(r, layer, steps, units, cols, p));
        } else {
            pixels.submit(() -> pixels(r, layer, steps, units, cols, p), argb -> show(r, cols, units, argb),
                    e -> { });
        }
    }

    /** Inputs up to this many steps are drawn at once; longer ones are computed off the JavaFX thread. */
    static final int SMALL = 400;
    /** One thread computes the pixels of every heatmap; each heatmap's latest request wins. */
    private static final java.util.concurrent.ExecutorService PIXEL_THREAD = DaemonThreads.single("heatmap-pixels");
    private final LatestWinsExecutor pixels = new LatestWinsExecutor(PIXEL_THREAD, javafx.application.Platform::runLater);
    private TraceResult shown;

    /**
     * The colours of a units × columns image, row-major; each column is the mean of the steps it covers
     * ({@code steps / cols} of them).
     */
    private int[] pixels(TraceResult r, int layer, int steps, int units, int cols, Palette p) {
        double scale = scaleOf.apply(r);
        int[] argb = new int[cols * units];
        for (int col = 0; col < cols; col++) {
            int t0 = (int) ((long) col * steps / cols), t1 = Math.max(t0 + 1, (int) ((long) (col + 1) * steps / cols));
            for (int u = 0; u < units; u++) {
                double s = 0;
                for (int t = t0; t < t1; t++) s += source.value(r, layer, t, u);
                argb[u * cols + col] = p.argb(quantity.range(), s / (t1 - t0), scale);
            }
        }
        return argb;
    }

    private void show(TraceResult r, int cols, int units, int[] argb) {
        imageCols = cols;
        image = new WritableImage(cols, units);
        image.getPixelWriter().setPixels(0, 0, cols, units, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        shown = r;
        draw();
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        Palette p = Palette.of(vm != null && vm.presenterProperty().get());
        g.setFill(p.background);
        g.fillRect(0, 0, w, h);
        TraceResult r = shown;
        if (image == null || r == null) {
            r = vm == null ? null : vm.result();
            g.setFill(p.muted);
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(r != null && r.steps() > 0 ? "nothing to show" : "no steps", 8, h / 2);
            return;
        }
        double ph = plotHeight();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, w, ph);
        int steps = r.steps(), units = (int) image.getHeight();
        double colW = w / steps, rowH = ph / units;
        int unit = vm.unitProperty().get();
        g.setStroke(p == Palette.HIGH_CONTRAST ? Color.web("#ff00ff") : Color.web("#111827"));
        g.setLineWidth(1.5);
        g.strokeRect(0.5, unit * rowH, w - 1, rowH);
        int t = vm.stepProperty().get();
        double cx = (t + 0.5) * colW;
        g.setStroke(Color.web("#f59e0b"));
        g.setLineWidth(Math.max(2, Math.min(colW, 4)));
        g.strokeLine(cx, 0, cx, ph);
        if (colW >= 9) {
            g.setFill(p.ink);
            g.setFont(Font.font("DejaVu Sans Mono", Math.min(12, colW)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int s = 0; s < steps; s++)
                g.fillText(TokenLabels.visible(r.input().tokens().get(s)), (s + 0.5) * colW, ph + TOKEN_ROW / 2);
        } else {
            g.setFill(p.muted);
            g.setFont(Font.font(11));
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("step 1", 2, ph + TOKEN_ROW / 2);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(steps + (imageCols < steps ? String.format(java.util.Locale.ROOT,
                    " (each column: mean of %.1f steps)", (double) steps / imageCols) : ""), w - 2, ph + TOKEN_ROW / 2);
        }
    }

    private int stepAt(double x) {
        int steps = shown == null ? vm.steps() : shown.steps();
        return Math.max(0, Math.min(steps - 1, (int) (x / canvas.getWidth() * steps)));
    }

    private int unitAt(double y) {
        int units = image == null ? 1 : (int) image.getHeight();
        return Math.max(0, Math.min(units - 1, (int) (y / plotHeight() * units)));
    }

    private void hover(MouseEvent e) {
        TraceResult r = shown;
        if (image == null || r == null || e.getY() > plotHeight()) return;
        int t = stepAt(e.getX()), u = unitAt(e.getY());
        int layer = Math.min(vm.layerProperty().get(), r.model().layerCount() - 1);
        String s = title.getText() + ": unit " + u + ", step " + (t + 1) + " '"
                + TokenLabels.visible(r.input().tokens().get(t)) + "' = " + Num.f(source.value(r, layer, t, u));
        tip.setText(s);
        vm.hoverTextProperty().set(s);
    }

    private void click(MouseEvent e) {
        if (image == null || e.getY() > plotHeight()) return;
        int u = unitAt(e.getY());
        vm.selectUnit(u);
        if (e.getButton() == MouseButton.SECONDARY && menus != null) {
            ContextMenu m = menus.forUnit(u);
            m.show(canvas, e.getScreenX(), e.getScreenY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            vm.jumpTo(stepAt(e.getX()));
        }
    }

    public Label titleLabel() {
        return title;
    }
}
