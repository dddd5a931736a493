package org.rnnexplorer.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Objective;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.SquaredErrorObjective;
import org.rnnexplorer.model.Trace;

/**
 * One forward and backward pass of a batch (or of one chunk of it) through a model, in workspaces that are made once
 * per chunk length and reused. The state at the end of a chunk is kept, so the next chunk can start from it
 * (truncated BPTT: the gradient stops at the chunk's start, the state does not).
 */
public final class TrainingStep {
    private final RnnModel model;
    private final int batch;
    private final Map<Integer, Trace> traces = new HashMap<>();
    private final Map<Integer, Gradients> gradients = new HashMap<>();
    private final DMatrixRMaj[] carryH;
    private final DMatrixRMaj[] carryC;
    private Trace trace;
    private Gradients grads;

    public TrainingStep(RnnModel model, int batch) {
        this.model = model;
        this.batch = batch;
        carryH = new DMatrixRMaj[model.layerCount()];
        carryC = new DMatrixRMaj[model.layerCount()];
        for (int l = 0; l < model.layerCount(); l++) {
            carryH[l] = new DMatrixRMaj(batch, model.hiddenSize());
            carryC[l] = new DMatrixRMaj(batch, model.hiddenSize());
        }
    }

    /** The next chunk starts from zero state. */
    public void resetState() {
        for (int l = 0; l < carryH.length; l++) {
            carryH[l].zero();
            carryC[l].zero();
        }
    }

    /** Forward pass only, from the carried state; keeps the final state. Returns the trace (reused by the next call). */
    public Trace forward(TaskBatch chunk) {
        if (chunk.batch() != batch) throw new IllegalArgumentException("a chunk of " + chunk.batch() + " sequences, expected " + batch);
        int steps = chunk.steps();
        trace = traces.computeIfAbsent(steps, s -> new Trace(model, batch, s));
        for (int l = 0; l < model.layerCount(); l++) {
            LayerTrace lt = trace.layer(l);
            lt.h0.setTo(carryH[l]);
            lt.c0.setTo(carryC[l]);
        }
        ForwardPass.run(model, chunk.input(), List.of(), trace);
        for (int l = 0; l < model.layerCount(); l++) {
            LayerTrace lt = trace.layer(l);
            carryH[l].setTo(lt.h[steps - 1]);
            if (lt.c != null) carryC[l].setTo(lt.c[steps - 1]);
        }
        return trace;
    }

    /** Forward and backward of one chunk; returns the gradients (dL/dθ in {@code parameters()}), reused by the next call. */
    public Gradients forwardBackward(TaskBatch chunk) {
        forward(chunk);
        grads = gradients.computeIfAbsent(chunk.steps(), s -> new Gradients(model, batch, s).withInputGradient(false));
        BackwardPass.run(model, trace, objective(chunk), List.of(), grads);
        return grads;
    }

    public Trace trace() {
        return trace;
    }

    static Objective objective(TaskBatch chunk) {
        return chunk.isRegression() ? new SquaredErrorObjective(chunk.valueTargets())
                : new CrossEntropyObjective(chunk.classTargets(), "mean cross-entropy of the scored steps");
    }
}
