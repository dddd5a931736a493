package org.rnnexplorer.ui.gradient;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.chart.ChartStyle;

/**
 * The Gradient panel beside the cell diagram: the caption saying what L is, and the gradient chart. The panel is
 * narrow, so it shows a compact copy of the chart (smaller type, no subtitles); exports keep the full-size chart.
 * JFreeChart's viewer has no useful preferred size: it sits in the centre of this BorderPane.
 */
public final class GradientPanel extends BorderPane {
    private final Label caption = new Label();
    private final Spinner<Integer> window = new Spinner<>(10, 100_000, 1000, 100);
    private final HBox windowRow = new HBox(6, new Label("window (steps, long inputs):"), window);

    public GradientPanel() {
        caption.setWrapText(true);
        caption.getStyleClass().add("gradient-caption");
        window.setEditable(true);
        window.setPrefWidth(110);
        window.setId("gradient-window");
        window.setTooltip(new Tooltip("How many steps before the selected one the gradient of a long input is computed over"));
        setTop(new VBox(4, caption, windowRow));
    }

    public void bind(GradientPanelViewModel gradient) {
        caption.textProperty().bind(gradient.captionProperty());
        window.valueProperty().addListener((o, a, b) -> gradient.windowProperty().set(b));
        gradient.chartProperty().addListener((o, a, chart) -> show(chart));
    }

    private void show(JFreeChart chart) {
        if (chart == null) {
            setCenter(null);
            return;
        }
        JFreeChart shown = compactCopy(chart);
        if (getCenter() instanceof ChartViewer v) v.setChart(shown);
        else setCenter(new ChartViewer(shown));
    }

    /** The chart on screen now (a compact copy of the view model's), or null. */
    public JFreeChart shownChart() {
        return getCenter() instanceof ChartViewer v ? v.getChart() : null;
    }

    private static JFreeChart compactCopy(JFreeChart chart) {
        try {
            return ChartStyle.compact((JFreeChart) chart.clone());
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }
}
