package org.rnnexplorer.model;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The forward and backward passes over one long sequence, a chunk of steps at a time, in a trace (and gradients)
 * the size of a chunk. Steps are counted along the sequence; the chunk's local step t is step {@code from + t}.
 * Allocates its workspace once; the passes allocate nothing per step. One caller thread at a time.
 *
 * <p><b>Two threads.</b> The sweeps over the whole sequence ({@link #sweep}, {@link #backwardSweep}) use a second
 * core when there is one, as a two-stage pipeline over two chunk buffers ({@link ChunkHandoff}). Forward: a helper
 * thread runs layer 0 of chunk i and the input side of layer 1 (x_t W_ihᵀ, which needs no recurrence) while the
 * calling thread runs the recurrence of layer 1, the layers above and the readout of chunk i − 1. Backward: the
 * helper recomputes chunk i − 1 forward from its checkpoint while the caller back-propagates chunk i. Every value is
 * computed by the same arithmetic in the same order as on one thread, so the results are the same bits.
 */
final class ChunkedPass {
    final RnnModel model;
    final InputBatch input;
    final Trace chunk;
    private final List<Intervention> interventions;
    private final Clamps[] clamps;
    private final CellKernel kernel;
    private Gradients gradients;
    /** Whether the forward steps compute the readout's probabilities (default yes). */
    private boolean readout = true;
    /** Whether the backward passes sum dL/dθ (default yes). */
    private boolean parameterGradients = true;
    private int threads = defaultThreads();
    /** The pipeline's second buffer and the helper thread's clamps (their step counter is its own); made on use. */
    private Trace second;
    private Clamps[] helperClamps;
    private boolean chunkPrepared, secondPrepared;

    ChunkedPass(RnnModel model, InputBatch input, List<Intervention> interventions, int chunkSteps) {
        if (input.batch() != 1) throw new IllegalArgumentException("a long trace takes one sequence, not " + input.batch());
        this.model = model;
        this.input = input;
        this.interventions = List.copyOf(interventions);
        this.chunk = new Trace(model, 1, Math.min(chunkSteps, input.steps()));
        ForwardPass.checkShapes(model, input, chunk);
        this.clamps = Clamps.perLayer(interventions, model);
        this.kernel = CellKernel.of(model.cell());
    }

    /** Two threads when the machine has two cores or more, else one. */
    static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    int steps() { return input.steps(); }

    int capacity() { return chunk.steps(); }

    /** Threads the sweeps use: 1, or 2 for the pipeline. */
    int threads() { return threads; }

    /** Runs the sweeps on {@code n} threads (1 or 2; the default is {@link #defaultThreads()}). */
    ChunkedPass withThreads(int n) {
        if (n < 1 || n > 2) throw new IllegalArgumentException("1 or 2 threads, not " + n);
        threads = n;
        return this;
    }

    /** Steps from..from+n−1 forward, from the state in the chunk's h0, c0 (the state after step from−1). */
    void forward(int from, int n) {
        forward(chunk, from, n, clamps);
    }

    private void forward(Trace trace, int from, int n, Clamps[] cl) {
        prepare(trace);
        ForwardPass.runPrepared(model, input, from, n, cl, kernel, trace, readout);
    }

    /** Transposes the weights into {@code trace}'s workspace once per pass (the model does not change during it). */
    private void prepare(Trace trace) {
        if (trace == chunk ? chunkPrepared : secondPrepared) return;
        ForwardPass.prepare(model, trace);
        if (trace == chunk) chunkPrepared = true;
        else secondPrepared = true;
    }

    /** Leaves out the readout (a store of states needs no probabilities). */
    ChunkedPass withoutReadout() {
        readout = false;
        return this;
    }

    /** Leaves out dL/dθ from the backward passes (what only needs dL/dh, dL/dc and dL/dx per step). */
    ChunkedPass withoutParameterGradients() {
        parameterGradients = false;
        return this;
    }

    /** Makes the state after local step t the chunk's starting state, so that the next chunk follows this one. */
    void carryState(int t) {
        carryLayers(chunk, t, chunk, 0, chunk.layerCount());
    }

    /** Layers first..end−1 of {@code to} start from the state of {@code from} after its local step t. */
    private static void carryLayers(Trace from, int t, Trace to, int first, int end) {
        for (int l = first; l < end; l++) {
            LayerTrace src = from.layer(l), dst = to.layer(l);
            dst.h0.setTo(src.h[t]);
            if (src.c != null) dst.c0.setTo(src.c[t]);
        }
    }

    private static void zeroLayers(Trace trace, int first, int end) {
        for (int l = first; l < end; l++) {
            trace.layer(l).h0.zero();
            trace.layer(l).c0.zero();
        }
    }

    /** Zero state: the chunk starts at step 0. */
    void resetState() {
        zeroLayers(chunk, 0, chunk.layerCount());
    }

    /** Receives one layer of a chunk once it is computed, on the calling thread. */
    @FunctionalInterface
    interface LayerConsumer {
        void accept(Trace trace, int layer, int from, int n);
    }

    /** {@link #sweep(Checkpoints, LayerConsumer, CheckpointedBackward.ChunkConsumer, BooleanSupplier)} without the layers. */
    int sweep(Checkpoints checkpoints, CheckpointedBackward.ChunkConsumer sink, BooleanSupplier cancelled) {
        return sweep(checkpoints, null, sink, cancelled);
    }

    /**
     * Runs the sequence forward from step 0, chunk by chunk, saving every checkpoint, and hands each chunk's layers
     * to {@code layers} and then the whole chunk to {@code sink}, in order, on this thread (either may be null; on
     * two threads the helper computes the next chunk's lower layer meanwhile, which balances the stages). Stops
     * early, between chunks, once {@code cancelled} says so.
     *
     * @return the steps done
     */
    int sweep(Checkpoints checkpoints, LayerConsumer layers, CheckpointedBackward.ChunkConsumer sink,
              BooleanSupplier cancelled) {
        int every = checkpoints.every(), size = capacity() / every * every, steps = steps();
        if (size == 0) size = capacity();
        if (threads > 1 && steps > size) return pipelinedSweep(checkpoints, layers, sink, cancelled, size);
        resetState();
        int layerCount = model.layerCount();
        for (int from = 0; from < steps; from += size) {
            if (cancelled.getAsBoolean()) return from;
            int n = Math.min(size, steps - from);
            forward(from, n);
            saveCheckpoints(checkpoints, chunk, from, n, 0, layerCount);
            if (layers != null) for (int l = 0; l < layerCount; l++) layers.accept(chunk, l, from, n);
            if (sink != null) sink.accept(chunk, null, from, n);
            carryState(n - 1);
        }
        return steps;
    }

    /** Saves layers first..end−1 of every checkpoint that falls inside the chunk's steps from..from+n−1. */
    private void saveCheckpoints(Checkpoints checkpoints, Trace trace, int from, int n, int first, int end) {
        int every = checkpoints.every(), steps = steps();
        for (int t = 0; t < n; t++) {
            int next = from + t + 1;
            if (next % every == 0 && next < steps)
                for (int l = first; l < end; l++) checkpoints.saveLayer(next / every, trace, t, l);
        }
    }

    private Trace second() {
        if (second == null) second = new Trace(model, 1, capacity());
        return second;
    }

    private Clamps[] helperClamps() {
        if (helperClamps == null) helperClamps = Clamps.perLayer(interventions, model);
        return helperClamps;
    }

    /**
     * The forward sweep as a pipeline: the helper does layers 0..split−1 of each chunk and the input side of layer
     * split; this thread the recurrence of layer split, the layers above it and the readout. split = 1 (0 for a
     * one-layer model, whose helper only does the input side).
     */
    private int pipelinedSweep(Checkpoints checkpoints, LayerConsumer layers, CheckpointedBackward.ChunkConsumer sink,
                               BooleanSupplier cancelled, int size) {
        Trace[] buffers = {chunk, second()};
        prepare(chunk);
        prepare(buffers[1]);
        Clamps[] lower = helperClamps();
        int steps = steps(), chunks = (steps + size - 1) / size, layerCount = model.layerCount();
        int split = layerCount > 1 ? 1 : 0;
        int[] done = {0};
        ChunkHandoff hand = new ChunkHandoff();
        ChunkHandoff.run("forward-pipeline", () -> {
            for (int i = 0; i < chunks; i++) {
                if (cancelled.getAsBoolean() || !hand.awaitFree(i)) return;
                Trace trace = buffers[i % 2];
                int from = i * size, n = Math.min(size, steps - from);
                if (i == 0) zeroLayers(trace, 0, split);
                else carryLayers(buffers[(i - 1) % 2], size - 1, trace, 0, split);
                ForwardPass.fillInput(model, input, from, n, trace);
                for (int l = 0; l < split; l++) {
                    ForwardPass.inputProjection(model, trace, l, n);
                    ForwardPass.recurrence(model, trace, l, from, n, lower[l], kernel);
                }
                saveCheckpoints(checkpoints, trace, from, n, 0, split);
                ForwardPass.inputProjection(model, trace, split, n);
                hand.produced(i + 1);
            }
        }, () -> {
            for (int i = 0; i < chunks; i++) {
                if (cancelled.getAsBoolean() || !hand.awaitProduced(i)) return;
                Trace trace = buffers[i % 2];
                int from = i * size, n = Math.min(size, steps - from);
                if (i == 0) zeroLayers(trace, split, layerCount);
                else carryLayers(buffers[(i - 1) % 2], size - 1, trace, split, layerCount);
                ForwardPass.recurrence(model, trace, split, from, n, clamps[split], kernel);
                for (int l = split + 1; l < layerCount; l++) {
                    ForwardPass.inputProjection(model, trace, l, n);
                    ForwardPass.recurrence(model, trace, l, from, n, clamps[l], kernel);
                }
                if (readout && model.hasHead()) ForwardPass.readout(model, trace, n);
                saveCheckpoints(checkpoints, trace, from, n, split, layerCount);
                if (layers != null) for (int l = 0; l < layerCount; l++) layers.accept(trace, l, from, n);
                if (sink != null) sink.accept(trace, null, from, n);
                done[0] = from + n;
                hand.consumed(i + 1);
            }
        }, hand);
        return done[0];
    }

    /** The gradients the size of the chunk, made on first use. */
    Gradients gradients() {
        if (gradients == null) gradients = new Gradients(model, 1, capacity());
        return gradients;
    }

    /** Steps from..from+n−1 forward from the checkpoint at {@code from} (a multiple of K). */
    void recompute(Checkpoints checkpoints, int from, int n) {
        recompute(chunk, checkpoints, from, n, clamps);
    }

    private void recompute(Trace trace, Checkpoints checkpoints, int from, int n, Clamps[] cl) {
        checkpoints.restore(from / checkpoints.every(), trace);
        forward(trace, from, n, cl);
    }

    /**
     * Back-propagates {@code objective} over steps from..from+n−1, which the chunk holds (just recomputed),
     * continuing from the carries the chunk after this one left in the gradients.
     *
     * @return the objective's terms over these steps
     */
    double backward(StepObjective objective, int from, int n) {
        return backward(chunk, objective, from, n);
    }

    private double backward(Trace trace, StepObjective objective, int from, int n) {
        Gradients g = gradients();
        g.zeroSeeds(n);
        double loss = objective.seed(trace, from, n, g.dTopDirect, g.dLogits);
        for (Clamps c : clamps) c.startAt(from);
        BackwardPass.backwardSteps(model, trace, objective.usesReadout(), clamps, g, n, parameterGradients);
        return loss;
    }

    /**
     * Back-propagates {@code objective} through the whole sequence in chunks of {@code size} steps (a multiple of
     * K), last chunk first: each recomputed from its checkpoint, back-propagated with the carries of the chunk
     * after it, and handed with the gradients to {@code consumer} (if not null) on this thread. The caller zeroes
     * the parameter gradients and the carries first.
     *
     * @return L, the objective's terms summed last chunk first
     */
    double backwardSweep(Checkpoints checkpoints, int size, StepObjective objective,
                         CheckpointedBackward.ChunkConsumer consumer) {
        int steps = steps(), last = (steps - 1) / size * size, chunks = last / size + 1;
        double[] loss = {0};
        if (threads < 2 || chunks < 2) {
            for (int from = last; from >= 0; from -= size) {
                int n = Math.min(size, steps - from);
                recompute(checkpoints, from, n);
                loss[0] += backward(objective, from, n);
                if (consumer != null) consumer.accept(chunk, gradients(), from, n);
            }
            return loss[0];
        }
        Trace[] buffers = {chunk, second()};
        prepare(chunk);
        prepare(buffers[1]);
        Clamps[] helper = helperClamps();
        gradients();
        ChunkHandoff hand = new ChunkHandoff();
        ChunkHandoff.run("backward-pipeline", () -> {
            for (int i = 0; i < chunks; i++) {
                if (!hand.awaitFree(i)) return;
                int from = last - i * size;
                recompute(buffers[i % 2], checkpoints, from, Math.min(size, steps - from), helper);
                hand.produced(i + 1);
            }
        }, () -> {
            for (int i = 0; i < chunks; i++) {
                if (!hand.awaitProduced(i)) return;
                int from = last - i * size, n = Math.min(size, steps - from);
                loss[0] += backward(buffers[i % 2], objective, from, n);
                if (consumer != null) consumer.accept(buffers[i % 2], gradients, from, n);
                hand.consumed(i + 1);
            }
        }, hand);
        return loss[0];
    }
}
