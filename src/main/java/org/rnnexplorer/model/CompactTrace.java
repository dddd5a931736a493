package org.rnnexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A trace of a long sequence (hundreds of thousands of steps) kept small enough for the window: every h, c and gate
 * of every layer and step for display, and the exact float64 values of any stretch on demand.
 *
 * <p><b>What is kept.</b> The engine computes in float64 as always; each value is then stored in as few bits as its
 * display needs ({@link Encoding}): σ gates (in [0, 1]) and tanh outputs and h (in [−1, 1]) in 8 bits, the
 * unbounded c as a 16-bit half float. A 2 × 128 LSTM needs per step and layer 128 + 512 bytes (h and the four gates)
 * + 256 (c) = 896 bytes, 1,792 for both layers: 358 MB for 200,000 steps, where float32 would take 1.23 GB (more than
 * a 1 GB heap holds beside the app) and float64 2.46 GB. The stored values are for colour (256 levels are more than
 * a colour scale shows) and shape; every number shown as a number (hover, equations, the selected unit) should come
 * from {@link #exact}, which recomputes the stretch in float64 from the checkpoint before it: the state (h, c) of
 * every layer every K steps ({@link Checkpoints}, 128 by default; 8 KB per checkpoint for the 2 × 128 LSTM, 6.4 MB
 * for 200,000 steps). The readout's probabilities are not stored: {@link #exact} gives them for any stretch.
 *
 * <p><b>Filling it.</b> {@link #record} runs the forward pass on the calling thread, a chunk of steps at a time
 * (with a helper thread running layer 0 a chunk ahead when there are two cores, {@link #threads()});
 * other threads see {@link #completedSteps()} grow and may read every completed step while it runs (the count is
 * published after the chunk's values, so a reader that has seen it sees them), be told of progress, and
 * {@link #cancel()} it (it stops at the end of the chunk it is in). Nothing is allocated per step.
 *
 * <p><b>Gradients</b> are computed on demand over a window of steps before a selected one:
 * {@link #gradientWindow}.
 */
public final class CompactTrace {
    /** Steps per checkpoint, unless the caller chooses. */
    public static final int DEFAULT_EVERY = 128;
    /** Steps per block of a stored column, and per chunk of the forward pass (at most). */
    static final int BLOCK = 512;
    private static final int CHUNK = 256;

    /** How a series is stored; the decoded value is within {@link #maxError} (or, for HALF, a relative 2⁻¹¹). */
    public enum Encoding {
        /** [0, 1] (σ gates) as round(254·v) in a byte; 255 marks NaN; out-of-range values clip to 0 or 1. */
        UNIT8(1.0 / 508),
        /** [−1, 1] (tanh outputs, h) as round(127·v) in a signed byte; −128 marks NaN; clips to ±1. */
        SIGNED8(1.0 / 254),
        /** IEEE binary16 ({@link HalfFloat}): 11 significant bits, magnitudes up to 65504 (beyond: ±∞). */
        HALF(0);

        private final double maxError;

        Encoding(double maxError) {
            this.maxError = maxError;
        }

        /** Largest absolute error of a decoded value in range (0 for HALF, whose error is relative). */
        public double maxError() { return maxError; }

        int bytes() { return this == HALF ? 2 : 1; }
    }

    /**
     * One stored quantity of a layer, [T][H]: {@code key} as in the trace file ({@code h}, {@code c},
     * {@code gates.forget}, ...); {@code gate} the block index of a gate, −1 for h, −2 for c.
     */
    public record Series(String key, int gate, Encoding encoding) {
        static final int H = -1, C = -2;
    }

    private final RnnModel model;
    private final InputBatch input;
    private final List<Intervention> interventions;
    private final Checkpoints checkpoints;
    private final List<Series> series;
    private final int steps;
    private final int hidden;
    private final Column[][] columns; // [layer][series]
    private volatile int completed;
    private volatile boolean cancelled;
    private boolean started;
    private int threads = ChunkedPass.defaultThreads();

    /** Room for the trace of {@code input} (one sequence) with a checkpoint every {@link #DEFAULT_EVERY} steps. */
    public CompactTrace(RnnModel model, InputBatch input, List<Intervention> interventions) {
        this(model, input, interventions, DEFAULT_EVERY);
    }

    /** Allocates every column and checkpoint (see {@link #bytesFor}); {@link #record} then fills them. */
    public CompactTrace(RnnModel model, InputBatch input, List<Intervention> interventions, int every) {
        if (input.batch() != 1) throw new IllegalArgumentException("a long trace takes one sequence, not " + input.batch());
        this.model = model;
        this.input = input;
        this.interventions = List.copyOf(interventions);
        this.steps = input.steps();
        this.hidden = model.hiddenSize();
        this.series = seriesOf(model.cell());
        this.checkpoints = new Checkpoints(model, steps, every);
        columns = new Column[model.layerCount()][series.size()];
        for (Column[] layer : columns)
            for (int s = 0; s < layer.length; s++) layer[s] = new Column(series.get(s).encoding(), steps, hidden);
    }

    /** The series every layer of a cell keeps: h, c (LSTM), then each gate in block order. */
    public static List<Series> seriesOf(CellType cell) {
        List<Series> s = new ArrayList<>();
        s.add(new Series("h", Series.H, Encoding.SIGNED8));
        if (cell.hasCellState()) s.add(new Series("c", Series.C, Encoding.HALF));
        for (int g = 0; g < cell.gateNames().size(); g++)
            s.add(new Series("gates." + cell.gateNames().get(g), g,
                    cell.isTanhBlock(g) ? Encoding.SIGNED8 : Encoding.UNIT8));
        return List.copyOf(s);
    }

    /**
     * Bytes of heap a compact trace of {@code steps} steps takes while it is recorded: the columns, the checkpoints
     * and the forward pass's chunk (two on two threads; not counting the input). For the 2 × 128 LSTM at 200,000
     * steps: 358 MB of columns, 6.4 MB of checkpoints, about 4 MB per chunk.
     */
    public static long bytesFor(RnnModel model, int steps, int every) {
        long perStepAndUnit = 0;
        for (Series s : seriesOf(model.cell())) perStepAndUnit += s.encoding().bytes();
        long blocks = (steps + BLOCK - 1) / BLOCK, columns = (long) model.layerCount() * seriesOf(model.cell()).size();
        long data = (long) steps * model.hiddenSize() * model.layerCount() * perStepAndUnit + columns * blocks * 16;
        return data + Checkpoints.bytesFor(model, steps, every)
                + ChunkedPass.defaultThreads() * Trace.bytesFor(model, 1, Math.min(steps, CHUNK));
    }

    public RnnModel model() { return model; }

    public int steps() { return steps; }

    public int layerCount() { return columns.length; }

    public int hiddenSize() { return hidden; }

    /** The token ids of the input, or null for numeric input. */
    public int[] tokens() { return input.tokens(); }

    /** K, the steps between checkpoints. */
    public int checkpointEvery() { return checkpoints.every(); }

    /** The series each layer keeps, in the order their index names them. */
    public List<Series> series() { return series; }

    /** The index of the series named {@code key} ({@code h}, {@code c}, {@code gates.forget}, ...), or −1. */
    public int seriesIndex(String key) {
        for (int i = 0; i < series.size(); i++) if (series.get(i).key().equals(key)) return i;
        return -1;
    }

    /** Steps 0..completedSteps()−1 are stored and readable. */
    public int completedSteps() { return completed; }

    public boolean isComplete() { return completed == steps; }

    public boolean isCancelled() { return cancelled; }

    /** Asks {@link #record} to stop after the chunk it is in; safe from any thread. */
    public void cancel() { cancelled = true; }

    /**
     * Runs the forward pass over the whole input on this thread and stores every step, a chunk at a time. After
     * each chunk {@code progress} (if not null) gets the number of steps done. Returns when every step is stored or,
     * after {@link #cancel()}, at the end of a chunk ({@link #isCancelled()}; the steps done stay readable).
     *
     * @throws IllegalStateException when called a second time
     */
    public void record(LongConsumer progress) {
        synchronized (this) {
            if (started) throw new IllegalStateException("this trace has been recorded already");
            started = true;
        }
        ChunkedPass pass = new ChunkedPass(model, input, interventions, CHUNK).withoutReadout().withThreads(threads);
        pass.sweep(checkpoints, this::store, (trace, g, from, n) -> {
            completed = from + n;
            if (progress != null) progress.accept(from + n);
        }, () -> cancelled);
    }

    /** Threads {@link #record} uses: 2 (a pipeline over the layers, the same bits as one) on two cores or more. */
    public int threads() { return threads; }

    /** Records on {@code n} threads (1 or 2) instead; before {@link #record}. Returns this trace. */
    public CompactTrace withThreads(int n) {
        if (n < 1 || n > 2) throw new IllegalArgumentException("1 or 2 threads, not " + n);
        threads = n;
        return this;
    }

    /** Stores layer l of a chunk. */
    private void store(Trace trace, int l, int from, int n) {
        LayerTrace lt = trace.layer(l);
        for (int s = 0; s < series.size(); s++) {
            Column col = columns[l][s];
            int gate = series.get(s).gate();
            for (int t = 0; t < n; t++) {
                double[] src = gate == Series.H ? lt.h[t].data : gate == Series.C ? lt.c[t].data : lt.act[t].data;
                col.put(from + t, src, gate >= 0 ? gate * hidden : 0);
            }
        }
    }

    /** The stored value of one cell (step < {@link #completedSteps()}). */
    public float value(int layer, int series, int step, int unit) {
        checkRange(step, step + 1);
        return columns[layer][series].get(step, unit);
    }

    /**
     * Steps {@code from..to−1} of a series, every unit: {@code out[(t − from)·H + u]}. Only completed steps.
     *
     * @param out at least (to − from)·H entries. Modified.
     */
    public void read(int layer, int series, int from, int to, float[] out) {
        checkRange(from, to);
        columns[layer][series].read(from, to, out);
    }

    /** Steps {@code from..to−1} of one unit of a series: {@code out[t − from]}. */
    public void readUnit(int layer, int series, int unit, int from, int to, float[] out) {
        checkRange(from, to);
        Column c = columns[layer][series];
        for (int t = from; t < to; t++) out[t - from] = c.get(t, unit);
    }

    private void checkRange(int from, int to) {
        int done = completed;
        if (from < 0 || to > done || from > to)
            throw new IndexOutOfBoundsException("steps " + from + ".." + (to - 1) + " are not stored (0.." + (done - 1) + " are)");
    }

    /**
     * Steps {@code first..last} in exact float64, recomputed from the checkpoint at or before {@code first}: at most
     * K − 1 steps more than asked for. Any thread, while recording goes on (completed steps only).
     */
    public StepWindow exact(int first, int last) {
        checkRange(first, last + 1);
        int from = first / checkpoints.every() * checkpoints.every(), n = last - from + 1;
        ChunkedPass pass = new ChunkedPass(model, input, interventions, n);
        checkpoints.restore(from / checkpoints.every(), pass.chunk);
        pass.forward(from, n);
        return new StepWindow(pass.chunk, null, from, first, last, null);
    }

    /**
     * The gradient of a one-step objective (the model's loss at step s, {@link StepObjective#nextTokenAt}, or
     * {@code v · h_s}, {@link StepObjective#dotAt}) over the {@code window} steps up to s, {@code s−window+1..s}:
     * re-runs the forward pass from the checkpoint before the window, then back-propagates from step s.
     *
     * <p>What it means: L depends on the steps up to s only, and on h_t (t ≤ s) only through steps t+1..s, all
     * inside the window; so dL/dh_t, dL/dc_t and dL/dx_t for t in the window are exact, the same numbers full BPTT
     * over the whole sequence gives (not a truncated approximation). What the window leaves out is the gradient at
     * the steps before it (how far back step s still reaches: widen the window to see) and the gradient of the
     * parameters, which sums over every step before s, so none is given. Steps after s have gradient 0.
     */
    public StepWindow gradientWindow(StepObjective objective, int window) {
        if (window < 1) throw new IllegalArgumentException("a window of " + window + " steps");
        if (objective.firstStep() != objective.lastStep())
            throw new IllegalArgumentException("a gradient window needs an objective at one step, not " + objective.describe());
        int s = objective.lastStep();
        objective.check(model, steps);
        checkRange(s, s + 1);
        int first = Math.max(0, s - window + 1);
        int from = first / checkpoints.every() * checkpoints.every(), n = s - from + 1;
        ChunkedPass pass = new ChunkedPass(model, input, interventions, n);
        pass.recompute(checkpoints, from, n);
        pass.backward(objective, from, n);
        return new StepWindow(pass.chunk, pass.gradients(), from, first, s, objective.describe());
    }

    /** A series of one layer, [T][H], in blocks of {@link #BLOCK} steps. */
    private static final class Column {
        private final Encoding encoding;
        private final int hidden;
        private final byte[][] bytes;   // UNIT8, SIGNED8
        private final short[][] halves; // HALF

        Column(Encoding encoding, int steps, int hidden) {
            this.encoding = encoding;
            this.hidden = hidden;
            int blocks = (steps + BLOCK - 1) / BLOCK;
            bytes = encoding == Encoding.HALF ? null : new byte[blocks][];
            halves = encoding == Encoding.HALF ? new short[blocks][] : null;
            for (int b = 0; b < blocks; b++) {
                int len = Math.min(BLOCK, steps - b * BLOCK) * hidden;
                if (bytes != null) bytes[b] = new byte[len];
                else halves[b] = new short[len];
            }
        }

        /** Stores {@code src[off..off+H−1]} as step t. */
        void put(int t, double[] src, int off) {
            int o = (t % BLOCK) * hidden;
            switch (encoding) {
                case UNIT8 -> {
                    byte[] d = bytes[t / BLOCK];
                    for (int u = 0; u < hidden; u++) {
                        double v = src[off + u];
                        d[o + u] = (byte) (v != v ? 255 : (int) Math.rint(Math.min(1.0, Math.max(0.0, v)) * 254));
                    }
                }
                case SIGNED8 -> {
                    byte[] d = bytes[t / BLOCK];
                    for (int u = 0; u < hidden; u++) {
                        double v = src[off + u];
                        d[o + u] = (byte) (v != v ? -128 : (int) Math.rint(Math.min(1.0, Math.max(-1.0, v)) * 127));
                    }
                }
                case HALF -> {
                    short[] d = halves[t / BLOCK];
                    for (int u = 0; u < hidden; u++) d[o + u] = HalfFloat.fromFloat((float) src[off + u]);
                }
            }
        }

        float get(int t, int u) {
            int i = (t % BLOCK) * hidden + u;
            return switch (encoding) {
                case UNIT8 -> unit8(bytes[t / BLOCK][i]);
                case SIGNED8 -> signed8(bytes[t / BLOCK][i]);
                case HALF -> HalfFloat.toFloat(halves[t / BLOCK][i]);
            };
        }

        void read(int from, int to, float[] out) {
            int k = 0;
            for (int t = from; t < to; t++) {
                int b = t / BLOCK, o = (t % BLOCK) * hidden;
                switch (encoding) {
                    case UNIT8 -> {
                        byte[] d = bytes[b];
                        for (int u = 0; u < hidden; u++) out[k++] = unit8(d[o + u]);
                    }
                    case SIGNED8 -> {
                        byte[] d = bytes[b];
                        for (int u = 0; u < hidden; u++) out[k++] = signed8(d[o + u]);
                    }
                    case HALF -> {
                        short[] d = halves[b];
                        for (int u = 0; u < hidden; u++) out[k++] = HalfFloat.toFloat(d[o + u]);
                    }
                }
            }
        }

        private static float unit8(byte code) {
            int c = code & 0xff;
            return c == 255 ? Float.NaN : c / 254f;
        }

        private static float signed8(byte code) {
            return code == -128 ? Float.NaN : code / 127f;
        }
    }
}
