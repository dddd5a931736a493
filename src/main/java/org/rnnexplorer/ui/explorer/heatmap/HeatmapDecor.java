package org.rnnexplorer.ui.explorer.heatmap;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.HeatmapRaster;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.TokenLabels;

/** What a heatmap draws over its cells: the marks of clipped cells and the row of tokens (or step numbers) under it. */
final class HeatmapDecor {
    private HeatmapDecor() {
    }

    /** A white dot in each clipped cell (drawn in a "beyond" colour), when cells are large enough to hold one. */
    static void clippedDots(GraphicsContext g, WritableImage image, int cols, HeatmapViewport vp, double w,
                            double colW, double rowH) {
        int units = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        g.setFill(Color.WHITE);
        double d = Math.min(colW, rowH) * 0.4;
        for (int t = vp.firstStep(); t <= vp.lastStep(); t++) {
            double x = vp.xOf(t + 0.5, w);
            if (x < 0 || x > w) continue;
            int col = (int) Math.max(0, Math.min(cols - 1, x / w * cols));
            for (int u = 0; u < units; u++) {
                int rgb = reader.getArgb(col, u) & 0xffffff;
                if (rgb == ColorScale.BEYOND_HIGH || rgb == ColorScale.BEYOND_LOW)
                    g.fillOval(x - d / 2, (u + 0.5) * rowH - d / 2, d, d);
            }
        }
    }

    /** The tokens under their columns when a step is at least 9 pixels wide; else the first and last step shown. */
    static void tokens(GraphicsContext g, Palette p, List<String> tokens, HeatmapViewport vp, int cols, double w,
                       double ph, double row, double colW) {
        g.setTextBaseline(VPos.CENTER);
        double y = ph + row / 2;
        if (colW >= 9) {
            g.setFill(p.ink());
            g.setFont(Font.font("DejaVu Sans Mono", Math.min(12, colW)));
            g.setTextAlign(TextAlignment.CENTER);
            for (int s = vp.firstStep(); s <= vp.lastStep(); s++)
                g.fillText(TokenLabels.visible(tokens.get(s)), vp.xOf(s + 0.5, w), y);
            return;
        }
        g.setFill(p.muted());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "step %,d", vp.firstStep() + 1), 2, y);
        g.setTextAlign(TextAlignment.RIGHT);
        double perCol = vp.span() / cols;
        String each = perCol <= 1 ? "" : perCol <= HeatmapRaster.MAX_READS
                ? String.format(Locale.ROOT, " (each column: mean of %.1f steps)", perCol)
                : String.format(Locale.ROOT, " (each column: mean of %d of its %.0f steps)", HeatmapRaster.MAX_READS, perCol);
        g.fillText(String.format(Locale.ROOT, "%,d%s of %,d", vp.lastStep() + 1, each, vp.steps()), w - 2, y);
    }
}
