package org.rnnexplorer.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Full backpropagation through time from an {@link Objective}. Layers are taken top down; within a layer, steps
 * from last to first. At step t, with dpre the gradient at the gate pre-activations:
 * <pre>
 * dL/dh_t      = (objective or layer above at t) + dpre_{t+1} W_hh (+ GRU's z ⊙ path)
 * dL/dx_t      = dpre_t W_ih                      (the layer below's share of dL/dh_t)
 * dL/dW_ih    += dpre_tᵀ x_t        dL/dW_hh += dpre_tᵀ h_{t−1}        dL/db += Σ_b dpre_t
 * </pre>
 */
public final class BackwardPass {
    private BackwardPass() {
    }

    /** Allocates the gradients for one trace and runs. */
    public static Gradients run(RnnModel model, Trace trace, Objective objective, List<Intervention> interventions) {
        Gradients g = new Gradients(model, trace.batch(), trace.steps());
        run(model, trace, objective, interventions, g);
        return g;
    }

    public static Gradients run(RnnModel model, Trace trace, Objective objective) {
        return run(model, trace, objective, List.of());
    }

    /**
     * Fills {@code g} (made for the trace's batch and steps). {@code interventions} must be the ones the trace was
     * made with: a clamped value passes no gradient back.
     */
    public static void run(RnnModel model, Trace trace, Objective objective, List<Intervention> interventions,
                           Gradients g) {
        if (g.steps() != trace.steps() || g.batch() != trace.batch())
            throw new IllegalArgumentException("the gradients were made for another trace size");
        if (objective.usesReadout() && !model.hasHead())
            throw new IllegalArgumentException("this objective needs a readout and the model has none");
        Clamps[] clamps = Clamps.perLayer(interventions, model);
        int steps = trace.steps();
        g.zeroParameters();
        g.zeroSeeds(steps);
        g.loss = objective.seed(trace, g.dTopDirect, g.dLogits);
        g.zeroCarries();
        backwardSteps(model, trace, objective.usesReadout(), clamps, g, steps);
    }

    /**
     * Back-propagates steps {@code 0..steps−1} of {@code trace} (which may hold more), top layer first, last step
     * first, from the seeds in {@code g.dTopDirect} and {@code g.dLogits} and the carries each layer's
     * {@code dhNext}, {@code dcNext} hold on entry (dL/dh and dL/dc reaching the last step from after it: zeros for
     * a whole sequence, the next chunk's result for checkpointed BPTT). Adds into the parameter gradients; leaves the
     * carries into step 0 in {@code dhNext}, {@code dcNext} and in {@code dH0}, {@code dC0}.
     */
    static void backwardSteps(RnnModel model, Trace trace, boolean readout, Clamps[] clamps, Gradients g, int steps) {
        backwardSteps(model, trace, readout, clamps, g, steps, true);
    }

    /**
     * {@link #backwardSteps(RnnModel, Trace, boolean, Clamps[], Gradients, int)}, leaving the parameter gradients
     * as they are unless {@code parameters} (what needs only the per-step gradients saves the sums over steps).
     */
    static void backwardSteps(RnnModel model, Trace trace, boolean readout, Clamps[] clamps, Gradients g, int steps,
                              boolean parameters) {
        if (readout) readoutBackward(model, trace, g, steps, parameters);
        CellKernel kernel = CellKernel.of(model.cell());
        for (int l = model.layerCount() - 1; l >= 0; l--) {
            DMatrixRMaj[] external = l == model.layerCount() - 1 ? g.dTopDirect : g.layer(l + 1).dX;
            boolean needDx = l > 0 || g.inputGradient() || model.embedding() != null;
            layerBackward(model.layer(l), l, trace.layer(l), g.layer(l), external, kernel, clamps[l], g, needDx,
                    steps, parameters);
        }
        if (parameters && model.embedding() != null) {
            DMatrixRMaj dEmb = g.parameter("embedding.weight");
            int d = model.inputSize();
            LayerGradients g0 = g.layer(0);
            for (int t = 0; t < steps; t++) {
                double[] dx = g0.dX[t].data;
                for (int b = 0; b < trace.batch(); b++) {
                    int k = trace.tokens()[b][t];
                    for (int j = 0; j < d; j++) dEmb.data[k * d + j] += dx[b * d + j];
                }
            }
        }
    }

    /** dL/dh_t += dy_t W_head; dL/dW_head += dy_tᵀ h_t; dL/db_head += Σ_b dy_t. */
    private static void readoutBackward(RnnModel model, Trace trace, Gradients g, int steps, boolean parameters) {
        DMatrixRMaj dW = g.parameter("head.weight"), db = g.parameter("head.bias");
        MatrixKernels.toRows(model.headWeight(), g.headRows);
        for (int t = 0; t < steps; t++)
            MatrixKernels.multAdd(g.dLogits[t], g.headRows, g.dTopDirect[t], g.headScratch);
        if (parameters)
            MatrixKernels.addSumOfOuterProducts(g.dLogits, trace.top().h, steps, dW, db, g.headScratch, g.headChunk);
    }

    private static void layerBackward(LayerWeights w, int l, LayerTrace lt, LayerGradients lg, DMatrixRMaj[] external,
                                      CellKernel kernel, Clamps clamps, Gradients g, boolean needDx, int steps,
                                      boolean parameters) {
        DMatrixRMaj dWih = g.parameter("rnn.weight_ih_l" + l), dWhh = g.parameter("rnn.weight_hh_l" + l);
        DMatrixRMaj dBih = g.parameter("rnn.bias_ih_l" + l), dBhh = g.parameter("rnn.bias_hh_l" + l);
        boolean directPath = lg.cell.splitsRecurrentGradient();
        MatrixKernels.toRows(w.wHh, lg.wHhRows);
        if (needDx) MatrixKernels.toRows(w.wIh, lg.wIhRows);
        for (int t = steps - 1; t >= 0; t--) {
            CommonOps_DDRM.add(external[t], lg.dhNext, lg.dH[t]);
            lg.dhBlocked.setTo(lg.dH[t]);
            clamps.blockHidden(t, lg.dhBlocked);
            DMatrixRMaj dPreIh = lg.dPreIhAt[t], dPreHh = lg.dPreHhAt[t];
            kernel.backward(lt, t, clamps, lg.dhBlocked, lg.dcNext, lg.dC == null ? null : lg.dC[t], dPreIh, dPreHh,
                    lg.dhDirect);
            // dL/dh_{t-1} through the recurrence (and GRU's direct path), dL/dx_t through the input weights
            if (directPath) lg.dhNext.setTo(lg.dhDirect);
            else lg.dhNext.zero();
            MatrixKernels.multAdd(dPreHh, lg.wHhRows, lg.dhNext, lg.rowScratch);
            if (needDx) {
                lg.dX[t].zero();
                MatrixKernels.multAdd(dPreIh, lg.wIhRows, lg.dX[t], lg.rowScratch);
            }
        }
        if (parameters) {
            MatrixKernels.addSumOfOuterProducts(lg.dPreIhAt, lt.x, steps, dWih, dBih, lg.rowScratch, lg.batchChunk);
            MatrixKernels.addSumOfOuterProducts(lg.dPreHhAt, lt.hPrevs, steps, dWhh, dBhh, lg.rowScratch, lg.batchChunk);
        }
        lg.dH0.setTo(lg.dhNext);
        lg.dC0.setTo(lg.dcNext);
    }
}
