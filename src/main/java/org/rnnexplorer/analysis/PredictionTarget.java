package org.rnnexplorer.analysis;

import org.rnnexplorer.model.RnnModel;

/**
 * Which number is "the prediction at step s" whose dependence on the earlier inputs {@link Connectivity} measures.
 * For a token, the logit z_s[k] by default, as Madsen's article does: the softmax of a confident model saturates
 * ({@code ∂ log p_k / ∂z_k = 1 − p_k → 0}) and would dim every earlier input alike, so log-probabilities of two cells
 * cannot be set side by side; the log-probability targets are there to show how much the confidence depends on each
 * input.
 */
public enum PredictionTarget {
    /** {@code f_s = z_s[k̂]}, k̂ = argmax_k p_s[k]: the logit of the token the model predicts after step s. */
    PREDICTED_TOKEN("predicted", true, false),
    /** {@code f_s = z_s[x_{s+1}]}: the logit of the token that comes next in the input (s < T−1). */
    NEXT_TOKEN("next", true, true),
    /** {@code f_s = log p_s[k̂]}, p_s = softmax(z_s): the log-probability of the predicted token. */
    PREDICTED_LOG_PROBABILITY("predicted-logp", true, false),
    /** {@code f_s = log p_s[x_{s+1}]}: the log-probability of the token that comes next (s < T−1). */
    NEXT_LOG_PROBABILITY("next-logp", true, true),
    /** {@code f_s = Σ_k y_s[k]}: the readout's raw output (a regression model, e.g. the sine model's next value). */
    OUTPUT("output", false, false),
    /** {@code f_s = Σ_u h_s[u]} of the top layer: for a model without a readout. */
    STATE_SUM("state", false, false);

    private final String id;
    private final boolean token;
    private final boolean next;

    PredictionTarget(String id, boolean token, boolean next) {
        this.id = id;
        this.token = token;
        this.next = next;
    }

    /** The name on the command line, e.g. {@code predicted} or {@code next-logp}. */
    public String id() {
        return id;
    }

    public static PredictionTarget named(String id) {
        for (PredictionTarget t : values()) if (t.id.equals(id)) return t;
        throw new IllegalArgumentException("--target: unknown target '" + id
                + "' (predicted, next, predicted-logp, next-logp, output or state)");
    }

    /**
     * The natural target of a model: the predicted token's logit for a model that reads tokens and scores them, the
     * raw output for a series model with a readout, the state sum without a readout.
     */
    public static PredictionTarget defaultFor(RnnModel model) {
        if (!model.hasHead()) return STATE_SUM;
        return model.takesTokens() ? PREDICTED_TOKEN : OUTPUT;
    }

    boolean usesReadout() {
        return this != STATE_SUM;
    }

    /** Whether f_s is about one token k (its logit or log-probability). */
    boolean scoresAToken() {
        return token;
    }

    /** Whether that token is the input's next one (so step s must have one). */
    public boolean needsNextToken() {
        return next;
    }

    boolean isLogProbability() {
        return this == PREDICTED_LOG_PROBABILITY || this == NEXT_LOG_PROBABILITY;
    }
}
