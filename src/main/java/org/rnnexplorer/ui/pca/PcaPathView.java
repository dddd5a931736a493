package org.rnnexplorer.ui.pca;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnexplorer.chart.ChartStyle;
import org.rnnexplorer.ui.common.Palette;

/**
 * The PCA path of the hidden state: every step's (PC1, PC2) joined in order, the way to the step shown dark (older
 * steps lighter), the steps still to come pale, the first step a square and the step shown a ring in the cell's
 * colour; the caption says what the axes hold.
 */
public final class PcaPathView extends BorderPane {
    private final Canvas canvas = new Canvas();
    private final Label caption = new Label();
    private PcaPathViewModel vm;

    /** A view bound to {@code vm}. */
    public static PcaPathView of(PcaPathViewModel vm) {
        PcaPathView v = new PcaPathView();
        v.bind(vm);
        return v;
    }

    public PcaPathView() {
        getStyleClass().add("pca-path");
        caption.setWrapText(true);
        caption.getStyleClass().add("pca-caption");
        setTop(caption);
        Pane box = new Pane(canvas);
        box.setMinSize(160, 160);
        box.setPrefSize(360, 320);
        canvas.widthProperty().bind(box.widthProperty());
        canvas.heightProperty().bind(box.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setCenter(box);
    }

    public void bind(PcaPathViewModel vm) {
        this.vm = vm;
        caption.textProperty().bind(vm.captionProperty());
        vm.pathProperty().addListener(o -> draw());
        vm.stepProperty().addListener(o -> draw());
        draw();
    }

    /** The canvas the path is drawn on (tests read its pixels). */
    public Canvas canvas() {
        return canvas;
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (vm == null || vm.pathProperty().get() == null || w < 40 || h < 40) return;
        PcaPathViewModel.Path path = vm.pathProperty().get();
        double[][] p = path.pca().path();
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            double y = q.length > 1 ? q[1] : 0;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        double m = 28, sx = (w - 2 * m) / Math.max(maxX - minX, 1e-12), sy = (h - 2 * m) / Math.max(maxY - minY, 1e-12);
        double[] xs = new double[p.length], ys = new double[p.length];
        for (int t = 0; t < p.length; t++) {
            xs[t] = m + (p[t][0] - minX) * sx;
            ys[t] = h - m - ((p[t].length > 1 ? p[t][1] : 0) - minY) * sy;
        }
        g.setStroke(Color.web("#d0d0d0"));
        g.setLineWidth(1);
        g.strokeLine(m, h - m, w - m, h - m);
        g.strokeLine(m, m, m, h - m);
        g.setFill(Color.web("#4b5563"));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("PC1", w / 2, h - m + 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("PC2", 4, 4);
        int s = Math.max(0, Math.min(vm.stepProperty().get(), p.length - 1));
        g.setStroke(Color.web("#e5e7eb"));
        g.setLineWidth(1);
        for (int t = s + 1; t < p.length; t++) g.strokeLine(xs[t - 1], ys[t - 1], xs[t], ys[t]); // still to come
        for (int t = 1; t <= s; t++) {
            g.setStroke(Color.web("#334155", 0.25 + 0.75 * t / Math.max(1.0, s))); // the way here, older lighter
            g.setLineWidth(2);
            g.strokeLine(xs[t - 1], ys[t - 1], xs[t], ys[t]);
        }
        g.setFill(Color.web("#334155"));
        g.fillRect(xs[0] - 4, ys[0] - 4, 8, 8);
        java.awt.Color c = ChartStyle.cellColor(path.result().model().cell());
        g.setStroke(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
        g.setLineWidth(3.5);
        g.strokeOval(xs[s] - 8, ys[s] - 8, 16, 16);
        g.setFill(Palette.CURSOR);
        g.fillOval(xs[s] - 3.5, ys[s] - 3.5, 7, 7);
    }
}
