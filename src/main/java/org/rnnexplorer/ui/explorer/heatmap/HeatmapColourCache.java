package org.rnnexplorer.ui.explorer.heatmap;

import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.chart.HeatmapRaster;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * The colours of the latest frames, kept while the result, layer and scale choice stay, and taken again from
 * the data only when a long trace being filled has doubled its steps since, or is complete.
 */
final class HeatmapColourCache {
    private TraceResult result;
    private int layer = -1;
    private HeatmapColours.Choice choice;
    private int done = -1;
    private HeatmapColours colours;

    synchronized HeatmapColours get(TraceResult r, int l, HeatmapColours.Choice c, HeatmapRaster.Columns data,
                                    int n, Quantity.Range range) {
        boolean same = r == result && l == layer && c == choice && colours != null;
        if (!same || (n != done && (n >= 2 * done || n == r.steps()))) {
            colours = range == Quantity.Range.UNBOUNDED ? HeatmapColours.of(range, c, data) : HeatmapColours.bounded(range);
            result = r;
            layer = l;
            choice = c;
            done = n;
        }
        return colours;
    }
}
