package org.rnnexplorer.analysis;

import org.rnnexplorer.model.RnnModel;

/** Which number is "the prediction at step s" whose dependence on the earlier inputs {@link Connectivity} measures. */
public enum PredictionTarget {
    /** {@code f_s = log p_s[k̂]}, k̂ = argmax_k p_s[k]: the log-probability of the token the model predicts after s. */
    PREDICTED_TOKEN("predicted"),
    /** {@code f_s = log p_s[x_{s+1}]}: the log-probability of the token that comes next in the input (s < T−1). */
    NEXT_TOKEN("next"),
    /** {@code f_s = Σ_k y_s[k]}: the readout's raw output (a regression model, e.g. the sine model's next value). */
    OUTPUT("output"),
    /** {@code f_s = Σ_u h_s[u]} of the top layer: for a model without a readout. */
    STATE_SUM("state");

    private final String id;

    PredictionTarget(String id) {
        this.id = id;
    }

    /** The name on the command line: {@code predicted}, {@code next}, {@code output} or {@code state}. */
    public String id() {
        return id;
    }

    public static PredictionTarget named(String id) {
        for (PredictionTarget t : values()) if (t.id.equals(id)) return t;
        throw new IllegalArgumentException("--target: unknown target '" + id + "' (predicted, next, output or state)");
    }

    /**
     * The natural target of a model: the predicted token for a model that reads tokens and scores them, the raw
     * output for a series model with a readout, the state sum without a readout.
     */
    public static PredictionTarget defaultFor(RnnModel model) {
        if (!model.hasHead()) return STATE_SUM;
        return model.takesTokens() ? PREDICTED_TOKEN : OUTPUT;
    }

    boolean usesReadout() {
        return this != STATE_SUM;
    }
}
