package org.rnnexplorer.analysis;

import java.util.List;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * A model run one step at a time from the state it reached: after reading x_0..x_{t−1}, the next step computes
 * (h_t, c_t) of every layer from (h_{t−1}, c_{t−1}) and x_t alone, without running over the prefix again. The
 * state lives in a one-step {@link Trace} whose initial state h0, c0 is set to the last step's h, c before each
 * step, so each step is exactly the engine's own step (the same numbers as one forward pass over the whole
 * sequence). One sequence; not thread-safe.
 */
final class CarriedState {
    private final RnnModel model;
    private final Trace one;
    /** The readout after the last step read: logits (softmax models) or the raw output; V numbers. */
    private final double[] output;
    private int stepsRead;

    CarriedState(RnnModel model) {
        if (!model.hasHead()) throw new IllegalArgumentException("the model has no readout to continue from");
        this.model = model;
        this.one = new Trace(model, 1, 1);
        this.output = new double[model.outputSize()];
    }

    /** Back to the zero state before step 0, with no output yet. */
    void reset() {
        for (int l = 0; l < one.layerCount(); l++) {
            one.layer(l).h0.zero();
            one.layer(l).c0.zero();
        }
        java.util.Arrays.fill(output, 0.0);
        stepsRead = 0;
    }

    /** Reads a whole input (one forward pass over it, from the carried state) and carries its last state. */
    void read(InputBatch input) {
        if (input.batch() != 1) throw new IllegalArgumentException("one sequence at a time");
        if (input.steps() == 1) {
            step(input);
            return;
        }
        Trace t = new Trace(model, 1, input.steps());
        for (int l = 0; l < t.layerCount(); l++) {
            t.layer(l).h0.setTo(one.layer(l).h0);
            t.layer(l).c0.setTo(one.layer(l).c0);
        }
        ForwardPass.run(model, input, List.of(), t);
        int before = stepsRead;
        continueFrom(t, input.steps() - 1);
        stepsRead = before + input.steps();
    }

    /** One step from the carried state. */
    void step(InputBatch oneStep) {
        ForwardPass.run(model, oneStep, List.of(), one);
        for (int l = 0; l < one.layerCount(); l++) {
            LayerTrace lt = one.layer(l);
            lt.h0.setTo(lt.h[0]);
            if (lt.c != null) lt.c0.setTo(lt.c[0]);
        }
        System.arraycopy(one.logits(0).data, 0, output, 0, output.length);
        stepsRead++;
    }

    /** Takes the state and readout of sequence 0 after step {@code t} of a trace of this model. */
    void continueFrom(Trace trace, int t) {
        if (t < 0 || t >= trace.steps()) throw new IllegalArgumentException("step " + t + " is outside the trace");
        if (trace.layerCount() != one.layerCount() || trace.hiddenSize() != one.hiddenSize()
                || trace.outputSize() != output.length)
            throw new IllegalArgumentException("the trace was made by a model of another shape");
        int h = one.hiddenSize();
        for (int l = 0; l < one.layerCount(); l++) {
            LayerTrace from = trace.layer(l), to = one.layer(l);
            System.arraycopy(from.h[t].data, 0, to.h0.data, 0, h);
            if (from.c != null) System.arraycopy(from.c[t].data, 0, to.c0.data, 0, h);
        }
        System.arraycopy(trace.logits(t).data, 0, output, 0, output.length);
        stepsRead = t + 1;
    }

    /** The readout after the last step read (live: the next step overwrites it). */
    double[] output() {
        return output;
    }

    /** h of layer {@code l} after the last step read (live). */
    double[] hidden(int l) {
        return one.layer(l).h0.data;
    }

    /** c of layer {@code l} after the last step read (LSTM; live). */
    double[] cellState(int l) {
        return one.layer(l).c0.data;
    }

    int stepsRead() {
        return stepsRead;
    }
}
