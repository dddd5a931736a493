package org.rnnexplorer.model;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Full backpropagation through time over a sequence too long to hold its trace: checkpointed BPTT. A first forward
 * sweep keeps only the state every K steps ({@link Checkpoints}). Then, from the last chunk of steps to the first,
 * each chunk is recomputed forward from the checkpoint at its start and back-propagated, the gradient reaching its
 * first step from inside it (dL/dh and dL/dc of each layer, through the recurrence and the cell path) carried into
 * the chunk before it as the gradient that arrives at that chunk's last step from later ones:
 * <pre>
 * dL/dh_t = ∂ℓ_t/∂h_t (+ layer above) + dpre_{t+1} W_hh,    dL/dc_t = (…) + dL/dc_{t+1} ⊙ f_{t+1}
 * </pre>
 * with {@code dpre_{t+1}} and {@code dL/dc_{t+1}} of the first step of the next chunk when t is the last of this one.
 * That is the same sum as the full {@link BackwardPass}, step for step: per-step gradients agree to the last bit and
 * the parameter gradients, summed chunk by chunk, within about 1e-15 relative ({@code CheckpointedBackwardTest}
 * asserts 1e-12). Memory: the checkpoints and one chunk's trace and gradients ({@link #bytesFor}); time: two
 * forward passes and one backward.
 */
public final class CheckpointedBackward {
    /** Steps per checkpoint and per chunk, unless the caller chooses. */
    public static final int DEFAULT_EVERY = 128;
    public static final int DEFAULT_CHUNK = 1024;

    private final ChunkedPass pass;
    private final Checkpoints checkpoints;
    private final int chunkSteps;
    private double loss;

    /**
     * Prepares a pass over {@code input} (one sequence), a checkpoint every {@code every} steps and chunks of
     * {@code chunkSteps} (rounded up to a multiple of {@code every}).
     */
    public CheckpointedBackward(RnnModel model, InputBatch input, List<Intervention> interventions, int every,
                                int chunkSteps) {
        this.chunkSteps = Math.max(1, (chunkSteps + every - 1) / every) * every;
        this.pass = new ChunkedPass(model, input, interventions, this.chunkSteps);
        this.checkpoints = new Checkpoints(model, input.steps(), every);
    }

    /**
     * Bytes of heap such a pass over {@code steps} steps takes: checkpoints, one chunk's gradients and the traces of
     * one chunk (two when it runs on two threads, {@link ChunkedPass}).
     */
    public static long bytesFor(RnnModel model, int steps, int every, int chunkSteps) {
        int chunk = Math.min(steps, Math.max(1, (chunkSteps + every - 1) / every) * every);
        return Checkpoints.bytesFor(model, steps, every) + ChunkedPass.defaultThreads() * Trace.bytesFor(model, 1, chunk)
                + Gradients.bytesFor(model, 1, chunk);
    }

    /**
     * Leaves out the parameter gradients: {@link #backward} then gives only the per-step gradients (dL/dh_t, dL/dc_t,
     * dL/dx_t) and L, and {@link #parameterGradients()} stays zero; the sums over steps it saves are a fifth of the
     * work. Returns this pass.
     */
    public CheckpointedBackward withoutParameterGradients() {
        pass.withoutParameterGradients();
        return this;
    }

    /** Runs the sweeps on {@code n} threads (1 or 2) instead. */
    CheckpointedBackward withThreads(int n) {
        pass.withThreads(n);
        return this;
    }

    /** Threads the sweeps use: 2 on a machine with two cores or more (a pipeline, the same bits as one), else 1. */
    public int threads() { return pass.threads(); }

    /**
     * The forward sweep: runs the sequence from step 0, saving the checkpoints, and hands every chunk's trace to
     * {@code forward} in step order (the gradients argument is null) on this thread. Must come before
     * {@link #backward}, which hands over the chunks on this thread too.
     */
    public void forward(ChunkConsumer forward) {
        pass.sweep(checkpoints, forward, () -> false);
    }

    /**
     * Back-propagates {@code objective} through the whole sequence, last chunk first, handing each chunk's
     * recomputed trace and its gradients (dL/dh_t, dL/dc_t and dL/dx_t of every layer, exact) to {@code backward}.
     * Afterwards {@link #parameterGradients()} hold dL/dθ and {@link #loss()} L.
     */
    public void backward(StepObjective objective, ChunkConsumer backward) {
        objective.check(pass.model, pass.steps());
        Gradients g = pass.gradients();
        g.zeroParameters();
        g.zeroCarries();
        loss = pass.backwardSweep(checkpoints, chunkSteps, objective, backward);
    }

    /** L of the last {@link #backward}. */
    public double loss() { return loss; }

    /** dL/dθ of the last {@link #backward}, under PyTorch's names. */
    public Map<String, DMatrixRMaj> parameterGradients() { return pass.gradients().parameters(); }

    /** dL/dh_{-1}, dL/dc_{-1} of layer l: the gradient at the initial state. */
    public LayerGradients firstStepGradients(int layer) { return pass.gradients().layer(layer); }

    /** Receives a chunk: its local steps 0..n−1 are the sequence's steps from..from+n−1. */
    @FunctionalInterface
    public interface ChunkConsumer {
        /** @param gradients null in the forward sweep */
        void accept(Trace trace, Gradients gradients, int from, int n);
    }
}
