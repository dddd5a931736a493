package org.rnnexplorer.ui.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.rnnexplorer.analysis.Progress;
import org.rnnexplorer.analysis.Sampling;
import org.rnnexplorer.analysis.SeriesContinuation;
import org.rnnexplorer.analysis.TextGenerator;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The Generate panel: a language model writes N more tokens after the input ({@link TextGenerator}: each drawn with
 * temperature T from the k likeliest, {@link Sampling}, from a seeded generator, so the same settings write the same
 * text), continuing from the state the trace reached at the input's last step; a series model continues the series
 * alone ({@link SeriesContinuation}: its prediction fed back as its next input). Work runs off the JavaFX thread;
 * Append adds the result to the input and shows its first new step, so it can be stepped through.
 */
public final class GenerateViewModel implements AutoCloseable {
    /** What the open model can do here. */
    public enum Kind { TEXT, SERIES, NONE }

    /**
     * What was made: the text (or rows) to append, and for a series the values given and continued.
     *
     * @param from      the trace it continues
     * @param appended  the text to add to the input (characters or words; rows of numbers)
     * @param given     a series' values as read (first number of each row), null for text
     * @param continued the values the model wrote alone, null for text
     */
    public record Generated(TraceResult from, String appended, double[] given, double[] continued) {
    }

    private final TraceViewModel trace;
    private final LatestWinsExecutor worker;
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length", 200);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 0.8);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 5);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<Generated> generated = new ReadOnlyObjectWrapper<>(this, "generated");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper writtenFrom = new ReadOnlyIntegerWrapper(this, "writtenFrom", -1);
    private volatile boolean cancelled;
    private int firstNew = -1;
    private String appendedInput;

    public GenerateViewModel(TraceViewModel trace, Executor applier) {
        this.trace = trace;
        worker = new LatestWinsExecutor("generate", applier);
        trace.modelProperty().addListener((o, a, m) -> {
            generated.set(null);
            kind.set(kindOf(m));
            status.set(describe(m));
        });
        trace.inputTextProperty().addListener((o, a, text) -> {
            if (!text.equals(appendedInput)) writtenFrom.set(-1);
        });
        trace.resultProperty().addListener((o, a, r) -> {
            if (firstNew >= 0 && r != null && r.steps() > firstNew) {
                trace.jumpTo(firstNew);
                firstNew = -1;
            }
        });
    }

    static Kind kindOf(RnnModel m) {
        if (m == null) return Kind.NONE;
        if (m.takesTokens()) return m.hasHead() && m.outputSize() == m.tokenCount() ? Kind.TEXT : Kind.NONE;
        return m.hasHead() && m.outputSize() == m.inputSize() ? Kind.SERIES : Kind.NONE;
    }

    private static String describe(RnnModel m) {
        return switch (kindOf(m)) {
            case TEXT -> "Generate writes after the input, each token drawn from the model's own prediction.";
            case SERIES -> "Continue lets the model write the series alone: each prediction becomes its next input.";
            case NONE -> m == null ? "" : "This model cannot write: its readout is not over its own inputs.";
        };
    }

    /** Writes N tokens (or values) after the input, off this thread. */
    public void generate() {
        TraceResult r = trace.result();
        if (r == null || running.get() || kind.get() == Kind.NONE) return;
        if (r.steps() == 0) {
            status.set("Type a prompt first: the model continues from its last step.");
            return;
        }
        int n = length.get();
        Sampling sampling;
        try {
            sampling = new Sampling(temperature.get(), topK.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        long s = seed.get();
        boolean text = kind.get() == Kind.TEXT;
        cancelled = false;
        running.set(true);
        status.set(text ? "Writing " + n + " tokens (" + sampling.describe() + ", seed " + s + ")..."
                : "Continuing the series for " + n + " steps...");
        long t0 = System.nanoTime();
        worker.submit(() -> text ? text(r, n, sampling, s) : series(r, n), g -> {
            running.set(false);
            generated.set(g);
            double ms = (System.nanoTime() - t0) / 1e6;
            status.set(text ? String.format(Locale.ROOT, "%d tokens written in %.0f ms (%s, seed %d); Append adds them "
                    + "to the input", n, ms, sampling.describe(), s)
                    : String.format(Locale.ROOT, "%d values written alone in %.0f ms; Append adds them to the input",
                    g.continued().length, ms));
        }, e -> {
            running.set(false);
            status.set("could not generate: " + Messages.oneLine(e));
        });
    }

    private Generated text(TraceResult r, int n, Sampling sampling, long s) {
        RnnModel m = r.model();
        TextGenerator g = new TextGenerator(m);
        g.continueFrom(r.original(), r.steps() - 1);
        TextGenerator.Generation out = g.generate(n, sampling, new Random(s), Progress.NONE, () -> cancelled);
        List<String> tokens = new ArrayList<>();
        for (int id : out.tokens()) tokens.add(m.vocabulary().get(id));
        String joined = TextEncoding.tokenizerOf(m).join(tokens);
        boolean words = "word".equals(m.tokenizer());
        return new Generated(r, words && !joined.isEmpty() ? " " + joined : joined, null, null);
    }

    private Generated series(TraceResult r, int n) {
        SeriesContinuation c = new SeriesContinuation(r.model());
        c.continueFrom(r.original(), r.steps() - 1);
        double[][] rows = c.continueAlone(n, Progress.NONE, () -> cancelled);
        double[][] in = r.input().vectors();
        double[] given = new double[in.length], continued = new double[rows.length];
        for (int t = 0; t < in.length; t++) given[t] = in[t][0];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            continued[i] = rows[i][0];
            for (int j = 0; j < rows[i].length; j++) sb.append(j > 0 ? ", " : "").append(rows[i][j]);
            sb.append('\n');
        }
        return new Generated(r, sb.toString(), given, continued);
    }

    /** Stops a generation before its next token; what it wrote so far is kept. */
    public void cancel() {
        cancelled = true;
    }

    /** Adds what was generated to the input; when it is traced, the first new step is shown. */
    public void append() {
        Generated g = generated.get();
        if (g == null || g.from() != trace.result()) return;
        String text = trace.inputTextProperty().get();
        if (kind.get() == Kind.SERIES && !text.isEmpty() && !text.endsWith("\n")) text += "\n";
        firstNew = g.from().steps();
        generated.set(null);
        appendedInput = text + g.appended();
        trace.inputTextProperty().set(appendedInput);
        writtenFrom.set(firstNew);
        status.set("Appended: step " + (firstNew + 1) + " is the first the model wrote.");
    }

    public IntegerProperty lengthProperty() { return length; }
    public DoubleProperty temperatureProperty() { return temperature; }
    /** k of top-k; 0 = every token. */
    public IntegerProperty topKProperty() { return topK; }
    public IntegerProperty seedProperty() { return seed; }
    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** The last result, until it is appended or the model changes; null otherwise. */
    public ReadOnlyObjectProperty<Generated> generatedProperty() { return generated.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The first step of the input the model wrote (after Append, until the input is edited), −1 for none. */
    public ReadOnlyIntegerProperty writtenFromProperty() { return writtenFrom.getReadOnlyProperty(); }

    @Override
    public void close() {
        cancel();
        worker.close();
    }
}
