package org.rnnexplorer.ui.explorer.heatmap;

import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.HeatmapRaster;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/** What the cell tab's heatmaps read: a quantity of the original trace, full or compact. */
final class HeatmapSources {
    private HeatmapSources() {
    }

    /** Quantity {@code q} of the original trace: the full trace's values, or a compact trace's stored columns. */
    static HeatmapView.Source original(Quantity q) {
        return new HeatmapView.Source() {
            public Trace trace(TraceResult r) {
                return r.original() != null && q.belongsTo(r.model().cell()) ? r.original() : null;
            }

            public boolean shows(TraceResult r) {
                return q.belongsTo(r.model().cell()) && (r.original() != null || r.isCompact());
            }

            public double value(TraceResult r, int layer, int t, int u) {
                CompactTrace c = r.compact();
                return c != null ? c.value(layer, c.seriesIndex(HeatmapRaster.key(q)), t, u) : q.value(r.original(), layer, t, u);
            }

            public HeatmapRaster.Columns columns(TraceResult r, int layer) {
                return r.isCompact() ? HeatmapRaster.of(r.compact(), layer, HeatmapRaster.key(q))
                        : HeatmapRaster.of(r.original(), layer, q);
            }
        };
    }
}
