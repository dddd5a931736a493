package org.rnnexplorer.ui.connect;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One way to connect, drawn as the unrolled chain: a cell per step, the hidden state hₜ passed from each to the next
 * (arrows), the inputs xₜ below the steps that take one and the outputs yₜ above the steps that give one.
 */
final class ChainPicture extends Region {
    static final Color INPUT = Color.web("#2563eb"), CELL = Color.web("#15803d"), OUTPUT = Color.web("#c2410c");
    static final Color ABSENT = Color.web("#9ca3af");
    private final Canvas canvas = new Canvas();
    private final Connection c;

    ChainPicture(Connection c) {
        this.c = c;
        getChildren().add(canvas);
        setMinSize(200, 110);
        setPrefSize(420, 150);
        getStyleClass().add("chain-picture");
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int n = c.steps();
        double box = Math.min(52, Math.min(w / (n * 1.9), h / 5.2));
        double gap = (w - n * box) / (n + 1);
        double yOut = h * 0.1, yCell = h * 0.5 - box / 2, yIn = h * 0.9 - box;
        for (int t = 0; t < n; t++) {
            double x = gap + t * (box + gap);
            rect(g, x, yCell, box, CELL, "RNN", true);
            if (t + 1 < n) {
                arrow(g, x + box, yCell + box / 2, x + box + gap, yCell + box / 2, CELL);
                label(g, "h" + sub(t + 1), x + box + gap / 2, yCell + box / 2 - 12, CELL);
            }
            if (c.inputs()[t]) {
                rect(g, x, yIn, box, INPUT, "x" + sub(t + 1), true);
                arrow(g, x + box / 2, yIn, x + box / 2, yCell + box, INPUT);
            } else {
                rect(g, x, yIn, box, ABSENT, "0", false);
                arrow(g, x + box / 2, yIn, x + box / 2, yCell + box, ABSENT);
            }
            if (c.outputs()[t]) {
                rect(g, x, yOut, box, OUTPUT, "y" + sub(t + 1), true);
                arrow(g, x + box / 2, yCell, x + box / 2, yOut + box, OUTPUT);
            }
        }
        if (n > 1) {
            double x0 = gap / 2;
            arrow(g, Math.max(2, x0 - gap / 2), yCell + box / 2, gap, yCell + box / 2, CELL);
            label(g, "h₀", Math.max(12, gap / 2), yCell + box / 2 - 12, CELL);
        }
    }

    private static void rect(GraphicsContext g, double x, double y, double s, Color col, String text, boolean solid) {
        g.setFill(solid ? col.deriveColor(0, 0.35, 1.6, 1) : Color.WHITE);
        g.fillRoundRect(x, y, s, s, 10, 10);
        g.setStroke(col);
        g.setLineWidth(2.5);
        if (!solid) g.setLineDashes(5, 4);
        g.strokeRoundRect(x, y, s, s, 10, 10);
        g.setLineDashes();
        g.setFill(solid ? Color.BLACK : ABSENT);
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(11, s * 0.3)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + s / 2, y + s / 2);
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color col) {
        g.setStroke(col);
        g.setFill(col);
        g.setLineWidth(2.5);
        double a = Math.atan2(y1 - y0, x1 - x0), head = 9;
        double bx = x1 - head * Math.cos(a), by = y1 - head * Math.sin(a);
        g.strokeLine(x0, y0, bx, by);
        g.fillPolygon(new double[] {x1, bx + head * 0.5 * Math.sin(a), bx - head * 0.5 * Math.sin(a)},
                new double[] {y1, by - head * 0.5 * Math.cos(a), by + head * 0.5 * Math.cos(a)}, 3);
    }

    private static void label(GraphicsContext g, String s, double x, double y, Color col) {
        g.setFill(col);
        g.setFont(Font.font("System", FontWeight.BOLD, 14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    /** A step number as a subscript: 12 → "₁₂". */
    static String sub(int k) {
        StringBuilder b = new StringBuilder();
        for (char ch : Integer.toString(k).toCharArray()) b.append((char) ('₀' + (ch - '0')));
        return b.toString();
    }
}
