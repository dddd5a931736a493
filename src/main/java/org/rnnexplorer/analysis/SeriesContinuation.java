package org.rnnexplorer.analysis;

import java.util.function.BooleanSupplier;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * A series model continues a series alone: after a prompt x_0..x_{P−1}, its prediction of the next value becomes
 * the next input, {@code x_{t+1} = y_t} for t ≥ P−1 (closed loop), each step from the carried state. Meant for a
 * model trained to predict the next value at every step (the sine task's many-to-many mode); the readout must have
 * as many numbers as the input. One per thread.
 */
public final class SeriesContinuation {
    private final CarriedState state;

    public SeriesContinuation(RnnModel model) {
        if (model.takesTokens()) throw new IllegalArgumentException("the model reads tokens, not a series");
        if (!model.hasHead() || model.outputSize() != model.inputSize())
            throw new IllegalArgumentException("the model's readout (" + model.outputSize() + " numbers) cannot be "
                    + "fed back as its input (" + model.inputSize() + " numbers)");
        this.state = new CarriedState(model);
    }

    /** Starts from the zero state and reads the prompt (at least one row) in one forward pass. */
    public void prime(double[][] prompt) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: give at least one value");
        double[][] copy = new double[prompt.length][];
        for (int t = 0; t < prompt.length; t++) copy[t] = prompt[t].clone();
        state.reset();
        state.read(InputBatch.ofVectors(copy));
    }

    /** Continues after step {@code t} of a trace this model made (sequence 0). */
    public void continueFrom(Trace trace, int t) {
        state.continueFrom(trace, t);
    }

    /**
     * The next {@code n} values, each the model's prediction fed back as the following input (and read, so the
     * state afterwards is that after prompt + values). Stops early when {@code cancelled} says so: the rows so far.
     */
    public double[][] continueAlone(int n, Progress progress, BooleanSupplier cancelled) {
        if (state.stepsRead() == 0) throw new IllegalStateException("read a prompt first");
        if (n < 0) throw new IllegalArgumentException("the number of values must not be negative, got " + n);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            if (cancelled.getAsBoolean()) return java.util.Arrays.copyOf(out, i);
            out[i] = state.output().clone();
            state.step(InputBatch.ofVectors(new double[][] {out[i]}));
            progress.update(i + 1, n);
        }
        return out;
    }

    /** h of layer {@code l} after the last value read (a copy). */
    public double[] hidden(int l) {
        return state.hidden(l).clone();
    }

    /** The model's prediction of the next value (a copy). */
    public double[] prediction() {
        return state.output().clone();
    }
}
