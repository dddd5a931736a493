package org.rnnexplorer.ui.common;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.jfree.data.xy.XYSeries;

/**
 * Points added to live chart series in batches, so that a chart draws once a batch rather than once a point (each
 * change of a JFreeChart series redraws every chart that shows it, on the JavaFX thread). The series tell nobody of
 * the points while a batch goes in, and {@link #updatingProperty()} is true meanwhile: a view holds its chart's
 * redraws until it is false again ({@code updating.addListener((o, a, busy) -> chart.setNotify(!busy))}).
 */
public final class SeriesBatch {
    private final List<XYSeries> series;
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper(this, "updating", false);

    public SeriesBatch(List<XYSeries> series) {
        this.series = List.copyOf(series);
    }

    /** Runs {@code addPoints} (on the UI thread) as one batch. */
    public void apply(Runnable addPoints) {
        updating.set(true);
        for (XYSeries s : series) s.setNotify(false);
        try {
            addPoints.run();
        } finally {
            for (XYSeries s : series) s.setNotify(true);
            updating.set(false);
        }
    }

    /** True while a batch goes in. */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }
}
