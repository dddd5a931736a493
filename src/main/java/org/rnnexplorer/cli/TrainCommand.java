package org.rnnexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.rnnexplorer.io.Escaped;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.Evaluator;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.train.ProgressEvent;
import org.rnnexplorer.train.Trainer;
import org.rnnexplorer.train.TrainingConfig;
import org.rnnexplorer.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a model on one of the built-in tasks. Progress goes to stderr; the last line on stdout is one JSON summary
 * (task, cell, steps, loss, accuracy, seconds, status). With {@code --out} the model is written with the command line
 * that made it and its final loss and accuracy.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model on a built-in task (recall, adding, counting, sine, brackets, text).")
public final class TrainCommand implements Callable<Integer> {
    static final int MAX_HIDDEN = 1024;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    TaskOptions taskOptions;

    @Option(names = "--cell", defaultValue = "lstm", description = "rnn, lstm or gru (default: ${DEFAULT-VALUE})")
    String cell;

    @Option(names = "--hidden", description = "hidden units H (default: the task's preset)")
    Integer hidden;

    @Option(names = "--layers", defaultValue = "1", description = "stacked layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--embedding", defaultValue = "0", description = "learned embedding width for token tasks (0: one-hot input)")
    int embedding;

    @Option(names = "--steps", description = "batches to train on (default: the preset)")
    Integer steps;

    @Option(names = "--batch", description = "sequences per batch (default: the preset)")
    Integer batch;

    @Option(names = "--lr", description = "learning rate (default: the preset)")
    Double lr;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, sgd or momentum (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--clip", defaultValue = "1.0", description = "largest global gradient norm, 0 = none (default: ${DEFAULT-VALUE})")
    double clip;

    @Option(names = "--truncate", defaultValue = "0", description = "truncated BPTT chunk length, 0 = full BPTT")
    int truncate;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the weights and the batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--forget-bias", description = "initial LSTM forget / GRU update gate bias (default: the preset)")
    Double forgetBias;

    @Option(names = "--until-solved", description = "stop as soon as a held-out check reaches the task's goal")
    boolean untilSolved;

    @Option(names = "--eval-every", defaultValue = "50", description = "held-out check every N steps with --until-solved (default: ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--out", description = "write the trained model here (JSON)")
    Path out;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (out != null) PathOptions.distinct(Collections.singletonMap("--file", taskOptions.file), Map.of("--out", out));
        CellType c = CellType.fromId(cell);
        if (c == null) throw new BadInputException("--cell: unknown cell '" + Escaped.text(cell) + "' (rnn, lstm or gru)");
        refuseOptionsThatDoNotApply(c);
        if (clip < 0) throw new BadInputException("--clip must be 0 or more (0 turns clipping off), got " + clip);
        Task t = taskOptions.make(spec);
        Preset p = Preset.of(t.name());
        int h = hidden != null ? hidden : p.hidden();
        if (layers < 1 || layers > RnnModel.MAX_LAYERS)
            throw new BadInputException("--layers must be 1.." + RnnModel.MAX_LAYERS + ", got " + layers);
        if (h < 1 || h > MAX_HIDDEN) throw new BadInputException("--hidden must be 1.." + MAX_HIDDEN + ", got " + h);
        if (forgetBias != null && !Double.isFinite(forgetBias))
            throw new BadInputException("--forget-bias must be a finite number, got " + forgetBias);
        if (untilSolved && evalEvery < 1)
            throw new BadInputException("--eval-every must be at least 1 with --until-solved, got " + evalEvery);
        double fb = forgetBias != null ? forgetBias : p.forgetBias();
        TrainingConfig config = new TrainingConfig(steps != null ? steps : p.steps(), batch != null ? batch : p.batch(),
                optimizer, lr != null ? lr : p.learningRate(), clip, truncate, seed, fb,
                untilSolved ? evalEvery : 0, untilSolved, 1);
        checkMemory(t, c, h, config);
        if (out != null) OutputCheck.writable(out);
        RnnModel start = Initializer.create(t.shape(), c, h, layers, embedding, fb, new Random(seed));
        Trainer trainer = new Trainer(t, config);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), quiet);
        TrainingResult r = trainer.train(start, bar::show);
        bar.finish();
        if (r.status() == TrainingResult.Status.DIVERGED) throw new BadInputException(r.message());

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", t.name());
        summary.put("cell", c.id());
        summary.put("hidden", h);
        summary.put("steps", r.steps());
        summary.put("loss", round(r.loss()));
        summary.put("accuracy", Double.isNaN(r.accuracy()) ? null : round(r.accuracy()));
        summary.put("seconds", Math.round(r.seconds() * 100) / 100.0);
        summary.put("status", r.status().name().toLowerCase(Locale.ROOT));
        summary.put("goal", t.goal().toString());
        summary.put("seed", seed);
        if (out != null) {
            Map<String, Object> meta = new LinkedHashMap<>(start.metadata());
            meta.put("description", c.id().toUpperCase(Locale.ROOT) + " trained on " + t.name() + ": " + t.describe());
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("command", TaskOptions.commandLine(spec));
            training.putAll(summary);
            training.put("settings", settings(t, h, config));
            meta.put("training", training);
            ModelOutput.write(r.model().withMetadata(meta), out);
            summary.put("out", out.toString());
        }
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(summary));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Refuses options that the run would ignore (the task options are checked by {@link TaskOptions}). */
    private void refuseOptionsThatDoNotApply(CellType c) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--eval-every") && !untilSolved)
            throw new BadInputException("--eval-every does not apply without --until-solved (the held-out check runs"
                    + " only at the end)");
        if (parsed.hasMatchedOption("--forget-bias") && c == CellType.RNN)
            throw new BadInputException("--forget-bias does not apply to --cell rnn (a vanilla RNN has no forget or"
                    + " update gate)");
    }

    /** Every setting the run used, presets resolved, so the run can be repeated even if the presets change. */
    private Map<String, Object> settings(Task t, int h, TrainingConfig config) {
        Map<String, Object> m = taskOptions.settings(t);
        m.put("hidden", h);
        m.put("layers", layers);
        m.put("embedding", embedding);
        m.put("steps", config.steps());
        m.put("batch", config.batch());
        m.put("optimizer", config.optimizer());
        m.put("lr", config.learningRate());
        m.put("clip", config.clip());
        m.put("truncate", config.truncate());
        m.put("forgetBias", config.forgetBias());
        m.put("untilSolved", config.stopWhenSolved());
        m.put("seed", config.seed());
        return m;
    }

    /** Refuses a run whose workspace (trace and gradients of one batch) would not fit in this JVM's memory. */
    private void checkMemory(Task t, CellType c, int h, TrainingConfig config) {
        int seqSteps = t.sample(new Random(0), 1).steps();
        int chunk = config.truncate() > 0 ? Math.min(config.truncate(), seqSteps) : seqSteps;
        int in = embedding > 0 ? embedding : t.shape().inputSize();
        double perStep = layers * (3.0 * c.blocks() * h + 8.0 * h) + 2.0 * in + 3.0 * t.shape().outputSize();
        double bytes = 8.0 * config.batch() * (double) chunk * perStep + 8.0 * config.batch() * seqSteps * in;
        // the held-out check: Evaluator.BATCH whole sequences, forward only (x, pre, act, h, c, tanh c; logits, p)
        double perStepForward = layers * (2.0 * c.blocks() * h + 3.0 * h) + in + 2.0 * t.shape().outputSize();
        double check = 8.0 * Evaluator.BATCH * (double) seqSteps * perStepForward
                + 8.0 * Trainer.EVAL_SEQUENCES * (double) seqSteps * t.shape().inputSize();
        long max = Runtime.getRuntime().maxMemory();
        if (Math.max(bytes, check) > 0.6 * max)
            throw new BadInputException(String.format(Locale.ROOT, "this run needs about %.0f MB for %s and "
                    + "%d MB are available: %s", Math.max(bytes, check) / 1e6,
                    bytes >= check ? "one batch" : "the held-out check (" + Evaluator.BATCH + " whole sequences)",
                    max / 1_000_000, bytes >= check ? "use a smaller --batch, --hidden or sequence, or --truncate"
                            : "use a smaller --hidden or a shorter sequence"));
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)) : v;
    }

    /** A one-line progress bar, redrawn in place on a terminal, a line every 10% otherwise. */
    static final class ProgressBar {
        private final PrintWriter err;
        private final boolean quiet;
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private int lastTenth = -1;
        private double emaLoss = Double.NaN;
        private double emaAcc = Double.NaN;

        ProgressBar(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void show(ProgressEvent e) {
            emaLoss = Double.isNaN(emaLoss) ? e.loss() : 0.9 * emaLoss + 0.1 * e.loss();
            if (!Double.isNaN(e.accuracy())) emaAcc = Double.isNaN(emaAcc) ? e.accuracy() : 0.9 * emaAcc + 0.1 * e.accuracy();
            if (quiet) return;
            int tenth = (int) (10L * e.step() / e.totalSteps());
            long now = System.nanoTime();
            boolean last = e.step() == e.totalSteps();
            if (terminal ? (now - lastDraw < 100_000_000L && !last) : (tenth == lastTenth && !last)) return;
            lastDraw = now;
            lastTenth = tenth;
            int filled = (int) (30L * e.step() / e.totalSteps());
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d loss %.4f%s |g| %.3g %.0f tok/s %.1fs",
                    "#".repeat(filled), ".".repeat(30 - filled), e.step(), e.totalSteps(), emaLoss,
                    Double.isNaN(emaAcc) ? "" : String.format(Locale.ROOT, " acc %.3f", emaAcc), e.gradientNorm(),
                    e.tokensPerSecond(), e.seconds());
            if (terminal) err.print("\r" + line);
            else err.println(line);
            err.flush();
        }

        void finish() {
            if (!quiet && terminal) {
                err.println();
                err.flush();
            }
        }
    }
}
