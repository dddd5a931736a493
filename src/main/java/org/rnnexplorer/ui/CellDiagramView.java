package org.rnnexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.rnnexplorer.model.CellType;

/**
 * The cell at the current step and layer, drawn the way the course deck draws it: the vectors as strips of coloured
 * cells (one cell per unit; σ outputs on the sequential palette, tanh outputs on the diverging one), the pointwise
 * × and + nodes, and arrows whose width and opacity follow the magnitude of the selected unit's value flowing along
 * them. Hover shows a value; click selects a unit; right-click offers the what-ifs. Steps blend over the transition
 * time of the view model.
 */
public final class CellDiagramView extends Region {
    static final double W = 1100, H = 560, STRIP_W = 150, STRIP_H = 22;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private final List<Hit> hits = new ArrayList<>();
    private ExplorerViewModel vm;
    private DiagramFrame from;
    private DiagramFrame to;
    private Timeline animation;
    private double scale = 1, offX, offY;
    private WhatIfMenus menus;
    private TraceResult scaledResult;
    private int scaledLayer;
    private boolean scaledWhatIf;
    private double[] scales;

    /** Where a strip was drawn, in design coordinates, and what it shows. */
    private record Hit(double x, double y, double w, double h, int n, String name, double[] values, Quantity q) {
        int unitAt(double px) {
            return Math.max(0, Math.min(n - 1, (int) ((px - x) / (w / n))));
        }

        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

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
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.hoverTextProperty().set(""));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        setFocusTraversable(true);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    public void bind(ExplorerViewModel model, WhatIfMenus whatIfMenus) {
        this.vm = model;
        this.menus = whatIfMenus;
        vm.resultProperty().addListener((o, a, b) -> refresh(false));
        vm.stepProperty().addListener((o, a, b) -> refresh(true));
        vm.layerProperty().addListener((o, a, b) -> refresh(false));
        vm.unitProperty().addListener((o, a, b) -> draw());
        vm.presenterProperty().addListener((o, a, b) -> draw());
        vm.showWhatIfProperty().addListener((o, a, b) -> refresh(true));
        refresh(false);
    }

    private void refresh(boolean animate) {
        TraceResult r = vm.result();
        if (r == null || r.steps() == 0) {
            from = to = null;
            draw();
            return;
        }
        int t = Math.min(vm.stepProperty().get(), r.steps() - 1);
        int layer = Math.min(vm.layerProperty().get(), r.model().layerCount() - 1);
        boolean whatIf = vm.showWhatIfProperty().get() && r.hasWhatIf();
        org.rnnexplorer.model.Trace tr = r.shown(whatIf);
        if (r != scaledResult || layer != scaledLayer || whatIf != scaledWhatIf) {
            scales = DiagramFrame.scales(tr, layer);
            scaledResult = r;
            scaledLayer = layer;
            scaledWhatIf = whatIf;
        }
        DiagramFrame next = DiagramFrame.of(r, tr, layer, t, scales, whatIf);
        DiagramFrame shown = current();
        double ms = vm.effectiveTransitionMillis();
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
    DiagramFrame current() {
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

    // --- drawing ----------------------------------------------------------------------------------------------

    private Palette palette() {
        return Palette.of(vm != null && vm.presenterProperty().get());
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth(), ch = canvas.getHeight();
        Palette p = palette();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(p.background);
        g.fillRect(0, 0, cw, ch);
        hits.clear();
        DiagramFrame f = current();
        if (f == null || cw < 10 || ch < 10) return;
        scale = Math.min(cw / W, ch / H);
        offX = (cw - W * scale) / 2;
        offY = (ch - H * scale) / 2;
        g.setTransform(scale, 0, 0, scale, offX, offY);
        g.setLineCap(StrokeLineCap.ROUND);
        int unit = Math.min(vm.unitProperty().get(), f.h().length - 1);
        switch (f.cell()) {
            case LSTM -> drawLstm(g, f, unit, p);
            case GRU -> drawGru(g, f, unit, p);
            case RNN -> drawVanilla(g, f, unit, p);
        }
        drawLegend(g, p, f.cell());
    }

    private void cellBox(GraphicsContext g, Palette p, double x0, double y0, double x1, double y1, String title) {
        DiagramFrame f = current();
        boolean whatIf = f != null && f.whatIf();
        g.setFill(p == Palette.HIGH_CONTRAST ? Color.WHITE : Color.web("#eef2f7"));
        g.fillRoundRect(x0, y0, x1 - x0, y1 - y0, 36, 36);
        g.setStroke(p.muted);
        g.setLineWidth(2);
        g.strokeRoundRect(x0, y0, x1 - x0, y1 - y0, 36, 36);
        text(g, p, title, x0 + 18, y0 + 22, 16, FontWeight.BOLD, TextAlignment.LEFT, p.muted);
        if (whatIf) text(g, p, "WITH THE WHAT-IF", x1 - 18, y0 + 22, 16, FontWeight.BOLD, TextAlignment.RIGHT,
                Color.web("#c2410c"));
    }

    private void drawLstm(GraphicsContext g, DiagramFrame f, int u, Palette p) {
        double cs = f.cScale();
        double[] fg = f.gates()[1], ig = f.gates()[0], cand = f.gates()[2], og = f.gates()[3];
        cellBox(g, p, 190, 40, 910, 490, layerName(f) + "LSTM cell · step " + (f.step() + 1) + " · input '" + TokenLabels.visible(f.token()) + "'");
        double lineY = 100, busY = 445;
        double fx = 290, ix = 450, gx = 610, ox = 790, mulInX = 530, mulInY = 220, plusX = 530, tanhY = 185, mulOutY = 270;
        double cPrev = f.cPrev()[u], c = f.c()[u], fu = fg[u], iu = ig[u], gu = cand[u], ou = og[u], h = f.h()[u];
        // cell-state line
        arrow(g, p, 170, lineY, fx - 16, lineY, Math.abs(cPrev) / cs);
        arrow(g, p, fx + 16, lineY, plusX - 16, lineY, Math.abs(fu * cPrev) / cs);
        arrow(g, p, plusX + 16, lineY, 930, lineY, Math.abs(c) / cs);
        // forget gate into ×
        arrow(g, p, fx, 352, fx, lineY + 16, fu);
        // input × candidate
        line(g, p, ix, 352, ix, mulInY, iu);
        arrow(g, p, ix, mulInY, mulInX - 16, mulInY, iu);
        line(g, p, gx, 352, gx, mulInY, Math.abs(gu));
        arrow(g, p, gx, mulInY, mulInX + 16, mulInY, Math.abs(gu));
        arrow(g, p, mulInX, mulInY - 16, plusX, lineY + 16, Math.abs(iu * gu));
        // output path: C_t → tanh → × o → h_t
        line(g, p, ox, lineY, ox, tanhY - 15, Math.abs(c) / cs);
        arrow(g, p, ox, tanhY + 15, ox, mulOutY - 16, Math.abs(Math.tanh(c)));
        arrow(g, p, ox, 352, ox, mulOutY + 16, ou);
        line(g, p, ox + 16, mulOutY, 880, mulOutY, Math.abs(h));
        line(g, p, 880, mulOutY, 880, busY + 10, Math.abs(h));
        arrow(g, p, 880, busY + 10, 930, busY + 10, Math.abs(h));
        // the input bus [h_{t−1}, x_t] feeding every gate
        double hMean = meanAbs(f.hPrev()), xMean = meanAbs(f.x()) / f.xScale();
        line(g, p, 170, busY + 10, ox, busY + 10, Math.max(hMean, xMean));
        line(g, p, 250, 505, 250, busY + 10, xMean);
        for (double gxs : new double[] {fx, ix, gx, ox}) arrow(g, p, gxs, busY + 10, gxs, 402, 0.45);
        text(g, p, "[hₜ₋₁, xₜ]", 330, busY + 30, 14, FontWeight.NORMAL, TextAlignment.LEFT, p.muted);
        // nodes
        node(g, p, fx, lineY, "×");
        node(g, p, plusX, lineY, "+");
        node(g, p, mulInX, mulInY, "×");
        node(g, p, ox, mulOutY, "×");
        pill(g, p, ox, tanhY, "tanh");
        // flow values of the selected unit beside the arrows
        small(g, p, "fₜ·Cₜ₋₁ = " + Num.f(fu * cPrev), (fx + plusX) / 2, lineY - 14);
        small(g, p, "iₜ·C~ₜ = " + Num.f(iu * gu), mulInX + 22, (mulInY + lineY) / 2 + 8, TextAlignment.LEFT);
        small(g, p, "tanh(Cₜ) = " + Num.f(Math.tanh(c)), ox + 40, tanhY + 5, TextAlignment.LEFT);
        // strips
        strip(g, p, "Cₜ₋₁  cell state", f.cPrev(), 20, lineY - 11, u, Quantity.CELL, cs, "Cₜ₋₁");
        strip(g, p, "Cₜ  cell state", f.c(), 940, lineY - 11, u, Quantity.CELL, cs, "Cₜ");
        strip(g, p, "hₜ₋₁  hidden", f.hPrev(), 20, busY - 1, u, Quantity.HIDDEN, 1, "hₜ₋₁");
        strip(g, p, "hₜ  hidden", f.h(), 940, busY - 1, u, Quantity.HIDDEN, 1, "hₜ");
        xStrip(g, p, f, 250, 515);
        List<Quantity> qs = Quantity.gates(CellType.LSTM);
        gateStrip(g, p, qs.get(0), "forget fₜ  σ", fg, fx, u);
        gateStrip(g, p, qs.get(1), "input iₜ  σ", ig, ix, u);
        gateStrip(g, p, qs.get(2), "candidate C~ₜ  tanh", cand, gx, u);
        gateStrip(g, p, qs.get(3), "output oₜ  σ", og, ox, u);
    }

    private void drawGru(GraphicsContext g, DiagramFrame f, int u, Palette p) {
        double[] r = f.gates()[0], z = f.gates()[1], n = f.gates()[2];
        cellBox(g, p, 190, 40, 910, 490, layerName(f) + "GRU cell (reset after) · step " + (f.step() + 1) + " · input '"
                + TokenLabels.visible(f.token()) + "'");
        double lineY = 100, busY = 445, zx = 330, rx = 560, nx = 790, plusX = 650, oneMinusX = 480, mulNewY = 260;
        double hp = f.hPrev()[u], zu = z[u], nu = n[u], h = f.h()[u];
        // hidden-state line: h_{t−1} → × z → + → h_t
        arrow(g, p, 170, lineY, zx - 16, lineY, Math.abs(hp));
        arrow(g, p, zx + 16, lineY, plusX - 16, lineY, Math.abs(zu * hp));
        arrow(g, p, plusX + 16, lineY, 930, lineY, Math.abs(h));
        arrow(g, p, zx, 352, zx, lineY + 16, zu);
        // the 1 − z path
        line(g, p, zx, mulNewY, oneMinusX - 20, mulNewY, zu);
        arrow(g, p, oneMinusX + 20, mulNewY, plusX - 16, mulNewY, 1 - zu);
        line(g, p, nx, 352, nx, mulNewY, Math.abs(nu));
        arrow(g, p, nx, mulNewY, plusX + 16, mulNewY, Math.abs(nu));
        arrow(g, p, plusX, mulNewY - 16, plusX, lineY + 16, Math.abs((1 - zu) * nu));
        // reset gate into the candidate
        arrow(g, p, rx + STRIP_W / 2, 380, nx - STRIP_W / 2 - 4, 380, r[u]);
        small(g, p, "rₜ ⊙ (W_hn·hₜ₋₁ + b_hn) goes into nₜ", (rx + nx) / 2 + 10, 318);
        // input bus
        line(g, p, 175, lineY, 175, busY + 10, meanAbs(f.hPrev()));
        double xMean = meanAbs(f.x()) / f.xScale();
        line(g, p, 175, busY + 10, nx, busY + 10, Math.max(meanAbs(f.hPrev()), xMean));
        line(g, p, 250, 505, 250, busY + 10, xMean);
        for (double gxs : new double[] {zx, rx, nx}) arrow(g, p, gxs, busY + 10, gxs, 402, 0.45);
        text(g, p, "[hₜ₋₁, xₜ]", 400, busY + 30, 14, FontWeight.NORMAL, TextAlignment.LEFT, p.muted);
        node(g, p, zx, lineY, "×");
        node(g, p, plusX, lineY, "+");
        node(g, p, plusX, mulNewY, "×");
        pill(g, p, oneMinusX, mulNewY, "1−");
        small(g, p, "zₜ·hₜ₋₁ = " + Num.f(zu * hp), (zx + plusX) / 2, lineY - 14);
        small(g, p, "(1−zₜ)·nₜ = " + Num.f((1 - zu) * nu), plusX + 22, (mulNewY + lineY) / 2 + 8, TextAlignment.LEFT);
        strip(g, p, "hₜ₋₁  hidden", f.hPrev(), 20, lineY - 11, u, Quantity.HIDDEN, 1, "hₜ₋₁");
        strip(g, p, "hₜ  hidden", f.h(), 940, lineY - 11, u, Quantity.HIDDEN, 1, "hₜ");
        xStrip(g, p, f, 250, 515);
        List<Quantity> qs = Quantity.gates(CellType.GRU);
        gateStrip(g, p, qs.get(1), "update zₜ  σ", z, zx, u);
        gateStrip(g, p, qs.get(0), "reset rₜ  σ", r, rx, u);
        gateStrip(g, p, qs.get(2), "candidate nₜ  tanh", n, nx, u);
    }

    private void drawVanilla(GraphicsContext g, DiagramFrame f, int u, Palette p) {
        cellBox(g, p, 190, 40, 910, 490, layerName(f) + "Vanilla RNN cell · step " + (f.step() + 1) + " · input '"
                + TokenLabels.visible(f.token()) + "'");
        double y = 280, cx = 550;
        double xMean = meanAbs(f.x()) / f.xScale();
        arrow(g, p, 170, y, 290, y, meanAbs(f.hPrev()));
        arrow(g, p, 330, 505, 330, y + 16, xMean);
        pill(g, p, 330, y, "[ , ]");
        small(g, p, "concatenate [hₜ₋₁, xₜ]", 330, y - 30);
        arrow(g, p, 356, y, cx - STRIP_W / 2 - 8, y, Math.max(meanAbs(f.hPrev()), xMean));
        arrow(g, p, cx + STRIP_W / 2 + 8, y, 930, y, meanAbs(f.h()));
        line(g, p, 860, y, 860, 120, meanAbs(f.h()));
        arrow(g, p, 860, 120, 930, 120, meanAbs(f.h()));
        small(g, p, "hₜ goes on to the next step and to the readout", 700, 108);
        strip(g, p, "hₜ₋₁  hidden", f.hPrev(), 20, y - 11, u, Quantity.HIDDEN, 1, "hₜ₋₁");
        strip(g, p, "hₜ  hidden", f.h(), 940, y - 11, u, Quantity.HIDDEN, 1, "hₜ");
        xStrip(g, p, f, 330, 515);
        text(g, p, "hₜ = tanh(W·[hₜ₋₁, xₜ] + b)", cx, y - 44, 18, FontWeight.BOLD, TextAlignment.CENTER, p.ink);
        Quantity hq = new Quantity("hidden state h (tanh)", "h", Quantity.Range.TANH, -1);
        strip(g, p, "", f.h(), cx - STRIP_W / 2, y - 11, u, hq, 1, "hₜ");
        text(g, p, "one tanh layer: no gates, no cell state", cx, y + 62, 14, FontWeight.NORMAL, TextAlignment.CENTER,
                p.muted);
    }

    private static String layerName(DiagramFrame f) {
        return f.layer() > 0 ? "layer " + (f.layer() + 1) + " · " : "";
    }

    private void gateStrip(GraphicsContext g, Palette p, Quantity q, String label, double[] v, double cx, int u) {
        double y = 370;
        g.setFill(p == Palette.HIGH_CONTRAST ? Color.WHITE : Color.web("#ffffff"));
        g.fillRoundRect(cx - STRIP_W / 2 - 8, y - 34, STRIP_W + 16, 74, 12, 12);
        g.setStroke(p.outline);
        g.setLineWidth(1.5);
        g.strokeRoundRect(cx - STRIP_W / 2 - 8, y - 34, STRIP_W + 16, 74, 12, 12);
        strip(g, p, label, v, cx - STRIP_W / 2, y - 11 + 6, u, q, 1, q.symbol() + "ₜ");
    }

    private void xStrip(GraphicsContext g, Palette p, DiagramFrame f, double cx, double y) {
        double w = Math.min(STRIP_W, f.x().length * 12.0);
        Quantity xq = new Quantity("input xₜ", "x", f.layer() == 0 ? Quantity.Range.UNBOUNDED : Quantity.Range.TANH, -3);
        strip(g, p, "", f.x(), cx - w / 2, y, -1, xq, f.xScale(), "xₜ");
        String label = f.layer() == 0 ? "xₜ  input ('" + TokenLabels.visible(f.token()) + "')"
                : "xₜ = hₜ of layer " + f.layer() + " below";
        text(g, p, label, cx + w / 2 + 10, y + STRIP_H / 2, 15, FontWeight.BOLD, TextAlignment.LEFT, p.ink);
    }

    /** A vector as a row of coloured cells, its label above and the selected unit's value below. */
    private void strip(GraphicsContext g, Palette p, String label, double[] v, double x, double y, int u, Quantity q,
                       double scale, String symbol) {
        int n = v.length;
        double w = q.gate() == -3 ? Math.min(STRIP_W, n * 12.0) : STRIP_W;
        double cw = w / n;
        for (int k = 0; k < n; k++) {
            g.setFill(p.color(q.range(), v[k], scale));
            g.fillRect(x + k * cw, y, Math.ceil(cw * 10) / 10 + 0.02, STRIP_H);
        }
        g.setStroke(p.outline);
        g.setLineWidth(1);
        g.strokeRect(x, y, w, STRIP_H);
        if (u >= 0 && u < n) {
            g.setLineWidth(3);
            g.setStroke(p == Palette.HIGH_CONTRAST ? Color.web("#ff00ff") : Color.web("#111827"));
            g.strokeRect(x + u * cw - 1, y - 3, cw + 2, STRIP_H + 6);
            text(g, p, symbol + "[" + u + "] = " + Num.f(v[u]), x + w / 2, y + STRIP_H + 16, 15, FontWeight.BOLD,
                    TextAlignment.CENTER, p.ink);
        }
        // long gate labels ("candidate C~ₜ tanh") take a smaller size so they stay inside their box
        double size = label.length() > 16 ? (p == Palette.HIGH_CONTRAST ? 12.5 : 13.5) : 15;
        if (!label.isEmpty()) text(g, p, label, x + w / 2, y - 12, size, FontWeight.BOLD, TextAlignment.CENTER, p.ink);
        hits.add(new Hit(x, y, w, STRIP_H, n, q.gate() == -3 ? "input xₜ" : q.name(), v, q));
    }

    private static double meanAbs(double[] v) {
        double s = 0;
        for (double d : v) s += Math.abs(d);
        return Math.min(1, v.length == 0 ? 0 : s / v.length);
    }

    /** A connection whose width and opacity follow the magnitude m (0..1) of what flows along it. */
    private void line(GraphicsContext g, Palette p, double x0, double y0, double x1, double y1, double m) {
        double mm = Math.max(0, Math.min(1, Double.isNaN(m) ? 0 : m));
        g.setStroke(p == Palette.HIGH_CONTRAST ? Color.BLACK : Color.web("#334155"));
        g.setGlobalAlpha(0.25 + 0.75 * mm);
        g.setLineWidth(1.2 + 7 * mm);
        g.strokeLine(x0, y0, x1, y1);
        g.setGlobalAlpha(1);
    }

    private void arrow(GraphicsContext g, Palette p, double x0, double y0, double x1, double y1, double m) {
        line(g, p, x0, y0, x1, y1, m);
        double mm = Math.max(0, Math.min(1, Double.isNaN(m) ? 0 : m));
        double a = Math.atan2(y1 - y0, x1 - x0), len = 10 + 5 * mm;
        g.setFill(p == Palette.HIGH_CONTRAST ? Color.BLACK : Color.web("#334155"));
        g.setGlobalAlpha(0.25 + 0.75 * mm);
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(a - 0.45), x1 - len * Math.cos(a + 0.45)},
                new double[] {y1, y1 - len * Math.sin(a - 0.45), y1 - len * Math.sin(a + 0.45)}, 3);
        g.setGlobalAlpha(1);
    }

    private void node(GraphicsContext g, Palette p, double x, double y, String op) {
        g.setFill(Color.web("#fde68a"));
        g.fillOval(x - 16, y - 16, 32, 32);
        g.setStroke(p.outline);
        g.setLineWidth(1.5);
        g.strokeOval(x - 16, y - 16, 32, 32);
        text(g, p, op, x, y + 1, 20, FontWeight.BOLD, TextAlignment.CENTER, Color.BLACK);
    }

    private void pill(GraphicsContext g, Palette p, double x, double y, String op) {
        g.setFill(Color.web("#fbcfe8"));
        g.fillRoundRect(x - 26, y - 15, 52, 30, 30, 30);
        g.setStroke(p.outline);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x - 26, y - 15, 52, 30, 30, 30);
        text(g, p, op, x, y + 1, 15, FontWeight.BOLD, TextAlignment.CENTER, Color.BLACK);
    }

    private void small(GraphicsContext g, Palette p, String s, double x, double y) {
        small(g, p, s, x, y, TextAlignment.CENTER);
    }

    private void small(GraphicsContext g, Palette p, String s, double x, double y, TextAlignment align) {
        text(g, p, s, x, y, 14, FontWeight.NORMAL, align, p.ink);
    }

    private void text(GraphicsContext g, Palette p, String s, double x, double y, double size, FontWeight weight,
                      TextAlignment align, Color color) {
        boolean big = p == Palette.HIGH_CONTRAST;
        g.setFont(Font.font("DejaVu Sans", big ? FontWeight.BOLD : weight, big ? size * 1.12 : size));
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    private void drawLegend(GraphicsContext g, Palette p, CellType cell) {
        double y = 546;
        if (cell != CellType.RNN) legendBar(g, p, 600, y, "σ gates", "0", "1", true);
        legendBar(g, p, 930, y, cell == CellType.LSTM ? "tanh, h, C" : "tanh, h", "−1", "+1", false);
    }

    private void legendBar(GraphicsContext g, Palette p, double x, double y, String name, String lo, String hi,
                           boolean sigmoid) {
        double w = 120;
        for (int i = 0; i < 60; i++) {
            double f = i / 59.0;
            g.setFill(sigmoid ? p.sigmoid(f) : p.signed(2 * f - 1, 1));
            g.fillRect(x + i * w / 60, y - 7, w / 60 + 0.5, 14);
        }
        g.setStroke(p.outline);
        g.setLineWidth(1);
        g.strokeRect(x, y - 7, w, 14);
        text(g, p, lo, x - 6, y, 13, FontWeight.NORMAL, TextAlignment.RIGHT, p.ink);
        text(g, p, hi, x + w + 6, y, 13, FontWeight.NORMAL, TextAlignment.LEFT, p.ink);
        text(g, p, name, x - 30, y, 13, FontWeight.BOLD, TextAlignment.RIGHT, p.ink);
    }

    // --- interaction ------------------------------------------------------------------------------------------

    private Hit hitAt(double mx, double my) {
        double dx = (mx - offX) / scale, dy = (my - offY) / scale;
        for (Hit h : hits) if (h.contains(dx, dy)) return h;
        return null;
    }

    private void hover(MouseEvent e) {
        Hit h = hitAt(e.getX(), e.getY());
        if (h == null) {
            tip.setText("Hover a strip for values; click a cell to select its unit; right-click for what-ifs.");
            vm.hoverTextProperty().set("");
            return;
        }
        int k = h.unitAt((e.getX() - offX) / scale);
        String what = (h.q().gate() == -3 ? "input component " : "unit ") + k;
        String s = h.name() + ", " + what + ", step " + (vm.stepProperty().get() + 1) + ": " + Num.f(h.values()[k]);
        tip.setText(s);
        vm.hoverTextProperty().set(s);
    }

    private void click(MouseEvent e) {
        Hit h = hitAt(e.getX(), e.getY());
        if (h == null || h.q().gate() == -3) return;
        int k = h.unitAt((e.getX() - offX) / scale);
        vm.selectUnit(k);
        if (e.getButton() == MouseButton.SECONDARY && menus != null) {
            ContextMenu m = menus.forUnit(k);
            m.show(canvas, e.getScreenX(), e.getScreenY());
        }
    }

    /** Screen-independent position (in this node) of the centre of unit {@code u} in the strip named {@code name}. */
    public javafx.geometry.Point2D unitCentre(String name, int u) {
        for (Hit h : hits) {
            if (h.name().equals(name)) {
                double dx = h.x() + (u + 0.5) * h.w() / h.n(), dy = h.y() + h.h() / 2;
                return new javafx.geometry.Point2D(offX + dx * scale, offY + dy * scale);
            }
        }
        return null;
    }
}
