package org.rnnexplorer.ui.explorer.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.trace.Selection;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.trace.UnitMenu;

/**
 * The cell at the current step and layer (drawn by {@link DiagramPainter}), scaled to fit. Hover shows a value; click
 * selects a unit; right-click offers the what-ifs. Steps blend over the transition time of the view options.
 */
public final class CellDiagramView extends Region {
    static final double W = 1100, H = 560;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private final List<DiagramPainter.Strip> strips = new ArrayList<>();
    private TraceViewModel trace;
    private ViewOptions view;
    private UnitMenu menu;
    private DiagramFrame from;
    private DiagramFrame to;
    private Timeline animation;
    private double scale = 1, offX, offY;
    private TraceResult scaledResult;
    private int scaledLayer;
    private boolean scaledWhatIf;
    private double[] scales;
    private Set<String> marked = Set.of();
    private int markedUnit = -1;

    public CellDiagramView() {
        getChildren().add(canvas);
        getStyleClass().add("cell-diagram");
        setMinSize(300, 160);
        setPrefSize(W * 0.75, H * 0.75);
        tip.setShowDelay(Duration.millis(150));
        tip.setHideDelay(Duration.millis(100));
        Tooltip.install(canvas, tip);
        progress.addListener((o, a, b) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> trace.hoverTextProperty().set(""));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        setFocusTraversable(true);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    public void bind(TraceViewModel trace, ViewOptions view, UnitMenu menu) {
        this.trace = trace;
        this.view = view;
        this.menu = menu;
        trace.resultProperty().addListener((o, a, b) -> refresh(false));
        trace.stepProperty().addListener((o, a, b) -> refresh(true));
        trace.layerProperty().addListener((o, a, b) -> refresh(false));
        trace.unitProperty().addListener((o, a, b) -> draw());
        trace.showWhatIfProperty().addListener((o, a, b) -> refresh(true));
        view.presenterProperty().addListener((o, a, b) -> draw());
        // a long (compact) trace's step arrives recomputed, after the step changed
        trace.selectionProperty().addListener((o, a, b) -> {
            if (b != null && b.result().isCompact())
                refresh(a != null && a.result() == b.result() && a.step() != b.step());
        });
        refresh(false);
    }

    private void refresh(boolean animate) {
        TraceResult r = trace.result();
        if (r == null || r.steps() == 0) {
            from = to = null;
            draw();
            return;
        }
        int t = Math.min(trace.stepProperty().get(), r.steps() - 1);
        int layer = Math.min(trace.layerProperty().get(), r.model().layerCount() - 1);
        boolean whatIf = trace.showWhatIfProperty().get() && r.hasWhatIf();
        Trace tr = r.shown(whatIf);
        int local = t;
        if (r.isCompact()) {
            Selection s = trace.selectionProperty().get();
            if (s == null || s.result() != r || !s.hasSteps()) {
                from = to = null;
                draw();
                return;
            }
            tr = s.shown();
            t = s.step();
            local = s.shownStep();
            layer = s.layer();
            scaledResult = null; // the stretch changes with the step: C is scaled to its largest |C| in it
        }
        if (r != scaledResult || layer != scaledLayer || whatIf != scaledWhatIf) {
            scales = DiagramFrame.scales(tr, layer);
            scaledResult = r.isCompact() ? null : r;
            scaledLayer = layer;
            scaledWhatIf = whatIf;
        }
        DiagramFrame next = DiagramFrame.of(r, tr, layer, t, local, scales, whatIf);
        DiagramFrame shown = current();
        double ms = view.effectiveTransitionMillis();
        if (animation != null) animation.stop();
        if (animate && shown != null && ms > 0) {
            from = shown;
            to = next;
            progress.set(0);
            animation = new Timeline(new KeyFrame(Duration.millis(ms), new KeyValue(progress, 1)));
            animation.play();
        } else {
            from = next;
            to = next;
            progress.set(1);
            draw();
        }
    }

    /** The frame on screen now (blended while a transition runs). */
    public DiagramFrame current() {
        if (to == null) return null;
        return from == null ? to : from.towards(to, progress.get());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth(), ch = canvas.getHeight();
        Palette p = view == null ? Palette.NORMAL : view.palette();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(p.background());
        g.fillRect(0, 0, cw, ch);
        strips.clear();
        DiagramFrame f = current();
        if (f == null || cw < 10 || ch < 10) return;
        scale = Math.min(cw / W, ch / H);
        offX = (cw - W * scale) / 2;
        offY = (ch - H * scale) / 2;
        g.setTransform(scale, 0, 0, scale, offX, offY);
        new DiagramPainter(g, p, strips).draw(f, Math.min(trace.unitProperty().get(), f.h().length - 1));
        DiagramMarks.draw(g, strips, marked, markedUnit);
    }

    /**
     * Outlines the strips named in {@code stripNames} (as {@link #unitCentre} names them: "forget gate") and points at
     * {@code unit} in every strip (−1: none): what a lesson's slide highlights.
     */
    public void mark(Set<String> stripNames, int unit) {
        marked = Set.copyOf(stripNames);
        markedUnit = unit;
        draw();
    }

    /** The strips {@link #mark} outlines now. */
    public Set<String> marked() {
        return marked;
    }

    /** The unit {@link #mark} points at now (−1: none). */
    public int markedUnit() {
        return markedUnit;
    }

    // --- interaction ------------------------------------------------------------------------------------------

    private DiagramPainter.Strip stripAt(double mx, double my) {
        double dx = (mx - offX) / scale, dy = (my - offY) / scale;
        for (DiagramPainter.Strip s : strips) if (s.contains(dx, dy)) return s;
        return null;
    }

    private void hover(MouseEvent e) {
        DiagramPainter.Strip s = stripAt(e.getX(), e.getY());
        if (s == null) {
            tip.setText("Hover a strip for values; click a cell to select its unit; right-click for what-ifs.");
            trace.hoverTextProperty().set("");
            return;
        }
        int k = s.unitAt((e.getX() - offX) / scale);
        String text = s.name() + ", " + (s.input() ? "input component " : "unit ") + k + ", step "
                + (trace.stepProperty().get() + 1) + ": " + Num.f(s.values()[k]);
        tip.setText(text);
        trace.hoverTextProperty().set(text);
    }

    private void click(MouseEvent e) {
        DiagramPainter.Strip s = stripAt(e.getX(), e.getY());
        if (s == null || s.input()) return;
        int k = s.unitAt((e.getX() - offX) / scale);
        trace.selectUnit(k);
        if (e.getButton() == MouseButton.SECONDARY && menu != null) menu.forUnit(k).show(canvas, e.getScreenX(), e.getScreenY());
    }

    /** Position (in this node) of the centre of unit {@code u} in the strip named {@code name}, or null. */
    public Point2D unitCentre(String name, int u) {
        for (DiagramPainter.Strip s : strips) {
            if (s.name().equals(name)) {
                double dx = s.x() + (u + 0.5) * s.w() / s.n(), dy = s.y() + s.h() / 2;
                return new Point2D(offX + dx * scale, offY + dy * scale);
            }
        }
        return null;
    }
}
