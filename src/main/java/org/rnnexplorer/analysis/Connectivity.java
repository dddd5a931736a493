package org.rnnexplorer.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * Connectivity, as in Madsen's "Visualizing memorization in RNNs" (Distill, 2019): how much the prediction at step s
 * depends on each earlier input,
 * <pre>
 * c_{s,t} = ‖∂f_s / ∂x_t‖₂      for t = 0..s   (0 for t > s: a step cannot depend on a later input),
 * </pre>
 * where f_s is the number a {@link PredictionTarget} names (by default the logit of the token the model predicts
 * after step s) and x_t is the vector that enters the bottom layer at step t: the embedded vector of the
 * token for a model with an embedding, the one-hot vector for a one-hot model, the numbers of the step for a series.
 * One row (a hovered step s) is one forward pass over steps 0..s and one backward pass from f_s alone
 * ({@link PredictionObjective}); the whole map is T such backward passes (see {@link #map}). One sequence; the model is
 * not changed.
 */
public final class Connectivity {
    private static final int BANDS = 10;
    private Connectivity() {
    }

    /**
     * One hovered step.
     *
     * @param step s
     * @param token the k of z_s[k] or log p_s[k] for the token targets, else −1
     * @param value f_s
     * @param norms c_{s,t} for t = 0..s
     */
    public record Row(int step, PredictionTarget target, int token, double value, double[] norms) {
    }

    /** The row of step {@code s} of {@code input} (one sequence). */
    public static Row atStep(RnnModel model, InputBatch input, int s, PredictionTarget target) {
        check(model, input, s, target);
        InputBatch prefix = prefix(input, s + 1);
        Trace trace = ForwardPass.run(model, prefix);
        Gradients g = new Gradients(model, 1, s + 1);
        return row(model, input, trace, g, s, target);
    }

    /**
     * Every row s = 0..T−1 (to T−2 for the next-token targets; the lower triangle: {@code rows[s]} holds s + 1
     * numbers), each from its own backward pass. Row s needs only steps 0..s: the rows are taken in ten bands of
     * steps, and each band's rows are differentiated over the band's own prefix of the input (one forward pass per
     * band), so the work is about half of T backward passes over all T steps. Checks {@code cancelled} before each
     * row (then throws {@link CancellationException}) and reports each row done to {@code progress}.
     */
    public static double[][] map(RnnModel model, InputBatch input, PredictionTarget target, Progress progress,
                                 BooleanSupplier cancelled) {
        int steps = input.steps();
        check(model, input, 0, target);
        int last = target.needsNextToken() ? steps - 2 : steps - 1;
        double[][] rows = new double[last + 1][];
        int s = 0;
        for (int band = 1; band <= BANDS && s <= last; band++) {
            int length = Math.max(s + 1, (int) Math.ceil((double) (last + 1) * band / BANDS));
            Trace trace = ForwardPass.run(model, prefix(input, length));
            Gradients g = new Gradients(model, 1, length);
            for (; s < length; s++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("connectivity map cancelled");
                rows[s] = row(model, input, trace, g, s, target).norms();
                progress.update(s + 1, last + 1);
            }
        }
        return rows;
    }

    /**
     * The mean over the rows of a map of c_{s,s−k}, for k = 0 .. T−1 steps back (each mean over the rows that reach
     * that far): how far back a cell's predictions reach, the number to compare cells by.
     */
    public static double[] meanByDistance(double[][] rows) {
        int n = rows.length;
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t <= s; t++) {
                sum[s - t] += rows[s][t];
                count[s - t]++;
            }
        }
        for (int k = 0; k < n; k++) sum[k] /= count[k];
        return sum;
    }

    private static Row row(RnnModel model, InputBatch input, Trace trace, Gradients g, int s, PredictionTarget target) {
        int token = !target.scoresAToken() ? -1 : target.needsNextToken() ? input.token(0, s + 1)
                : Sampling.argmax(trace.logits(s).data, 0, trace.outputSize());
        PredictionObjective objective = new PredictionObjective(s, target, token);
        BackwardPass.run(model, trace, objective, List.of(), g);
        double[] norms = new double[s + 1];
        int d = model.inputSize();
        for (int t = 0; t <= s; t++) {
            double[] dx = g.layer(0).dX[t].data;
            double sq = 0;
            for (int j = 0; j < d; j++) sq += dx[j] * dx[j];
            norms[t] = Math.sqrt(sq);
        }
        return new Row(s, target, token, g.loss(), norms);
    }

    private static void check(RnnModel model, InputBatch input, int s, PredictionTarget target) {
        if (input.batch() != 1) throw new IllegalArgumentException("connectivity reads one sequence");
        if (s < 0 || s >= input.steps())
            throw new IllegalArgumentException("--step must be 0.." + (input.steps() - 1) + ", got " + s);
        if (target.usesReadout() && !model.hasHead())
            throw new IllegalArgumentException("the model has no readout: use the state target");
        if (target.needsNextToken() && !input.isTokens())
            throw new IllegalArgumentException("the " + target.id() + " target needs text input (a series has no next "
                    + "token)");
        if (target.needsNextToken() && s + 1 >= input.steps())
            throw new IllegalArgumentException("step " + s + " is the last: no next token to score");
    }

    /** Steps 0..n−1 of sequence 0. */
    private static InputBatch prefix(InputBatch input, int n) {
        if (input.isTokens()) return InputBatch.ofTokens(Arrays.copyOf(input.tokens(), n));
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) x[t] = input.vector(0, t);
        return InputBatch.ofVectors(x);
    }
}
