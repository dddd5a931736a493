package org.rnnexplorer.model;

/**
 * Exact float64 values of a stretch of a long sequence, steps {@link #firstStep()}..{@link #lastStep()},
 * recomputed from the checkpoint before it ({@link CompactTrace#exact}, {@link CompactTrace#gradientWindow}): every
 * gate (before and after activation), h, c and the readout's probabilities, the same numbers a pass over the whole
 * sequence gives; and, for a gradient window, dL/dh_t, dL/dc_t, dL/dx_t. Steps are counted along the sequence.
 * Immutable once made; any thread may read it.
 */
public final class StepWindow {
    private final Trace trace;
    private final Gradients gradients;
    private final int offset;
    private final int first;
    private final int last;
    private final String objective;

    StepWindow(Trace trace, Gradients gradients, int offset, int first, int last, String objective) {
        this.trace = trace;
        this.gradients = gradients;
        this.offset = offset;
        this.first = first;
        this.last = last;
        this.objective = objective;
    }

    public int firstStep() { return first; }

    public int lastStep() { return last; }

    /**
     * The recomputed trace, which may start before {@link #firstStep()} (at the checkpoint): its local step t is
     * the sequence's step {@code t + offset()}; its h0, c0 are the state before step {@code offset()}. For code
     * written for a {@link Trace} (the equations, the cell diagram).
     */
    public Trace trace() { return trace; }

    public int offset() { return offset; }

    private int local(int step) {
        if (step < first || step > last)
            throw new IndexOutOfBoundsException("step " + step + " is outside this window, " + first + ".." + last);
        return step - offset;
    }

    public double hidden(int layer, int step, int unit) { return trace.hidden(layer, local(step), unit); }

    /** h_{t−1}[unit]: the state step t starts from (for t = 0 the zero initial state). */
    public double hiddenBefore(int layer, int step, int unit) {
        return trace.layer(layer).hPrev(local(step)).data[unit];
    }

    public double cellState(int layer, int step, int unit) { return trace.cellState(layer, local(step), unit); }

    /** c_{t−1}[unit] (LSTM). */
    public double cellStateBefore(int layer, int step, int unit) {
        return trace.layer(layer).cPrev(local(step)).data[unit];
    }

    public double gate(int layer, int gate, int step, int unit) { return trace.gate(layer, gate, local(step), unit); }

    public double preActivation(int layer, int gate, int step, int unit) {
        return trace.preActivation(layer, gate, local(step), unit);
    }

    public double probability(int step, int k) { return trace.probability(local(step), k); }

    public boolean hasGradients() { return gradients != null; }

    /** What L is, for a gradient window; null otherwise. */
    public String objective() { return objective; }

    /** dL/dh_t[unit] through every later step up to the objective's. */
    public double gradH(int layer, int step, int unit) { return layerGradients(layer).dH[local(step)].data[unit]; }

    /** dL/dc_t[unit] (LSTM). */
    public double gradC(int layer, int step, int unit) { return layerGradients(layer).dC[local(step)].data[unit]; }

    /** dL/dx_t[j] at layer {@code layer}'s input (layer 0: the embedded token or the numeric input). */
    public double gradX(int layer, int step, int j) { return layerGradients(layer).dX[local(step)].data[j]; }

    /** ‖dL/dh_t‖. */
    public double gradHNorm(int layer, int step) { return layerGradients(layer).hNorm(local(step)); }

    /** ‖dL/dc_t‖ (LSTM). */
    public double gradCNorm(int layer, int step) { return layerGradients(layer).cNorm(local(step)); }

    private LayerGradients layerGradients(int layer) {
        if (gradients == null) throw new IllegalStateException("this window holds values, not gradients");
        return gradients.layer(layer);
    }
}
