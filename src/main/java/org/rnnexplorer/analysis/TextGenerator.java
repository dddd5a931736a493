package org.rnnexplorer.analysis;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * Samples text from a language model (a model that reads tokens and whose readout scores the same tokens): read a
 * prompt, then repeatedly draw the next token from the readout with a {@link Sampling}, append it and read it, each
 * step continuing from the carried state (no pass over the prefix again). The same seed gives the same text.
 *
 * <pre>
 * TextGenerator g = new TextGenerator(model);
 * g.prime(ids);                                       // or g.continueFrom(trace, step)
 * Generation out = g.generate(1000, new Sampling(0.8, 5), new Random(1), progress, cancelled);
 * </pre>
 * One generator per thread.
 */
public final class TextGenerator {
    private final CarriedState state;
    private final int vocabulary;
    private final double[] q;
    private final double[] scratch;

    /** What {@link #generate} appended, in order; {@code cancelled} when it stopped early. */
    public record Generation(int[] tokens, boolean cancelled) {
    }

    public TextGenerator(RnnModel model) {
        if (!model.takesTokens()) throw new IllegalArgumentException("the model reads numbers, not tokens");
        if (!model.hasHead() || model.outputSize() != model.tokenCount())
            throw new IllegalArgumentException("the model has no readout over its own " + model.tokenCount()
                    + " tokens, so it cannot write text");
        this.state = new CarriedState(model);
        this.vocabulary = model.tokenCount();
        this.q = new double[vocabulary];
        this.scratch = new double[vocabulary];
    }

    /** Starts from the zero state and reads the prompt (at least one token) in one forward pass. */
    public void prime(int[] prompt) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: give at least one token");
        state.reset();
        state.read(InputBatch.ofTokens(prompt.clone()));
    }

    /** Continues after step {@code t} of a trace this model made (sequence 0), e.g. the one on screen. */
    public void continueFrom(Trace trace, int t) {
        state.continueFrom(trace, t);
    }

    /** Reads one more token from the carried state (a token the user typed, or one just drawn). */
    public void append(int token) {
        if (token < 0 || token >= vocabulary)
            throw new IllegalArgumentException("token id " + token + " is outside 0.." + (vocabulary - 1));
        state.step(InputBatch.ofTokens(token));
    }

    /** Draws the next token from the current readout, appends it, and returns it. */
    public int next(Sampling sampling, Random random) {
        requirePrimed();
        int token = sampling.sample(state.output(), 0, vocabulary, random, q, scratch);
        append(token);
        return token;
    }

    /**
     * Appends {@code n} drawn tokens; stops early (with the tokens so far) when {@code cancelled} says so, checked
     * before each token.
     */
    public Generation generate(int n, Sampling sampling, Random random, Progress progress, BooleanSupplier cancelled) {
        if (n < 0) throw new IllegalArgumentException("--length must not be negative, got " + n);
        requirePrimed();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (cancelled.getAsBoolean()) return new Generation(Arrays.copyOf(out, i), true);
            out[i] = next(sampling, random);
            progress.update(i + 1, n);
        }
        return new Generation(out, false);
    }

    /** The readout's logits for the next token (a copy). */
    public double[] logits() {
        requirePrimed();
        return state.output().clone();
    }

    /** The distribution the next token is drawn from under {@code sampling} (a copy). */
    public double[] distribution(Sampling sampling) {
        requirePrimed();
        double[] d = new double[vocabulary];
        sampling.distribution(state.output(), 0, vocabulary, d, scratch);
        return d;
    }

    /** h of layer {@code l} after the last token read (a copy). */
    public double[] hidden(int l) {
        return state.hidden(l).clone();
    }

    /** c of layer {@code l} after the last token read (LSTM; a copy). */
    public double[] cellState(int l) {
        return state.cellState(l).clone();
    }

    /** Tokens read so far: the prompt (or the trace's steps up to the one continued from) and every appended one. */
    public int length() {
        return state.stepsRead();
    }

    private void requirePrimed() {
        if (state.stepsRead() == 0) throw new IllegalStateException("read a prompt first");
    }
}
