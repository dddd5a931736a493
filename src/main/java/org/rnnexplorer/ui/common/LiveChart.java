package org.rnnexplorer.ui.common;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.jfree.chart.JFreeChart;

/**
 * When a chart of live series draws: once a batch of points (not once a point, see {@link SeriesBatch}), and not at
 * all while it is out of sight, e.g. on a tab not selected. A chart that draws out of sight still costs the JavaFX
 * thread the drawing, and makes the window repaint what lies over it. Back in sight, it draws what it missed.
 */
public final class LiveChart {
    private final JFreeChart chart;
    private final ObservableBooleanValue updating;
    private ObservableBooleanValue shown = new ReadOnlyBooleanWrapper(true);

    /** {@code chart} of series that {@code updating} says are taking a batch. */
    public LiveChart(JFreeChart chart, ObservableBooleanValue updating) {
        this.chart = chart;
        this.updating = updating;
        updating.addListener(o -> apply());
        apply();
    }

    /** The chart draws only while {@code shown} is true (a tab's {@code selectedProperty()}). */
    public void drawOnlyWhile(ObservableBooleanValue shown) {
        this.shown = shown;
        shown.addListener(o -> apply());
        apply();
    }

    /** Whether the chart draws now. */
    public boolean drawing() {
        return chart.isNotify();
    }

    private void apply() {
        boolean draw = shown.get() && !updating.get();
        if (chart.isNotify() != draw) chart.setNotify(draw);
    }
}
