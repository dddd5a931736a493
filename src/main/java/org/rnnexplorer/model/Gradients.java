package org.rnnexplorer.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * What a backward pass computed: the objective's value, per layer and step dL/dh_t, dL/dc_t and dL/dx_t, and
 * dL/dθ for every parameter under its PyTorch name. Like {@link Trace}, it is also the workspace of the pass.
 */
public final class Gradients {
    private final LayerGradients[] layers;
    private final Map<String, DMatrixRMaj> parameters = new LinkedHashMap<>();
    private final int steps;
    private final int batch;
    double loss;
    private boolean inputGradient = true;
    /** Gradient at the readout's logits, [B][V] per step; null without a head. */
    final DMatrixRMaj[] dLogits;
    /** Gradient the objective puts on the top layer's h_t directly (before the recurrence), [B][H] per step. */
    final DMatrixRMaj[] dTopDirect;
    /** W_head as V rows of length H, scratch of max(V, H) numbers, and the batch workspace; null without a head. */
    final double[][] headRows;
    final double[] headScratch;
    final MatrixKernels.BatchChunk headChunk;

    public Gradients(RnnModel model, int batch, int steps) {
        this.steps = steps;
        this.batch = batch;
        int l = model.layerCount();
        layers = new LayerGradients[l];
        for (int i = 0; i < l; i++)
            layers[i] = new LayerGradients(model.cell(), batch, steps, i == 0 ? model.inputSize() : model.hiddenSize(),
                    model.hiddenSize());
        for (Map.Entry<String, DMatrixRMaj> e : model.namedParameters().entrySet())
            parameters.put(e.getKey(), new DMatrixRMaj(e.getValue().numRows, e.getValue().numCols));
        dLogits = model.hasHead() ? LayerTrace.alloc(steps, batch, model.outputSize()) : null;
        dTopDirect = LayerTrace.alloc(steps, batch, model.hiddenSize());
        int v = model.outputSize(), h = model.hiddenSize();
        headRows = model.hasHead() ? new double[v][h] : null;
        headScratch = model.hasHead() ? new double[Math.max(v, h)] : null;
        headChunk = model.hasHead() && batch > 1 ? new MatrixKernels.BatchChunk(h) : null;
    }

    /**
     * Bytes of heap the gradients of this model for {@code batch} sequences of {@code steps} steps take (what the
     * constructor allocates: per step dL/dh, dL/dc, dL/dx, the pre-activation gradients and the objective's seeds;
     * the parameter gradients and the scratch), for a 64-bit JVM with compressed references.
     */
    public static long bytesFor(RnnModel model, int batch, int steps) {
        long b = batch, h = model.hiddenSize(), gh = model.cell().blocks() * h, v = model.outputSize();
        long perStep = Memory.matrix(b, h) + Memory.REFERENCE, fixed = 0;
        for (int l = 0; l < model.layerCount(); l++) {
            long in = l == 0 ? model.inputSize() : h;
            perStep += Memory.matrix(b, h) + Memory.matrix(b, in) + Memory.matrix(b, gh) + 3 * Memory.REFERENCE;
            if (model.cell() == CellType.LSTM) perStep += Memory.matrix(b, h) + Memory.REFERENCE;
            if (model.cell().splitsRecurrentGradient()) perStep += Memory.matrix(b, gh) + Memory.REFERENCE;
            fixed += 6 * Memory.matrix(b, h) + Memory.rows(gh, h) + Memory.rows(gh, in)
                    + Memory.doubles(Math.max(gh, in));
            if (batch > 1) fixed += Memory.rows(MatrixKernels.BatchChunk.PAIRS, Math.max(in, h));
        }
        if (v > 0) {
            perStep += Memory.matrix(b, v) + Memory.REFERENCE;
            fixed += Memory.rows(v, h) + Memory.doubles(Math.max(v, h));
            if (batch > 1) fixed += Memory.rows(MatrixKernels.BatchChunk.PAIRS, h);
        }
        for (DMatrixRMaj p : model.namedParameters().values()) fixed += Memory.matrix(p.numRows, p.numCols);
        return steps * perStep + fixed;
    }

    public double loss() { return loss; }

    /**
     * Whether the backward pass computes dL/dx_t at layer 0 (default yes). Training a model on numeric input and
     * the PyTorch benchmark protocol, whose inputs do not require gradients, can skip it; an embedding always
     * needs it.
     */
    public Gradients withInputGradient(boolean wanted) {
        this.inputGradient = wanted;
        return this;
    }

    public boolean inputGradient() { return inputGradient; }

    public int steps() { return steps; }

    public int batch() { return batch; }

    public int layerCount() { return layers.length; }

    public LayerGradients layer(int l) { return layers[l]; }

    public LayerGradients top() { return layers[layers.length - 1]; }

    /** dL/dθ under the parameter's PyTorch name, same shape as the parameter. */
    public DMatrixRMaj parameter(String name) { return parameters.get(name); }

    /** Every parameter gradient, in the model's parameter order. */
    public Map<String, DMatrixRMaj> parameters() { return parameters; }

    /** √(Σ ‖dL/dθ‖²) over every parameter: the global norm gradient clipping uses. */
    public double globalNorm() {
        double s = 0;
        for (DMatrixRMaj m : parameters.values()) for (double v : m.data) s += v * v;
        return Math.sqrt(s);
    }

    void zeroParameters() {
        for (DMatrixRMaj m : parameters.values()) m.zero();
    }

    /** Clears what an objective writes into, for steps {@code 0..steps−1}. */
    void zeroSeeds(int steps) {
        for (int t = 0; t < steps; t++) {
            dTopDirect[t].zero();
            if (dLogits != null) dLogits[t].zero();
        }
    }

    /** Clears the gradients each layer carries from one step to the one before (a sequence starts with none). */
    void zeroCarries() {
        for (LayerGradients lg : layers) {
            lg.dhNext.zero();
            lg.dcNext.zero();
        }
    }
}
