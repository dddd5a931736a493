package org.rnnexplorer.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Trace;

/** The series of sequence 0 of a full float64 {@link Trace}: read in place, nothing copied. */
public final class TraceColumns implements UnitColumns {
    private final Trace trace;
    private final SeriesLayout layout;

    public TraceColumns(Trace trace) {
        this.trace = trace;
        this.layout = new SeriesLayout(trace.cell(), trace.layerCount(), trace.hiddenSize());
    }

    @Override
    public SeriesLayout layout() {
        return layout;
    }

    @Override
    public int steps() {
        return trace.steps();
    }

    @Override
    public void read(int series, int from, int length, float[] into) {
        SeriesId id = layout.id(series);
        LayerTrace lt = trace.layer(id.layer());
        Quantity q = id.quantity();
        DMatrixRMaj[] rows = q.isGate() ? lt.act : q == Quantity.CELL ? lt.c : lt.h;
        int at = (q.isGate() ? q.block() * layout.units() : 0) + id.unit();
        for (int i = 0; i < length; i++) into[i] = (float) rows[from + i].data[at];
    }

    @Override
    public float value(int series, int step) {
        return (float) exact(series, step);
    }

    @Override
    public double exact(int series, int step) {
        SeriesId id = layout.id(series);
        return id.quantity().value(trace, id.layer(), step, id.unit());
    }
}
