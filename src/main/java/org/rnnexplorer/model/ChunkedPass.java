package org.rnnexplorer.model;

import java.util.List;

/**
 * The forward and backward passes over one long sequence, a chunk of steps at a time, in a trace (and gradients)
 * the size of a chunk. Steps are counted along the sequence; the chunk's local step t is step {@code from + t}.
 * Allocates its workspace once; the passes allocate nothing per step. One thread at a time.
 */
final class ChunkedPass {
    final RnnModel model;
    final InputBatch input;
    final Trace chunk;
    private final Clamps[] clamps;
    private final CellKernel kernel;
    private Gradients gradients;
    /** Whether the forward steps compute the readout's probabilities (default yes). */
    private boolean readout = true;

    ChunkedPass(RnnModel model, InputBatch input, List<Intervention> interventions, int chunkSteps) {
        if (input.batch() != 1) throw new IllegalArgumentException("a long trace takes one sequence, not " + input.batch());
        this.model = model;
        this.input = input;
        this.chunk = new Trace(model, 1, Math.min(chunkSteps, input.steps()));
        ForwardPass.checkShapes(model, input, chunk);
        this.clamps = Clamps.perLayer(interventions, model);
        this.kernel = CellKernel.of(model.cell());
    }

    int steps() { return input.steps(); }

    int capacity() { return chunk.steps(); }

    /** Steps from..from+n−1 forward, from the state in the chunk's h0, c0 (the state after step from−1). */
    void forward(int from, int n) {
        ForwardPass.runSteps(model, input, from, n, clamps, kernel, chunk, readout);
    }

    /** Leaves out the readout (a store of states needs no probabilities). */
    ChunkedPass withoutReadout() {
        readout = false;
        return this;
    }

    /** Makes the state after local step t the chunk's starting state, so that the next chunk follows this one. */
    void carryState(int t) {
        for (int l = 0; l < chunk.layerCount(); l++) {
            LayerTrace lt = chunk.layer(l);
            lt.h0.setTo(lt.h[t]);
            if (lt.c != null) lt.c0.setTo(lt.c[t]);
        }
    }

    /** Zero state: the chunk starts at step 0. */
    void resetState() {
        for (int l = 0; l < chunk.layerCount(); l++) {
            chunk.layer(l).h0.zero();
            chunk.layer(l).c0.zero();
        }
    }

    /**
     * Runs the sequence forward from step 0, chunk by chunk, saving every checkpoint, and hands each chunk to
     * {@code sink} (in order) unless it is null. Stops early, between chunks, once {@code cancelled} says so.
     *
     * @return the steps done
     */
    int sweep(Checkpoints checkpoints, CheckpointedBackward.ChunkConsumer sink,
              java.util.function.BooleanSupplier cancelled) {
        int every = checkpoints.every(), size = capacity() / every * every, steps = steps();
        if (size == 0) size = capacity();
        resetState();
        for (int from = 0; from < steps; from += size) {
            if (cancelled.getAsBoolean()) return from;
            int n = Math.min(size, steps - from);
            forward(from, n);
            for (int t = 0; t < n; t++) {
                int next = from + t + 1;
                if (next % every == 0 && next < steps) checkpoints.save(next / every, chunk, t);
            }
            if (sink != null) sink.accept(chunk, null, from, n);
            carryState(n - 1);
        }
        return steps;
    }

    /** The gradients the size of the chunk, made on first use. */
    Gradients gradients() {
        if (gradients == null) gradients = new Gradients(model, 1, capacity());
        return gradients;
    }

    /** Steps from..from+n−1 forward from the checkpoint at {@code from} (a multiple of K). */
    void recompute(Checkpoints checkpoints, int from, int n) {
        checkpoints.restore(from / checkpoints.every(), chunk);
        forward(from, n);
    }

    /**
     * Back-propagates {@code objective} over steps from..from+n−1, which the chunk holds (just recomputed),
     * continuing from the carries the chunk after this one left in the gradients.
     *
     * @return the objective's terms over these steps
     */
    double backward(StepObjective objective, int from, int n) {
        Gradients g = gradients();
        g.zeroSeeds(n);
        double loss = objective.seed(chunk, from, n, g.dTopDirect, g.dLogits);
        for (Clamps c : clamps) c.startAt(from);
        BackwardPass.backwardSteps(model, chunk, objective.usesReadout(), clamps, g, n);
        return loss;
    }
}
