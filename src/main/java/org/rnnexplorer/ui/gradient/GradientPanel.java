package org.rnnexplorer.ui.gradient;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
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

    public GradientPanel() {
        caption.setWrapText(true);
        caption.getStyleClass().add("gradient-caption");
        setTop(caption);
    }

    public void bind(GradientPanelViewModel gradient) {
        caption.textProperty().bind(gradient.captionProperty());
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
