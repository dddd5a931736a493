package org.rnnexplorer.ui.explorer.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.ui.common.Palette;

/**
 * A heatmap's colour key: the map's colours from {@link ColorScale} with its ends written under it (0 and 1 for σ,
 * −1, 0 and 1 for tanh and h, −s, 0 and +s for a robust scale), and for a scale that clips the two "beyond" colours
 * at its ends, as the cells beyond the scale are drawn.
 */
final class HeatmapLegend extends Canvas {
    private static final double BAR_W = 120, BAR_H = 9, SWATCH = 12;

    HeatmapLegend() {
        super(BAR_W + 2 * SWATCH + 84, 24);
        getStyleClass().add("heatmap-legend");
    }

    void draw(HeatmapColours colours, Palette p) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(p.background());
        g.fillRect(0, 0, getWidth(), getHeight());
        if (colours == null) return;
        boolean sigmoid = colours.range() == Quantity.Range.SIGMOID, clips = colours.scale() != null;
        int[] table = (sigmoid ? ColorScale.sequential(0, 1) : ColorScale.diverging(1)).argbTable();
        double x0 = clips ? 42 + SWATCH : 6;
        for (int i = 0; i < BAR_W; i++) {
            g.setFill(color(table[(int) Math.round(i / (BAR_W - 1) * (table.length - 1))]));
            g.fillRect(x0 + i, 2, 1.2, BAR_H);
        }
        g.setStroke(p.muted());
        g.setLineWidth(0.8);
        g.strokeRect(x0, 2, BAR_W, BAR_H);
        g.setFont(Font.font(10));
        g.setFill(p.ink());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        String lo = sigmoid ? "0" : clips ? "−s" : "−1", hi = sigmoid ? "1" : clips ? "+s" : "1";
        g.fillText(lo, x0, BAR_H + 3);
        g.fillText(hi, x0 + BAR_W, BAR_H + 3);
        if (!sigmoid) g.fillText("0", x0 + BAR_W / 2, BAR_H + 3);
        if (!clips) return;
        g.setFill(color(0xff000000 | ColorScale.BEYOND_LOW));
        g.fillRect(x0 - SWATCH - 2, 2, SWATCH, BAR_H);
        g.setFill(color(0xff000000 | ColorScale.BEYOND_HIGH));
        g.fillRect(x0 + BAR_W + 2, 2, SWATCH, BAR_H);
        g.setFill(p.ink());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("beyond", x0 - SWATCH - 4, 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("beyond", x0 + BAR_W + SWATCH + 4, 1);
    }

    static Color color(int argb) {
        return Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
    }
}
