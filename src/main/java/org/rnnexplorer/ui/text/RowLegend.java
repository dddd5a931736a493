package org.rnnexplorer.ui.text;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.TextHeatmapHtml;
import org.rnnexplorer.ui.common.Num;

/** The colours of each row of the text view: a bar from the scale's lower to its upper end, and the row's label. */
final class RowLegend extends VBox {
    RowLegend(TextViewModel vm) {
        getStyleClass().add("text-legend");
        setSpacing(2);
        setPadding(new Insets(4, 8, 4, 8));
        vm.contentProperty().addListener((o, a, c) -> show(c));
        show(vm.contentProperty().get());
    }

    private void show(TextViewModel.Content c) {
        getChildren().clear();
        if (c == null) return;
        for (int r = 0; r < c.rows().size(); r++) {
            TextHeatmapHtml.Row row = c.rows().get(r);
            Label where = new Label(r == 0 ? "text:" : "band " + r + ":");
            where.setMinWidth(52);
            Label ends = new Label(Num.f(row.scale().getLowerBound()) + " … " + Num.f(row.scale().getUpperBound()));
            ends.setMinWidth(110);
            Label label = new Label(row.label());
            label.getStyleClass().add("text-legend-label");
            HBox line = new HBox(8, where, bar(row.scale()), ends, label);
            line.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(line);
        }
    }

    private static Canvas bar(ColorScale s) {
        Canvas canvas = new Canvas(140, 12);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int i = 0; i < 140; i++) {
            java.awt.Color c = (java.awt.Color) s.getPaint(s.getLowerBound() + (s.getUpperBound() - s.getLowerBound()) * i / 139.0);
            g.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            g.fillRect(i, 0, 1, 12);
        }
        g.setStroke(Color.gray(0.3));
        g.strokeRect(0.5, 0.5, 139, 11);
        return canvas;
    }
}
