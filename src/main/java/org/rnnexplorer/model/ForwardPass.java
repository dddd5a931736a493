package org.rnnexplorer.model;

import java.util.List;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs a model over a batch of sequences and records everything in a {@link Trace}. Layer by layer, step by step:
 * the per-step work writes into the trace's preallocated matrices and allocates nothing.
 */
public final class ForwardPass {
    static {
        // EJML's threaded kernels start above 50,000 elements and only add overhead at these sizes.
        EjmlConcurrency.USE_CONCURRENT = false;
    }

    private ForwardPass() {
    }

    /** One sequence, no interventions: allocates its trace. */
    public static Trace run(RnnModel model, InputBatch input) {
        return run(model, input, List.of());
    }

    public static Trace run(RnnModel model, InputBatch input, List<Intervention> interventions) {
        Trace trace = new Trace(model, input.batch(), input.steps());
        run(model, input, interventions, trace);
        return trace;
    }

    /** Fills {@code trace}, which must have been made for this model's shape and the input's batch and steps. */
    public static void run(RnnModel model, InputBatch input, List<Intervention> interventions, Trace trace) {
        checkShapes(model, input, trace);
        if (trace.steps() != input.steps())
            throw new IllegalArgumentException("the trace holds " + trace.batch() + "x" + trace.steps()
                    + ", the input is " + input.batch() + "x" + input.steps());
        runSteps(model, input, 0, input.steps(), Clamps.perLayer(interventions, model), CellKernel.of(model.cell()),
                trace, true);
    }

    /**
     * Runs steps {@code from..from+n−1} of {@code input} into steps 0..n−1 of {@code trace} (which holds at least n),
     * starting from the state each layer's {@code h0}, {@code c0} holds: the state after step from−1 (zeros for
     * from = 0). The same arithmetic as a pass over the whole input, so the values are the same to the last bit.
     * Without {@code readout} the logits and probabilities are left as they were.
     */
    static void runSteps(RnnModel model, InputBatch input, int from, int n, Clamps[] clamps, CellKernel kernel,
                         Trace trace, boolean readout) {
        prepare(model, trace);
        runPrepared(model, input, from, n, clamps, kernel, trace, readout);
    }

    /** {@link #runSteps} with the trace's workspaces already {@link #prepare}d for the model's current weights. */
    static void runPrepared(RnnModel model, InputBatch input, int from, int n, Clamps[] clamps, CellKernel kernel,
                            Trace trace, boolean readout) {
        fillInput(model, input, from, n, trace);
        for (int l = 0; l < model.layerCount(); l++) {
            inputProjection(model, trace, l, n);
            recurrence(model, trace, l, from, n, clamps[l], kernel);
        }
        if (readout && model.hasHead()) readout(model, trace, n);
    }

    /** Rebuilds the trace's transposed weights from the model's (at the start of a pass: the weights may change). */
    static void prepare(RnnModel model, Trace trace) {
        for (int l = 0; l < model.layerCount(); l++) trace.workspaces[l].prepare(model.layer(l));
        if (model.hasHead()) MatrixKernels.toTransposedRows(model.headWeight(), trace.headT);
    }

    /**
     * The input side of layer l's pre-activations for local steps 0..n−1, none of which depends on the recurrence:
     * {@code pre_t = b + x_t W_ihᵀ} (b = {@link LayerWorkspace#inputBias}). A one-hot x_t = e_k (layer 0 of a model
     * without an embedding) adds row k of W_ihᵀ, the same number the product gives (every other term is 0·w).
     */
    static void inputProjection(RnnModel model, Trace trace, int l, int n) {
        LayerWorkspace ws = trace.workspaces[l];
        LayerTrace lt = trace.layer(l);
        boolean oneHot = l == 0 && model.takesTokens() && model.embedding() == null && ws.inputWeightsFinite;
        for (int t = 0; t < n; t++) {
            DMatrixRMaj z = lt.pre[t];
            CellKernel.setRows(z, ws.inputBias);
            if (!oneHot) {
                MatrixKernels.multAdd(lt.x[t], ws.wIhT, z, ws.rowScratch);
                continue;
            }
            double[] zd = z.data;
            int gh = z.numCols;
            for (int b = 0; b < z.numRows; b++) {
                double[] w = ws.wIhT[trace.tokens[b][t]];
                for (int j = 0; j < gh; j++) zd[b * gh + j] += w[j];
            }
        }
    }

    /** The recurrence of layer l over local steps 0..n−1 (the sequence's from..from+n−1), its input side in place. */
    static void recurrence(RnnModel model, Trace trace, int l, int from, int n, Clamps clamps, CellKernel kernel) {
        LayerWeights w = model.layer(l);
        LayerWorkspace ws = trace.workspaces[l];
        LayerTrace lt = trace.layer(l);
        clamps.startAt(from);
        boolean zeroStart = from == 0 && MatrixKernels.isZero(lt.h0);
        for (int t = 0; t < n; t++) kernel.forward(w, ws, lt, t, clamps, t == 0 && zeroStart);
    }

    /** Checks that {@code trace} fits {@code model} and has room for steps of {@code input} (not necessarily all). */
    static void checkShapes(RnnModel model, InputBatch input, Trace trace) {
        if (trace.cell() != model.cell() || trace.hiddenSize() != model.hiddenSize()
                || trace.layerCount() != model.layerCount() || trace.inputSize != model.inputSize()
                || trace.outputSize() != model.outputSize())
            throw new IllegalArgumentException("the trace was made for a model of another shape");
        if (trace.batch() != input.batch())
            throw new IllegalArgumentException("the trace holds " + trace.batch() + "x" + trace.steps()
                    + ", the input is " + input.batch() + "x" + input.steps());
        if (input.isTokens() != model.takesTokens())
            throw new IllegalArgumentException(model.takesTokens() ? "this model reads tokens, not numbers"
                    : "this model reads numeric vectors, not tokens");
    }

    /** x_t for steps from..from+n−1 of the input into steps 0..n−1 of the trace, and their token ids. */
    static void fillInput(RnnModel model, InputBatch input, int from, int n, Trace trace) {
        DMatrixRMaj[] x = trace.layer(0).x;
        int d = model.inputSize();
        if (input.isTokens()) {
            int vocab = model.tokenCount();
            int[][] toks = trace.tokens != null ? trace.tokens : new int[input.batch()][trace.steps()];
            DMatrixRMaj emb = model.embedding();
            for (int t = 0; t < n; t++) {
                double[] xd = x[t].data;
                for (int b = 0; b < input.batch(); b++) {
                    int k = input.token(b, from + t);
                    if (k < 0 || k >= vocab)
                        throw new IllegalArgumentException("token id " + k + " at step " + (from + t) + " is outside 0.." + (vocab - 1));
                    toks[b][t] = k;
                    if (emb != null) {
                        System.arraycopy(emb.data, k * d, xd, b * d, d);
                    } else {
                        java.util.Arrays.fill(xd, b * d, (b + 1) * d, 0.0);
                        xd[b * d + k] = 1.0;
                    }
                }
            }
            trace.tokens = toks;
        } else {
            for (int t = 0; t < n; t++) {
                double[] xd = x[t].data;
                for (int b = 0; b < input.batch(); b++) {
                    double[] v = input.vector(b, from + t);
                    if (v.length != d)
                        throw new IllegalArgumentException("step " + (from + t) + " has " + v.length + " numbers, expected " + d);
                    for (int j = 0; j < d; j++) {
                        if (!Double.isFinite(v[j]))
                            throw new IllegalArgumentException("step " + (from + t) + " holds a non-finite number");
                    }
                    System.arraycopy(v, 0, xd, b * d, d);
                }
            }
            trace.tokens = null;
        }
    }

    /** {@code y_t = h_t W_head^T + b_head}, {@code p_t = softmax(y_t)} (shifted by the row maximum). */
    static void readout(RnnModel model, Trace trace, int n) {
        LayerTrace top = trace.top();
        int v = model.outputSize();
        for (int t = 0; t < n; t++) {
            DMatrixRMaj y = trace.logits[t];
            CellKernel.setRows(y, model.headBias());
            MatrixKernels.multAdd(top.h[t], trace.headT, y, trace.headRow);
            double[] yd = y.data, pd = trace.probabilities[t].data;
            for (int b = 0; b < y.numRows; b++) {
                int o = b * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) max = Math.max(max, yd[o + k]);
                double sum = 0;
                for (int k = 0; k < v; k++) {
                    double e = Math.exp(yd[o + k] - max);
                    pd[o + k] = e;
                    sum += e;
                }
                for (int k = 0; k < v; k++) pd[o + k] /= sum;
            }
        }
    }
}
