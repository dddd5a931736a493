package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * The series of a model over a long input without keeping the whole trace: the forward pass runs over chunks of
 * {@code chunk} steps, each chunk starting from the state the previous one ended in ({@link LayerTrace#h0},
 * {@link LayerTrace#c0} of every layer), so the values are those of one pass over the whole input. The state at
 * the start of every chunk is kept (a checkpoint of L·2·H doubles), so a chunk read again is recomputed from its
 * checkpoint. The readout is left out: it is not a series.
 *
 * <p>{@link #prepare} computes the chunks that cover the block and copies them into float columns; {@link #read}
 * then only copies, from any thread.
 */
public final class ChunkedForwardSeries implements UnitSeries {
    private final RnnModel model;
    private final int[] tokens;
    private final double[][] vectors;
    private final int steps;
    private final int chunk;
    private final SeriesLayout layout;
    /** State before chunk k: per layer h then c, each H doubles. */
    private final List<double[][]> checkpoints = new ArrayList<>();
    private Trace chunkTrace;
    private Trace tailTrace;
    private int preparedFrom = -1;
    private int preparedLength;
    private float[][] columns;

    /**
     * @param input one sequence of tokens or vectors
     * @param chunk steps per forward pass (memory: about (2·G + 4)·H·L doubles per step of a chunk)
     */
    public ChunkedForwardSeries(RnnModel model, InputBatch input, int chunk) {
        if (input.batch() != 1) throw new IllegalArgumentException("one sequence, not " + input.batch());
        if (chunk < 1) throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        this.model = new RnnModel(model.cell(), model.inputSize(), model.hiddenSize(), model.layers(),
                model.embedding(), null, null, model.vocabulary(), model.tokenizer(), null);
        this.steps = input.steps();
        this.tokens = input.isTokens() ? input.tokens() : null;
        if (tokens == null) {
            vectors = new double[steps][];
            for (int t = 0; t < steps; t++) vectors[t] = input.vector(0, t);
        } else {
            vectors = null;
        }
        this.chunk = Math.min(chunk, steps);
        this.layout = new SeriesLayout(model.cell(), model.layerCount(), model.hiddenSize());
        checkpoints.add(zeroState());
    }

    @Override
    public SeriesLayout layout() {
        return layout;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int preferredBlock() {
        return chunk;
    }

    @Override
    public synchronized void prepare(int from, int length) {
        if (from < 0 || length < 1 || from + length > steps)
            throw new IllegalArgumentException("steps " + from + " + " + length + " outside 0.." + steps);
        if (from == preparedFrom && length == preparedLength) return;
        if (columns == null || columns[0].length < length) columns = new float[layout.count()][length];
        for (int k = from / chunk; k * chunk < from + length; k++) {
            Trace trace = compute(k);
            int start = k * chunk;
            int lo = Math.max(from, start), hi = Math.min(from + length, start + trace.steps());
            copy(trace, lo - start, hi - lo, lo - from);
        }
        preparedFrom = from;
        preparedLength = length;
    }

    @Override
    public void read(int series, int from, int length, float[] into) {
        float[][] c;
        int base;
        synchronized (this) {
            if (from < preparedFrom || from + length > preparedFrom + preparedLength)
                throw new IllegalStateException("steps " + from + " + " + length + " were not prepared");
            c = columns;
            base = preparedFrom;
        }
        System.arraycopy(c[series], from - base, into, 0, length);
    }

    /** Runs chunk k from its checkpoint, computing the checkpoints before it first if needed. */
    private Trace compute(int k) {
        while (checkpoints.size() <= k) {
            Trace t = run(checkpoints.size() - 1);
            checkpoints.add(endState(t));
        }
        Trace t = run(k);
        if (checkpoints.size() == k + 1 && (k + 1) * chunk < steps) checkpoints.add(endState(t));
        return t;
    }

    private Trace run(int k) {
        int start = k * chunk, len = Math.min(chunk, steps - start);
        Trace trace;
        if (len == chunk) {
            if (chunkTrace == null) chunkTrace = new Trace(model, 1, chunk);
            trace = chunkTrace;
        } else {
            if (tailTrace == null) tailTrace = new Trace(model, 1, len);
            trace = tailTrace;
        }
        double[][] state = checkpoints.get(k);
        for (int l = 0; l < layout.layers(); l++) {
            System.arraycopy(state[2 * l], 0, trace.layer(l).h0.data, 0, layout.units());
            System.arraycopy(state[2 * l + 1], 0, trace.layer(l).c0.data, 0, layout.units());
        }
        InputBatch in = tokens != null ? InputBatch.ofTokens(Arrays.copyOfRange(tokens, start, start + len))
                : InputBatch.ofVectors(Arrays.copyOfRange(vectors, start, start + len));
        ForwardPass.run(model, in, List.of(), trace);
        return trace;
    }

    private double[][] zeroState() {
        return new double[2 * layout.layers()][layout.units()];
    }

    private double[][] endState(Trace trace) {
        double[][] s = zeroState();
        int last = trace.steps() - 1;
        for (int l = 0; l < layout.layers(); l++) {
            LayerTrace lt = trace.layer(l);
            System.arraycopy(lt.h[last].data, 0, s[2 * l], 0, layout.units());
            if (lt.c != null) System.arraycopy(lt.c[last].data, 0, s[2 * l + 1], 0, layout.units());
        }
        return s;
    }

    /** Copies steps {@code [first, first + length)} of the trace into the columns at {@code at}. */
    private void copy(Trace trace, int first, int length, int at) {
        int h = layout.units();
        List<Quantity> qs = layout.quantities();
        for (int l = 0; l < layout.layers(); l++) {
            LayerTrace lt = trace.layer(l);
            for (int qi = 0; qi < qs.size(); qi++) {
                Quantity q = qs.get(qi);
                int base = (l * qs.size() + qi) * h;
                DMatrixRMaj[] rows = q.isGate() ? lt.act : q.equals(Quantity.CELL) ? lt.c : lt.h;
                int offset = q.isGate() ? q.block() * h : 0;
                for (int t = 0; t < length; t++) {
                    double[] row = rows[first + t].data;
                    for (int u = 0; u < h; u++) columns[base + u][at + t] = (float) row[offset + u];
                }
            }
        }
    }
}
