package org.rnnexplorer.analysis;

import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.StepWindow;

/**
 * The series of a {@link CompactTrace}: colours from the stored 8- and 16-bit values, numbers recomputed exactly
 * from the checkpoint before the step ({@link CompactTrace#exact}). Its series are stored in the
 * {@link SeriesLayout} order (h, c, then the gates in block order), so series index and stored index agree.
 * Only the completed steps of a trace still being recorded can be read.
 */
public final class CompactColumns implements UnitColumns {
    private final CompactTrace trace;
    private final SeriesLayout layout;
    private final int perLayer;

    public CompactColumns(CompactTrace trace) {
        this.trace = trace;
        this.layout = new SeriesLayout(trace.model().cell(), trace.layerCount(), trace.hiddenSize());
        this.perLayer = layout.quantities().size();
        if (trace.series().size() != perLayer)
            throw new IllegalArgumentException(trace.series().size() + " stored series per layer, the layout has " + perLayer);
    }

    @Override
    public SeriesLayout layout() {
        return layout;
    }

    @Override
    public int steps() {
        return trace.completedSteps();
    }

    @Override
    public void read(int series, int from, int length, float[] into) {
        int layer = series / (perLayer * layout.units()), q = series / layout.units() % perLayer;
        trace.readUnit(layer, q, series % layout.units(), from, from + length, into);
    }

    @Override
    public float value(int series, int step) {
        int layer = series / (perLayer * layout.units()), q = series / layout.units() % perLayer;
        return trace.value(layer, q, step, series % layout.units());
    }

    /** The last step recomputed: a hover reads every row of one step, so one recomputation serves them all. */
    private StepWindow last;
    private int lastStep = -1;

    @Override
    public double exact(int series, int step) {
        SeriesId id = layout.id(series);
        StepWindow w;
        synchronized (this) {
            if (step != lastStep) {
                last = trace.exact(step, step);
                lastStep = step;
            }
            w = last;
        }
        Quantity q = id.quantity();
        if (q.isGate()) return w.gate(id.layer(), q.block(), step, id.unit());
        return q == Quantity.CELL ? w.cellState(id.layer(), step, id.unit()) : w.hidden(id.layer(), step, id.unit());
    }
}
