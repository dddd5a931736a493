package org.rnnexplorer.ui.explorer.heatmap;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.rnnexplorer.analysis.Quantity;
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
 * A units × steps heatmap of one quantity (rows = units, columns = steps) with a cursor at the current step and the
 * selected unit outlined. Long inputs are downsampled: when there are more steps than pixels, each column shows the
 * mean of the steps it covers, so 5,000 steps draw as fast as 500. Hover shows unit, step and value; a click selects
 * the unit and jumps to the step; right-click offers the what-ifs.
 */
public final class HeatmapView extends VBox {
    /** What a heatmap shows, read from the finished result. */
    public interface Source {
        /** The trace to read, or null when there is nothing to show (e.g. no what-if, or no such gate). */
        Trace trace(TraceResult r);

        double value(TraceResult r, int layer, int t, int unit);
    }

    /** Inputs up to this many steps are drawn at once; longer ones are computed off the JavaFX thread. */
    static final int SMALL = 400;
    private static final double TOKEN_ROW = 16;
    /** One thread computes the pixels of every heatmap; each heatmap's latest request wins. */
    private static final ExecutorService PIXEL_THREAD = DaemonThreads.single("heatmap-pixels");

    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final Tooltip tip = new Tooltip();
    private final Quantity.Range range;
    private final Source source;
    private final ToDoubleFunction<TraceResult> scaleOf;
    private final LatestWinsExecutor pixels = new LatestWinsExecutor(PIXEL_THREAD, Platform::runLater);
    private TraceViewModel trace;
    private ViewOptions view;
    private UnitMenu menu;
    private WritableImage image;
    private int imageCols;
    private TraceResult shown;

    /** A heatmap of values in {@code range}; {@code scaleOf} bounds unbounded values. */
    public HeatmapView(String heading, Quantity.Range range, Source source, ToDoubleFunction<TraceResult> scaleOf) {
        this.range = range;
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
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> trace.hoverTextProperty().set(""));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    }

    /** A heatmap of {@code q} in the original trace ("nothing to show" for a trace of another cell). */
    public static HeatmapView of(Quantity q) {
        return new HeatmapView(q.label() + " (" + q.symbol() + ")", q.range(), new Source() {
            public Trace trace(TraceResult r) {
                return r.original() != null && q.belongsTo(r.model().cell()) ? r.original() : null;
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

    /** Height of a unit's row: 2 to 6 pixels, less for more units. */
    public static double rowHeight(int units) {
        return Math.max(2, Math.min(6, 140.0 / units));
    }

    public void bind(TraceViewModel trace, ViewOptions view, UnitMenu menu) {
        this.trace = trace;
        this.view = view;
        this.menu = menu;
        trace.resultProperty().addListener((o, a, b) -> rebuild());
        trace.layerProperty().addListener((o, a, b) -> rebuild());
        view.presenterProperty().addListener((o, a, b) -> rebuild());
        trace.stepProperty().addListener((o, a, b) -> draw());
        trace.unitProperty().addListener((o, a, b) -> draw());
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

    private Palette palette() {
        return view == null ? Palette.NORMAL : view.palette();
    }

    /** Recomputes the image: one pixel per (column, unit), at most one column per screen pixel. */
    private void rebuild() {
        TraceResult r = trace == null ? null : trace.result();
        Trace tr = r == null ? null : source.trace(r);
        int w = (int) canvas.getWidth();
        if (tr == null || w < 2 || r.steps() == 0) {
            image = null;
            shown = null;
            pixels.cancel(); // a computation still running is not shown
            draw();
            return;
        }
        int steps = r.steps(), units = tr.hiddenSize();
        int layer = Math.min(trace.layerProperty().get(), tr.layerCount() - 1);
        int cols = Math.min(steps, w);
        Palette p = palette();
        if (steps <= SMALL) {
            show(r, cols, units, pixels(r, layer, steps, units, cols, p));
        } else {
            pixels.submit(() -> pixels(r, layer, steps, units, cols, p), argb -> show(r, cols, units, argb), e -> { });
        }
    }

    /**
     * The colours of a units × columns image, row-major; each column is the mean of the steps it covers
     * ({@code steps / cols} of them).
     */
    private int[] pixels(TraceResult r, int layer, int steps, int units, int cols, Palette p) {
        double scale = scaleOf.applyAsDouble(r);
        int[] argb = new int[cols * units];
        for (int col = 0; col < cols; col++) {
            int t0 = (int) ((long) col * steps / cols), t1 = Math.max(t0 + 1, (int) ((long) (col + 1) * steps / cols));
            for (int u = 0; u < units; u++) {
                double s = 0;
                for (int t = t0; t < t1; t++) s += source.value(r, layer, t, u);
                argb[u * cols + col] = p.argb(range, s / (t1 - t0), scale);
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

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        Palette p = palette();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        TraceResult r = shown;
        if (image == null || r == null) {
            r = trace == null ? null : trace.result();
            g.setFill(p.muted());
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
        g.setStroke(p.selection());
        g.setLineWidth(1.5);
        g.strokeRect(0.5, trace.unitProperty().get() * rowH, w - 1, rowH);
        double cx = (trace.stepProperty().get() + 0.5) * colW;
        g.setStroke(Palette.CURSOR);
        g.setLineWidth(Math.max(2, Math.min(colW, 4)));
        g.strokeLine(cx, 0, cx, ph);
        g.setTextBaseline(VPos.CENTER);
        if (colW >= 9) {
            g.setFill(p.ink());
            g.setFont(Font.font("DejaVu Sans Mono", Math.min(12, colW)));
            g.setTextAlign(TextAlignment.CENTER);
            for (int s = 0; s < steps; s++)
                g.fillText(TokenLabels.visible(r.input().tokens().get(s)), (s + 0.5) * colW, ph + TOKEN_ROW / 2);
        } else {
            g.setFill(p.muted());
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("step 1", 2, ph + TOKEN_ROW / 2);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(steps + (imageCols < steps ? String.format(Locale.ROOT,
                    " (each column: mean of %.1f steps)", (double) steps / imageCols) : ""), w - 2, ph + TOKEN_ROW / 2);
        }
    }

    private int stepAt(double x) {
        int steps = shown == null ? trace.steps() : shown.steps();
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
        int layer = Math.min(trace.layerProperty().get(), r.model().layerCount() - 1);
        String s = title.getText() + ": unit " + u + ", step " + (t + 1) + " '"
                + TokenLabels.visible(r.input().tokens().get(t)) + "' = " + Num.f(source.value(r, layer, t, u));
        tip.setText(s);
        trace.hoverTextProperty().set(s);
    }

    private void click(MouseEvent e) {
        if (image == null || e.getY() > plotHeight()) return;
        int u = unitAt(e.getY());
        trace.selectUnit(u);
        if (e.getButton() == MouseButton.SECONDARY && menu != null) menu.forUnit(u).show(canvas, e.getScreenX(), e.getScreenY());
        else if (e.getButton() == MouseButton.PRIMARY) trace.jumpTo(stepAt(e.getX()));
    }
}
