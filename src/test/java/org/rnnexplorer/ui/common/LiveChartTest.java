package org.rnnexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** A live chart draws once a batch of points, and not while it is out of sight. */
class LiveChartTest {
    private final XYSeries loss = new XYSeries("loss");
    private final XYSeries accuracy = new XYSeries("accuracy");
    private final SeriesBatch batch = new SeriesBatch(List.of(loss, accuracy));
    private final JFreeChart chart;
    private final AtomicInteger draws = new AtomicInteger();

    LiveChartTest() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(loss);
        data.addSeries(accuracy);
        chart = ChartFactory.createXYLineChart("t", "step", "value", data);
        chart.addChangeListener(e -> draws.incrementAndGet()); // what a ChartCanvas redraws on
    }

    private void addPoints(int from, int n) {
        batch.apply(() -> {
            for (int i = from; i < from + n; i++) {
                loss.add(i, 1.0 / (i + 1));
                accuracy.add(i, i / 100.0);
            }
        });
    }

    @Test
    void aBatchOfPointsIsOneRedrawNotOneAPoint() {
        new LiveChart(chart, batch.updatingProperty());
        addPoints(0, 50);
        assertEquals(1, draws.get(), "100 points in one batch");
        assertEquals(50, loss.getItemCount());
        addPoints(50, 10);
        assertEquals(2, draws.get());
    }

    @Test
    void outOfSightItDrawsNothingAndBackInSightItDrawsWhatItMissed() {
        SimpleBooleanProperty shown = new SimpleBooleanProperty(true);
        LiveChart live = new LiveChart(chart, batch.updatingProperty());
        live.drawOnlyWhile(shown);
        shown.set(false);
        int before = draws.get();
        addPoints(0, 20);
        addPoints(20, 20);
        assertEquals(before, draws.get(), "a hidden chart does not draw");
        assertFalse(live.drawing());
        shown.set(true);
        assertEquals(before + 1, draws.get(), "shown again, it draws once, with every point");
        assertTrue(live.drawing());
        assertEquals(40, loss.getItemCount());
    }

    @Test
    void theSeriesAreUpdatingOnlyWhileTheBatchGoesIn() {
        List<Boolean> seen = new ArrayList<>();
        batch.updatingProperty().addListener((o, a, b) -> seen.add(b));
        batch.apply(() -> seen.add(null));
        assertEquals(java.util.Arrays.asList(true, null, false), seen);
        assertFalse(batch.updatingProperty().get());
    }
}
