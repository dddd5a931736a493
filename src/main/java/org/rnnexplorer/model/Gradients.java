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
}
