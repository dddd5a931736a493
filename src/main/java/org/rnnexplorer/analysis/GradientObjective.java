package org.rnnexplorer.analysis;

import java.util.Arrays;
import java.util.Map;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.Objective;
import org.rnnexplorer.model.RnnModel;

/**
 * What the gradient chart differentiates: the model's own loss (the cross-entropy of the last token, so the error
 * enters at one step and the chart shows how far back it reaches; for a model trained on the recall task, the loss it
 * was trained on: naming the first token at the last step), or {@code L = v · h_{T−1}} of the top layer with v a unit
 * vector or all ones.
 */
public final class GradientObjective {
    private enum Kind { OWN_LOSS, RECALL_ANSWER, SUM, UNIT, DOT }

    private final Kind kind;
    private final int unit;
    private final double[] v;
    private final String description;

    private GradientObjective(Kind kind, int unit, double[] v, String description) {
        this.kind = kind;
        this.unit = unit;
        this.v = v;
        this.description = description;
    }

    /** The model's own loss: cross-entropy of the last token (needs a token model with a readout). */
    public static GradientObjective ownLoss() {
        return new GradientObjective(Kind.OWN_LOSS, -1, null, "L = cross-entropy of the last token");
    }

    /**
     * The recall task's loss, {@code L = −log p_{T−1}(x_0)}: the readout at the last step must name the first token
     * (needs a token model with a readout). The error enters at the last step and must reach step 0.
     */
    public static GradientObjective recallAnswer() {
        return new GradientObjective(Kind.RECALL_ANSWER, -1, null,
                "L = cross-entropy of naming the first token at the last step");
    }

    /** {@code L = Σ_u h_{T−1}[u]}: v = all ones. */
    public static GradientObjective sumOfLastState() {
        return new GradientObjective(Kind.SUM, -1, null, "L = sum of h[T-1]");
    }

    /** {@code L = h_{T−1}[unit]}: v = e_unit. */
    public static GradientObjective unit(int unit) {
        if (unit < 0) throw new IllegalArgumentException("unit must be 0 or more, got " + unit);
        return new GradientObjective(Kind.UNIT, unit, null, "L = h[T-1][" + unit + "]");
    }

    /** {@code L = v · h_{T−1}} for a given v (one number per hidden unit of the top layer). */
    public static GradientObjective dot(double[] v) {
        if (v.length == 0) throw new IllegalArgumentException("the gradient seed is empty");
        return new GradientObjective(Kind.DOT, -1, v.clone(), "L = v · h[T-1]");
    }

    /**
     * The model's own loss when it can score the input (token model with a readout): {@link #recallAnswer()} for a
     * model whose metadata says it was trained on the recall task ({@code "training": {"task": "recall"}}), else
     * {@link #ownLoss()}; without a readout, or when it names classes rather than next tokens, the sum of h_{T−1}.
     */
    public static GradientObjective defaultFor(RnnModel model) {
        if (!model.hasHead() || !model.takesTokens() || model.isClassifier()) return sumOfLastState();
        return "recall".equals(trainedTask(model)) ? recallAnswer() : ownLoss();
    }

    /** The task in the model's metadata ({@code training.task}), or null. */
    static String trainedTask(RnnModel model) {
        Object training = model.metadata().get("training");
        Object task = training instanceof Map ? ((Map<?, ?>) training).get("task") : null;
        return task instanceof String ? (String) task : null;
    }

    /** True when L is read from the model's readout (so every model compared needs one). */
    public boolean needsReadout() {
        return kind == Kind.OWN_LOSS || kind == Kind.RECALL_ANSWER;
    }

    /** How the chart names it, e.g. "L = sum of h[T-1]". */
    public String description() {
        return description;
    }

    /** The engine's objective for this model and input; a clear message when the model cannot be scored. */
    public Objective objectiveFor(RnnModel model, InputBatch input) {
        int h = model.hiddenSize();
        switch (kind) {
            case OWN_LOSS:
            case RECALL_ANSWER:
                if (!model.hasHead() || !input.isTokens())
                    throw new IllegalArgumentException("the model's own loss needs a token model with a readout; "
                            + "use L = v · h[T-1] instead");
                if (input.steps() < 2)
                    throw new IllegalArgumentException("the model's own loss needs at least 2 tokens");
                if (kind == Kind.OWN_LOSS) return CrossEntropyObjective.nextTokenLastStep(input.tokens());
                int[] first = input.tokens();
                int[] target = new int[first.length];
                Arrays.fill(target, -1);
                target[first.length - 1] = first[0];
                return new CrossEntropyObjective(new int[][] {target}, "cross-entropy of naming the first token");
            case SUM:
                return DotObjective.sum(h);
            case UNIT:
                if (unit >= h)
                    throw new IllegalArgumentException("unit " + unit + " is outside the " + h + " hidden units");
                return DotObjective.unit(h, unit);
            default:
                if (v.length != h)
                    throw new IllegalArgumentException("the gradient seed has " + v.length + " numbers, expected " + h);
                return new DotObjective(v);
        }
    }
}
