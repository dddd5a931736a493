package org.rnnexplorer.ui.explorer.diagram;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.TokenLabels;

/**
 * Draws one frame of the cell diagram in design coordinates ({@link CellDiagramView#W} × {@link CellDiagramView#H}),
 * the way the course deck draws the cell: each vector a strip of coloured cells, one per unit, the pointwise × and +
 * nodes, and arrows whose width and opacity follow the magnitude of the selected unit's value flowing along them.
 * Every strip drawn is recorded as a {@link Strip} for hovering and clicking.
 */
final class DiagramPainter {
    static final double STRIP_W = 150, STRIP_H = 22;

    /** Where a strip was drawn, in design coordinates, and what it shows; input strips select no unit. */
    record Strip(double x, double y, double w, double h, int n, String name, double[] values, boolean input) {
        int unitAt(double px) {
            return Math.max(0, Math.min(n - 1, (int) ((px - x) / (w / n))));
        }

        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    private final GraphicsContext g;
    private final Palette p;
    private final List<Strip> strips;

    DiagramPainter(GraphicsContext g, Palette p, List<Strip> strips) {
        this.g = g;
        this.p = p;
        this.strips = strips;
    }

    /** The frame with {@code unit} selected, and the colour legend. */
    void draw(DiagramFrame f, int unit) {
        g.setLineCap(StrokeLineCap.ROUND);
        switch (f.cell()) {
            case LSTM -> lstm(f, unit);
            case GRU -> gru(f, unit);
            case RNN -> vanilla(f, unit);
        }
        legend(f.cell());
    }

    private void cellBox(DiagramFrame f, String cell) {
        double x0 = 190, y0 = 40, x1 = 910, y1 = 490;
        String title = (f.layer() > 0 ? "layer " + (f.layer() + 1) + " · " : "") + cell + " · step " + (f.step() + 1)
                + " · input '" + TokenLabels.visible(f.token()) + "'";
        g.setFill(p.cellFill());
        g.fillRoundRect(x0, y0, x1 - x0, y1 - y0, 36, 36);
        g.setStroke(p.muted());
        g.setLineWidth(2);
        g.strokeRoundRect(x0, y0, x1 - x0, y1 - y0, 36, 36);
        text(title, x0 + 18, y0 + 22, 16, FontWeight.BOLD, TextAlignment.LEFT, p.muted());
        if (f.whatIf()) text("WITH THE WHAT-IF", x1 - 18, y0 + 22, 16, FontWeight.BOLD, TextAlignment.RIGHT, Palette.WHAT_IF);
    }

    private void lstm(DiagramFrame f, int u) {
        double cs = f.cScale();
        double[] fg = f.gates()[1], ig = f.gates()[0], cand = f.gates()[2], og = f.gates()[3];
        cellBox(f, "LSTM cell");
        double lineY = 100, busY = 445;
        double fx = 290, ix = 450, gx = 610, ox = 790, mulInX = 530, mulInY = 220, plusX = 530, tanhY = 185, mulOutY = 270;
        double cPrev = f.cPrev()[u], c = f.c()[u], fu = fg[u], iu = ig[u], gu = cand[u], ou = og[u], h = f.h()[u];
        // cell-state line
        arrow(170, lineY, fx - 16, lineY, Math.abs(cPrev) / cs);
        arrow(fx + 16, lineY, plusX - 16, lineY, Math.abs(fu * cPrev) / cs);
        arrow(plusX + 16, lineY, 930, lineY, Math.abs(c) / cs);
        // forget gate into ×
        arrow(fx, 352, fx, lineY + 16, fu);
        // input × candidate
        line(ix, 352, ix, mulInY, iu);
        arrow(ix, mulInY, mulInX - 16, mulInY, iu);
        line(gx, 352, gx, mulInY, Math.abs(gu));
        arrow(gx, mulInY, mulInX + 16, mulInY, Math.abs(gu));
        arrow(mulInX, mulInY - 16, plusX, lineY + 16, Math.abs(iu * gu));
        // output path: C_t → tanh → × o → h_t
        line(ox, lineY, ox, tanhY - 15, Math.abs(c) / cs);
        arrow(ox, tanhY + 15, ox, mulOutY - 16, Math.abs(Math.tanh(c)));
        arrow(ox, 352, ox, mulOutY + 16, ou);
        line(ox + 16, mulOutY, 880, mulOutY, Math.abs(h));
        line(880, mulOutY, 880, busY + 10, Math.abs(h));
        arrow(880, busY + 10, 930, busY + 10, Math.abs(h));
        // the input bus [h_{t−1}, x_t] feeding every gate
        double hMean = meanAbs(f.hPrev()), xMean = meanAbs(f.x()) / f.xScale();
        line(170, busY + 10, ox, busY + 10, Math.max(hMean, xMean));
        line(250, 505, 250, busY + 10, xMean);
        for (double gxs : new double[] {fx, ix, gx, ox}) arrow(gxs, busY + 10, gxs, 402, 0.45);
        text("[hₜ₋₁, xₜ]", 330, busY + 30, 14, FontWeight.NORMAL, TextAlignment.LEFT, p.muted());
        node(fx, lineY, "×");
        node(plusX, lineY, "+");
        node(mulInX, mulInY, "×");
        node(ox, mulOutY, "×");
        pill(ox, tanhY, "tanh");
        // flow values of the selected unit beside the arrows
        small("fₜ·Cₜ₋₁ = " + Num.f(fu * cPrev), (fx + plusX) / 2, lineY - 14, TextAlignment.CENTER);
        small("iₜ·C~ₜ = " + Num.f(iu * gu), mulInX + 22, (mulInY + lineY) / 2 + 8, TextAlignment.LEFT);
        small("tanh(Cₜ) = " + Num.f(Math.tanh(c)), ox + 40, tanhY + 5, TextAlignment.LEFT);
        String cell = Quantity.CELL.label(), hidden = Quantity.HIDDEN.label();
        strip("Cₜ₋₁  cell state", cell, f.cPrev(), 20, lineY - 11, u, Quantity.Range.UNBOUNDED, cs, "Cₜ₋₁");
        strip("Cₜ  cell state", cell, f.c(), 940, lineY - 11, u, Quantity.Range.UNBOUNDED, cs, "Cₜ");
        strip("hₜ₋₁  hidden", hidden, f.hPrev(), 20, busY - 1, u, Quantity.Range.TANH, 1, "hₜ₋₁");
        strip("hₜ  hidden", hidden, f.h(), 940, busY - 1, u, Quantity.Range.TANH, 1, "hₜ");
        inputStrip(f, 250, 515);
        gateStrip(Quantity.FORGET_GATE, "forget fₜ  σ", fg, fx, u);
        gateStrip(Quantity.INPUT_GATE, "input iₜ  σ", ig, ix, u);
        gateStrip(Quantity.LSTM_CANDIDATE, "candidate C~ₜ  tanh", cand, gx, u);
        gateStrip(Quantity.OUTPUT_GATE, "output oₜ  σ", og, ox, u);
    }

    private void gru(DiagramFrame f, int u) {
        double[] r = f.gates()[0], z = f.gates()[1], n = f.gates()[2];
        cellBox(f, "GRU cell (reset after)");
        double lineY = 100, busY = 445, zx = 330, rx = 560, nx = 790, plusX = 650, oneMinusX = 480, mulNewY = 260;
        double hp = f.hPrev()[u], zu = z[u], nu = n[u], h = f.h()[u];
        // hidden-state line: h_{t−1} → × z → + → h_t
        arrow(170, lineY, zx - 16, lineY, Math.abs(hp));
        arrow(zx + 16, lineY, plusX - 16, lineY, Math.abs(zu * hp));
        arrow(plusX + 16, lineY, 930, lineY, Math.abs(h));
        arrow(zx, 352, zx, lineY + 16, zu);
        // the 1 − z path
        line(zx, mulNewY, oneMinusX - 20, mulNewY, zu);
        arrow(oneMinusX + 20, mulNewY, plusX - 16, mulNewY, 1 - zu);
        line(nx, 352, nx, mulNewY, Math.abs(nu));
        arrow(nx, mulNewY, plusX + 16, mulNewY, Math.abs(nu));
        arrow(plusX, mulNewY - 16, plusX, lineY + 16, Math.abs((1 - zu) * nu));
        // reset gate into the candidate
        arrow(rx + STRIP_W / 2, 380, nx - STRIP_W / 2 - 4, 380, r[u]);
        small("rₜ ⊙ (W_hn·hₜ₋₁ + b_hn) goes into nₜ", (rx + nx) / 2 + 10, 318, TextAlignment.CENTER);
        // input bus
        line(175, lineY, 175, busY + 10, meanAbs(f.hPrev()));
        double xMean = meanAbs(f.x()) / f.xScale();
        line(175, busY + 10, nx, busY + 10, Math.max(meanAbs(f.hPrev()), xMean));
        line(250, 505, 250, busY + 10, xMean);
        for (double gxs : new double[] {zx, rx, nx}) arrow(gxs, busY + 10, gxs, 402, 0.45);
        text("[hₜ₋₁, xₜ]", 400, busY + 30, 14, FontWeight.NORMAL, TextAlignment.LEFT, p.muted());
        node(zx, lineY, "×");
        node(plusX, lineY, "+");
        node(plusX, mulNewY, "×");
        pill(oneMinusX, mulNewY, "1−");
        small("zₜ·hₜ₋₁ = " + Num.f(zu * hp), (zx + plusX) / 2, lineY - 14, TextAlignment.CENTER);
        small("(1−zₜ)·nₜ = " + Num.f((1 - zu) * nu), plusX + 22, (mulNewY + lineY) / 2 + 8, TextAlignment.LEFT);
        String hidden = Quantity.HIDDEN.label();
        strip("hₜ₋₁  hidden", hidden, f.hPrev(), 20, lineY - 11, u, Quantity.Range.TANH, 1, "hₜ₋₁");
        strip("hₜ  hidden", hidden, f.h(), 940, lineY - 11, u, Quantity.Range.TANH, 1, "hₜ");
        inputStrip(f, 250, 515);
        gateStrip(Quantity.UPDATE_GATE, "update zₜ  σ", z, zx, u);
        gateStrip(Quantity.RESET_GATE, "reset rₜ  σ", r, rx, u);
        gateStrip(Quantity.GRU_CANDIDATE, "candidate nₜ  tanh", n, nx, u);
    }

    private void vanilla(DiagramFrame f, int u) {
        cellBox(f, "Vanilla RNN cell");
        double y = 280, cx = 550;
        double xMean = meanAbs(f.x()) / f.xScale();
        arrow(170, y, 290, y, meanAbs(f.hPrev()));
        arrow(330, 505, 330, y + 16, xMean);
        pill(330, y, "[ , ]");
        small("concatenate [hₜ₋₁, xₜ]", 330, y - 30, TextAlignment.CENTER);
        arrow(356, y, cx - STRIP_W / 2 - 8, y, Math.max(meanAbs(f.hPrev()), xMean));
        arrow(cx + STRIP_W / 2 + 8, y, 930, y, meanAbs(f.h()));
        line(860, y, 860, 120, meanAbs(f.h()));
        arrow(860, 120, 930, 120, meanAbs(f.h()));
        small("hₜ goes on to the next step and to the readout", 700, 108, TextAlignment.CENTER);
        String hidden = Quantity.HIDDEN.label();
        strip("hₜ₋₁  hidden", hidden, f.hPrev(), 20, y - 11, u, Quantity.Range.TANH, 1, "hₜ₋₁");
        strip("hₜ  hidden", hidden, f.h(), 940, y - 11, u, Quantity.Range.TANH, 1, "hₜ");
        inputStrip(f, 330, 515);
        text("hₜ = tanh(W·[hₜ₋₁, xₜ] + b)", cx, y - 44, 18, FontWeight.BOLD, TextAlignment.CENTER, p.ink());
        strip("", "hidden state h (tanh)", f.h(), cx - STRIP_W / 2, y - 11, u, Quantity.Range.TANH, 1, "hₜ");
        text("one tanh layer: no gates, no cell state", cx, y + 62, 14, FontWeight.NORMAL, TextAlignment.CENTER, p.muted());
    }

    private void gateStrip(Quantity q, String label, double[] v, double cx, int u) {
        double y = 370;
        g.setFill(Palette.GATE_BOX);
        g.fillRoundRect(cx - STRIP_W / 2 - 8, y - 34, STRIP_W + 16, 74, 12, 12);
        g.setStroke(p.outline());
        g.setLineWidth(1.5);
        g.strokeRoundRect(cx - STRIP_W / 2 - 8, y - 34, STRIP_W + 16, 74, 12, 12);
        strip(label, q.label(), v, cx - STRIP_W / 2, y - 11 + 6, u, q.range(), 1, q.symbol() + "ₜ");
    }

    private void inputStrip(DiagramFrame f, double cx, double y) {
        double[] x = f.x();
        double w = Math.min(STRIP_W, x.length * 12.0);
        Quantity.Range range = f.layer() == 0 ? Quantity.Range.UNBOUNDED : Quantity.Range.TANH;
        cells(x, cx - w / 2, y, w, range, f.xScale());
        strips.add(new Strip(cx - w / 2, y, w, STRIP_H, x.length, "input xₜ", x, true));
        String label = f.layer() == 0 ? "xₜ  input ('" + TokenLabels.visible(f.token()) + "')"
                : "xₜ = hₜ of layer " + f.layer() + " below";
        text(label, cx + w / 2 + 10, y + STRIP_H / 2, 15, FontWeight.BOLD, TextAlignment.LEFT, p.ink());
    }

    /** A vector as a row of coloured cells, its label above and the selected unit outlined, its value below. */
    private void strip(String label, String name, double[] v, double x, double y, int u, Quantity.Range range,
                       double scale, String symbol) {
        int n = v.length;
        cells(v, x, y, STRIP_W, range, scale);
        if (u >= 0 && u < n) {
            double cw = STRIP_W / n;
            g.setLineWidth(3);
            g.setStroke(p.selection());
            g.strokeRect(x + u * cw - 1, y - 3, cw + 2, STRIP_H + 6);
            text(symbol + "[" + u + "] = " + Num.f(v[u]), x + STRIP_W / 2, y + STRIP_H + 16, 15, FontWeight.BOLD,
                    TextAlignment.CENTER, p.ink());
        }
        // long gate labels ("candidate C~ₜ tanh") take a smaller size so they stay inside their box
        double size = label.length() > 16 ? p.longLabelSize() : 15;
        if (!label.isEmpty()) text(label, x + STRIP_W / 2, y - 12, size, FontWeight.BOLD, TextAlignment.CENTER, p.ink());
        strips.add(new Strip(x, y, STRIP_W, STRIP_H, n, name, v, false));
    }

    private void cells(double[] v, double x, double y, double w, Quantity.Range range, double scale) {
        int n = v.length;
        double cw = w / n;
        for (int k = 0; k < n; k++) {
            g.setFill(p.color(range, v[k], scale));
            g.fillRect(x + k * cw, y, Math.ceil(cw * 10) / 10 + 0.02, STRIP_H);
        }
        g.setStroke(p.outline());
        g.setLineWidth(1);
        g.strokeRect(x, y, w, STRIP_H);
    }

    private static double meanAbs(double[] v) {
        double s = 0;
        for (double d : v) s += Math.abs(d);
        return Math.min(1, v.length == 0 ? 0 : s / v.length);
    }

    /** A connection whose width and opacity follow the magnitude m (0..1) of what flows along it. */
    private void line(double x0, double y0, double x1, double y1, double m) {
        double mm = Math.max(0, Math.min(1, Double.isNaN(m) ? 0 : m));
        g.setStroke(p.flow());
        g.setGlobalAlpha(0.25 + 0.75 * mm);
        g.setLineWidth(1.2 + 7 * mm);
        g.strokeLine(x0, y0, x1, y1);
        g.setGlobalAlpha(1);
    }

    private void arrow(double x0, double y0, double x1, double y1, double m) {
        line(x0, y0, x1, y1, m);
        double mm = Math.max(0, Math.min(1, Double.isNaN(m) ? 0 : m));
        double a = Math.atan2(y1 - y0, x1 - x0), len = 10 + 5 * mm;
        g.setFill(p.flow());
        g.setGlobalAlpha(0.25 + 0.75 * mm);
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(a - 0.45), x1 - len * Math.cos(a + 0.45)},
                new double[] {y1, y1 - len * Math.sin(a - 0.45), y1 - len * Math.sin(a + 0.45)}, 3);
        g.setGlobalAlpha(1);
    }

    private void node(double x, double y, String op) {
        g.setFill(Palette.NODE);
        g.fillOval(x - 16, y - 16, 32, 32);
        g.setStroke(p.outline());
        g.setLineWidth(1.5);
        g.strokeOval(x - 16, y - 16, 32, 32);
        text(op, x, y + 1, 20, FontWeight.BOLD, TextAlignment.CENTER, Palette.NODE_INK);
    }

    private void pill(double x, double y, String op) {
        g.setFill(Palette.PILL);
        g.fillRoundRect(x - 26, y - 15, 52, 30, 30, 30);
        g.setStroke(p.outline());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x - 26, y - 15, 52, 30, 30, 30);
        text(op, x, y + 1, 15, FontWeight.BOLD, TextAlignment.CENTER, Palette.NODE_INK);
    }

    private void small(String s, double x, double y, TextAlignment align) {
        text(s, x, y, 14, FontWeight.NORMAL, align, p.ink());
    }

    private void text(String s, double x, double y, double size, FontWeight weight, TextAlignment align, Color color) {
        boolean large = p.textScale() > 1;
        g.setFont(Font.font("DejaVu Sans", large ? FontWeight.BOLD : weight, size * p.textScale()));
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    private void legend(CellType cell) {
        double y = 546;
        if (cell != CellType.RNN) legendBar(600, y, "σ gates", "0", "1", true);
        legendBar(930, y, cell == CellType.LSTM ? "tanh, h, C" : "tanh, h", "−1", "+1", false);
    }

    private void legendBar(double x, double y, String name, String lo, String hi, boolean sigmoid) {
        double w = 120;
        for (int i = 0; i < 60; i++) {
            double f = i / 59.0;
            g.setFill(sigmoid ? p.sigmoid(f) : p.signed(2 * f - 1, 1));
            g.fillRect(x + i * w / 60, y - 7, w / 60 + 0.5, 14);
        }
        g.setStroke(p.outline());
        g.setLineWidth(1);
        g.strokeRect(x, y - 7, w, 14);
        text(lo, x - 6, y, 13, FontWeight.NORMAL, TextAlignment.RIGHT, p.ink());
        text(hi, x + w + 6, y, 13, FontWeight.NORMAL, TextAlignment.LEFT, p.ink());
        text(name, x - 30, y, 13, FontWeight.BOLD, TextAlignment.RIGHT, p.ink());
    }
}
