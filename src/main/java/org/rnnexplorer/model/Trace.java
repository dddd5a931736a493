package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * Everything a forward pass computed: per layer and step the input, gates (before and after activation), h and c,
 * and the readout's logits and softmax probabilities. A trace is also the workspace of the pass: allocate it once
 * for a batch size and a number of steps, then {@link ForwardPass#run} fills it without allocating.
 */
public final class Trace {
    private final CellType cell;
    private final int batch;
    private final int steps;
    private final int hidden;
    private final LayerTrace[] layers;
    /** Readout logits and probabilities, [B][V] per step; null without a head. */
    final DMatrixRMaj[] logits;
    final DMatrixRMaj[] probabilities;
    int[][] tokens;
    final int inputSize;
    final int outputSize;

    // Workspace: transposed weights and scratch, reused by every pass.
    final LayerWorkspace[] workspaces;
    /** W_head transposed as H rows of length V, and one row of V numbers for the kernels; null without a head. */
    final double[][] headT;
    final double[] headRow;

    public Trace(RnnModel model, int batch, int steps) {
        if (batch < 1 || steps < 1) throw new IllegalArgumentException("a trace needs at least one step and sequence");
        this.cell = model.cell();
        this.batch = batch;
        this.steps = steps;
        this.hidden = model.hiddenSize();
        this.inputSize = model.inputSize();
        this.outputSize = model.outputSize();
        int l = model.layerCount();
        layers = new LayerTrace[l];
        workspaces = new LayerWorkspace[l];
        for (int i = 0; i < l; i++) {
            int in = i == 0 ? model.inputSize() : hidden;
            layers[i] = new LayerTrace(cell, batch, steps, in, hidden, i == 0 ? null : layers[i - 1].h);
            workspaces[i] = new LayerWorkspace(cell, batch, in, hidden);
        }
        if (model.hasHead()) {
            logits = LayerTrace.alloc(steps, batch, outputSize);
            probabilities = LayerTrace.alloc(steps, batch, outputSize);
            headT = new double[hidden][outputSize];
            headRow = new double[outputSize];
        } else {
            logits = null;
            probabilities = null;
            headT = null;
            headRow = null;
        }
    }

    /**
     * Bytes of heap a trace of this model for {@code batch} sequences of {@code steps} steps takes, counting what its
     * constructor and a forward pass allocate (the matrices of every step, their object headers, the workspace, the
     * token ids), for a 64-bit JVM with compressed references. Within a few percent of what is measured
     * ({@code MemoryEstimateTest}).
     */
    public static long bytesFor(RnnModel model, int batch, int steps) {
        long b = batch, h = model.hiddenSize(), gh = model.cell().blocks() * h, v = model.outputSize();
        long perStep = 0, fixed = 0;
        for (int l = 0; l < model.layerCount(); l++) {
            long in = l == 0 ? model.inputSize() : h;
            if (l == 0) perStep += Memory.matrix(b, in);
            perStep += 2 * Memory.matrix(b, gh) + Memory.matrix(b, h);
            if (model.cell() == CellType.LSTM) perStep += 2 * Memory.matrix(b, h);
            if (model.cell() == CellType.GRU) perStep += Memory.matrix(b, h);
            perStep += Memory.REFERENCE * (model.cell() == CellType.RNN ? 5 : 6); // the per-step arrays and hPrevs
            fixed += 2 * Memory.matrix(b, h) + Memory.rows(in, gh) + Memory.rows(h, gh) + Memory.matrix(1, gh)
                    + Memory.matrix(b, gh) + Memory.doubles(gh);
        }
        if (v > 0) {
            perStep += 2 * Memory.matrix(b, v) + 2 * Memory.REFERENCE;
            fixed += Memory.rows(h, v) + Memory.doubles(v);
        }
        if (model.takesTokens()) perStep += 4 * b;
        return steps * perStep + fixed;
    }

    public CellType cell() { return cell; }

    public int batch() { return batch; }

    public int steps() { return steps; }

    public int hiddenSize() { return hidden; }

    public int layerCount() { return layers.length; }

    public LayerTrace layer(int l) { return layers[l]; }

    public LayerTrace top() { return layers[layers.length - 1]; }

    public boolean hasReadout() { return logits != null; }

    public int outputSize() { return outputSize; }

    /** The token ids of the input (null for numeric input), [B][T]. */
    public int[][] tokens() { return tokens; }

    /** Readout logits at step t, [B][V]. */
    public DMatrixRMaj logits(int t) { return logits[t]; }

    /** Softmax probabilities at step t, [B][V]. */
    public DMatrixRMaj probabilities(int t) { return probabilities[t]; }

    /** h_t[unit] of sequence 0. */
    public double hidden(int layer, int t, int unit) {
        return layers[layer].h[t].data[unit];
    }

    /** c_t[unit] of sequence 0 (LSTM). */
    public double cellState(int layer, int t, int unit) {
        return layers[layer].c[t].data[unit];
    }

    /** Activation of gate {@code gate} (block index) of sequence 0 at step t. */
    public double gate(int layer, int gate, int t, int unit) {
        return layers[layer].act[t].data[gate * hidden + unit];
    }

    /** Pre-activation of gate {@code gate} of sequence 0 at step t. */
    public double preActivation(int layer, int gate, int t, int unit) {
        return layers[layer].pre[t].data[gate * hidden + unit];
    }

    /** Probability of output {@code k} after step t, sequence 0. */
    public double probability(int t, int k) {
        return probabilities[t].data[k];
    }
}
