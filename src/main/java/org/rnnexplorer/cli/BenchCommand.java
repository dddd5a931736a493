package org.rnnexplorer.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.analysis.WeightEdit;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.PyTorchInit;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.train.TrainBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the engine on the protocols of {@code torch_peer_bench.py}. {@code trace}: one sequence x[T][D], zero state,
 * forward, then dL/dh_t (and dL/dc_t, and every parameter gradient) for {@code L = Σ h_{T−1}}. Prints one JSON line
 * per measurement with the median over the repetitions, after warm-up, on this one thread. {@code train}: see
 * {@link #train}. {@code whatif} (no peer): the gradient lab's redraw on each slider move, see {@link #whatIf}.
 * {@code store}, {@code window}, {@code npz}: long inputs through a real model, see {@link LongInputBench}.
 * {@code find-units} (no peer): the unit finder's scoring, see {@link FindUnitsBench}. {@code import} and {@code open}
 * (no peer): reading a PyTorch checkpoint, and opening one as the window does ({@link OpenBench}).
 * {@code fx-responsiveness} (no peer): the JavaFX thread's wait while the window traces and trains, see
 * {@link WindowProtocol}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the engine on the PyTorch peer's protocols; one JSON line per measurement.")
public final class BenchCommand implements Callable<Integer> {
    /** Most timed repetitions: a median of 1000 is as good as it gets, and more could run for hours. */
    static final int MAX_REPS = 1000;
    /** Most untimed repetitions (the warm-up also runs for at least two seconds). */
    static final int MAX_WARMUP = 10_000;

    /** The window's responsiveness protocol, plugged in by the launcher (null when the window is not there). */
    private static volatile WindowProtocol fxResponsiveness;

    /** Makes {@code --protocol fx-responsiveness} run {@code p} (the launcher does, from the jar). */
    public static void plugIn(WindowProtocol p) {
        fxResponsiveness = p;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", defaultValue = "trace", description = "trace, train, whatif, import, open, store, window, npz, heatmap-fps, find-units, text-scroll or fx-responsiveness")
    String protocol;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "with --protocol import or open: the PyTorch checkpoint to read")
    java.nio.file.Path checkpoint;

    @picocli.CommandLine.Mixin
    CheckpointOptions checkpointOptions;

    @Option(names = "--model", paramLabel = "M.json", description = "store, window, npz: the model file")
    java.nio.file.Path modelFile;

    @Option(names = "--text-file", paramLabel = "F.txt", description = "store, window, npz: the text (its first --steps tokens)")
    java.nio.file.Path textFile;

    @Option(names = "--window", defaultValue = "1000", description = "window: the steps W of the gradient window")
    int window;

    @Option(names = "--cell", defaultValue = "lstm", description = "rnn, lstm or gru")
    String cell;

    @Option(names = "--input-size", defaultValue = "16", description = "D")
    int inputSize;

    @Option(names = "--hidden", defaultValue = "64", description = "H")
    int hidden;

    @Option(names = "--steps", defaultValue = "200", description = "T")
    int steps;

    @Option(names = "--layers", defaultValue = "1", description = "L (find-units)")
    int layers;

    @Option(names = "--threads", defaultValue = "2", description = "find-units: also time this many scoring threads; "
            + "store, npz: the engine's threads (1, or 2 for its pipeline; at most the machine's cores)")
    int threads;

    @Option(names = "--batch", defaultValue = "1", description = "B")
    int batch;

    @Option(names = "--reps", defaultValue = "15", description = "timed repetitions, 1..1000 (the median is printed)")
    int reps;

    @Option(names = "--warmup", defaultValue = "20", description = "untimed repetitions first, 0..10000")
    int warmup;

    @Override
    public Integer call() {
        CellType c = CellType.fromId(cell);
        if (c == null) throw new BadInputException("--cell: unknown cell '" + org.rnnexplorer.io.Escaped.text(cell) + "' (rnn, lstm or gru)");
        atLeast("--input-size", inputSize, 1);
        atLeast("--hidden", hidden, 1);
        atLeast("--steps", steps, 1);
        atLeast("--batch", batch, 1);
        within("--reps", reps, 1, MAX_REPS);
        within("--warmup", warmup, 0, MAX_WARMUP);
        if (spec.commandLine().getParseResult().hasMatchedOption("--input-size") && protocol.equals("train"))
            throw new BadInputException("--input-size does not apply to --protocol train (its input is an embedding"
                    + " of 16, as the peer's)");
        if (List.of("store", "window", "npz").contains(protocol)) return longInput();
        if (protocol.equals("heatmap-fps")) { print(HeatmapFpsBench.run(modelFile, textFile, steps, reps)); return 0; }
        if (protocol.equals("find-units")) return findUnits(c);
        if (protocol.equals("text-scroll")) return printAll(TextScrollBench.run(modelFile, textFile, steps));
        if (protocol.equals("fx-responsiveness")) return fxResponsiveness();
        checkMemory(c);
        if (protocol.equals("import")) return importCheckpoint();
        if (protocol.equals("open")) return openCheckpoint();
        if (checkpoint != null) throw new BadInputException("--checkpoint only applies with --protocol import or open");
        if (protocol.equals("train")) return train(c);
        if (protocol.equals("whatif")) return whatIf(c);
        if (!protocol.equals("trace"))
            throw new BadInputException("--protocol: unknown protocol '" + protocol
                    + "' (trace, train, whatif, import, open, store, window, npz, heatmap-fps, find-units, text-scroll or fx-responsiveness)");
        RnnModel model = randomModel(c, inputSize, hidden, new Random(1));
        checkWorkspace(model);
        InputBatch input = randomInput(batch, steps, inputSize, new Random(2));
        Trace trace = new Trace(model, batch, steps);
        Gradients g = new Gradients(model, batch, steps).withInputGradient(false); // as the peer: x needs no gradient
        DotObjective objective = DotObjective.sum(hidden);
        Runnable once = () -> {
            ForwardPass.run(model, input, List.of(), trace);
            BackwardPass.run(model, trace, objective, List.of(), g);
        };
        double ms = medianMillis(once, warmup, reps);
        print(String.format(Locale.ROOT,
                "{\"protocol\": \"trace\", \"engine\": \"rnn-explorer\", \"cell\": \"%s\", \"D\": %d, \"H\": %d, \"T\": %d, "
                        + "\"B\": %d, \"dtype\": \"float64\", \"threads\": 1, \"median_ms\": %.3f}",
                c.id(), inputSize, hidden, steps, batch, ms));
        return 0;
    }

    /**
     * The peer's {@code train} protocol: a character model, embedding E = 16 over V = 64 tokens, one cell of H units,
     * a linear readout to V; B random sequences of T tokens with random targets; the mean cross-entropy at every step,
     * backward, one Adam step (lr 10⁻³) over every parameter. Prints median_ms and tokens_per_s = B·T / median.
     */
    private Integer train(CellType c) {
        int vocab = 64, emb = 16;
        Random r = new Random(3);
        RnnModel model = TrainBench.model(c, vocab, emb, hidden, r);
        checkWorkspace(model);
        int[][] x = new int[batch][steps], y = new int[batch][steps];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++) {
                x[b][t] = r.nextInt(vocab);
                y[b][t] = r.nextInt(vocab);
            }
        TrainBench bench = new TrainBench(model, x, y);
        double ms = medianMillis(bench::step, warmup, reps);
        print(String.format(Locale.ROOT,
                "{\"protocol\": \"train\", \"engine\": \"rnn-explorer\", \"cell\": \"%s\", \"E\": %d, \"V\": %d, "
                        + "\"H\": %d, \"T\": %d, \"B\": %d, \"dtype\": \"float64\", \"threads\": 1, \"median_ms\": %.3f, "
                        + "\"tokens_per_s\": %d}",
                c.id(), emb, vocab, hidden, steps, batch, ms, Math.round(batch * steps / ms * 1e3)));
        return 0;
    }

    /**
     * The gradient lab's redraw when a what-if slider moves: {@link GradientCurves#edited} on one sequence of T
     * random vectors, that is a changed copy of the model (W_hh ← s·W_hh, forget / update gate bias ← b), the forward
     * pass, the full backward pass of L = Σ h_{T−1}, and the curve ‖dL/dh_t‖ with its bound (RNN, σ_max by SVD) or
     * forget-gate product (LSTM). Each call moves the sliders (s from 0.5 to 1.5, b from 0 to 3) as a drag does.
     */
    private Integer whatIf(CellType c) {
        if (batch != 1) throw new BadInputException("--batch: the whatif protocol times one sequence (B = 1)");
        RnnModel model = randomModel(c, inputSize, hidden, new Random(1));
        InputBatch input = randomInput(1, steps, inputSize, new Random(2));
        GradientObjective objective = GradientObjective.sumOfLastState();
        int[] move = {0};
        Runnable redraw = () -> {
            int i = move[0]++;
            WeightEdit sliders = new WeightEdit(0.5 + 0.05 * (i % 21), 0.5 * (i % 7), steps);
            GradientCurves.edited(model, input, objective, sliders, c.id());
        };
        double ms = medianMillis(redraw, warmup, reps);
        print(String.format(Locale.ROOT,
                "{\"protocol\": \"whatif\", \"engine\": \"rnn-explorer\", \"cell\": \"%s\", \"D\": %d, \"H\": %d, "
                        + "\"T\": %d, \"B\": 1, \"dtype\": \"float64\", \"threads\": 1, \"median_ms\": %.3f}",
                c.id(), inputSize, hidden, steps, ms));
        return 0;
    }

    /**
     * Reading a PyTorch checkpoint into a model, as the window does when it opens one: unzip or read the legacy
     * file, unpickle, find the parts, convert the weights to doubles. Prints the first (cold) read and the median.
     */
    private Integer importCheckpoint() {
        if (checkpoint == null) throw new BadInputException("--protocol import needs --checkpoint FILE");
        org.rnnexplorer.io.pytorch.ImportOptions options = checkpointOptions.toImportOptions();
        long t0 = System.nanoTime();
        org.rnnexplorer.io.pytorch.CheckpointImport.readModel(checkpoint, options);
        double first = (System.nanoTime() - t0) / 1e6;
        double ms = medianMillis(() -> org.rnnexplorer.io.pytorch.CheckpointImport.readModel(checkpoint, options), warmup, reps);
        long bytes;
        try {
            bytes = java.nio.file.Files.size(checkpoint);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        print(String.format(Locale.ROOT, "{\"protocol\": \"import\", \"engine\": \"rnn-explorer\", \"file\": %s, "
                        + "\"bytes\": %d, \"first_ms\": %.1f, \"median_ms\": %.3f}",
                quoteJson(checkpoint.getFileName().toString()), bytes, first, ms));
        return 0;
    }

    /** Opening a checkpoint as the window does, {@link OpenBench}. */
    private Integer openCheckpoint() {
        if (checkpoint == null) throw new BadInputException("--protocol open needs --checkpoint FILE");
        print(OpenBench.run(checkpoint, checkpointOptions.toImportOptions(), warmup, reps));
        return 0;
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The long-input protocols, {@link LongInputBench}. */
    private Integer longInput() {
        within("--threads", threads, 1, 2);
        LongInputBench b = new LongInputBench(modelFile, textFile, steps, warmup, reps,
                Math.min(threads, Runtime.getRuntime().availableProcessors()));
        try {
            print(switch (protocol) {
                case "store" -> b.store();
                case "window" -> b.window(window);
                default -> b.npz();
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }

    private Integer findUnits(CellType c) {
        atLeast("--layers", layers, 1);
        atLeast("--threads", threads, 1);
        if (layers > RnnModel.MAX_LAYERS) throw new BadInputException("--layers must be at most " + RnnModel.MAX_LAYERS);
        double bytes = FindUnitsBench.columnBytes(c, hidden, layers, steps);
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.6 * max)
            throw new BadInputException(String.format(java.util.Locale.ROOT, "the series need about %.0f MB and %d MB "
                    + "are available: use a smaller --hidden, --layers or --steps", bytes / 1e6, max / 1_000_000));
        for (String line : FindUnitsBench.run(c, inputSize, hidden, layers, steps, threads, warmup, reps)) print(line);
        return 0;
    }

    /** See {@code ui.app.ResponsivenessBench}: the JavaFX thread's wait while the window traces and trains. */
    private Integer fxResponsiveness() {
        WindowProtocol p = fxResponsiveness;
        if (p == null)
            throw new BadInputException("--protocol fx-responsiveness runs the window: start it from the jar"
                    + " (java -jar rnn-explorer.jar bench --protocol fx-responsiveness)");
        int t = spec.commandLine().getParseResult().hasMatchedOption("--steps") ? steps : 5000;
        within("--steps", t, 1, org.rnnexplorer.data.InputLimits.MAX_STEPS);
        return p.run(t, this::print);
    }

    private Integer printAll(List<String> jsonLines) {
        for (String line : jsonLines) print(line);
        return 0;
    }

    private void print(String jsonLine) {
        spec.commandLine().getOut().println(jsonLine);
        spec.commandLine().getOut().flush();
    }

    /** B sequences of T standard normal vectors of D numbers. */
    private static InputBatch randomInput(int batch, int steps, int d, Random r) {
        double[][][] x = new double[batch][steps][d];
        for (double[][] seq : x) for (double[] row : seq) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return InputBatch.ofVectorBatch(x);
    }

    /**
     * Runs {@code task} untimed at least {@code warmup} times and for at least two seconds (the JIT needs seconds,
     * not a few calls, to compile the per-step loops), then returns the median of {@code reps} timed runs.
     */
    private static void atLeast(String option, int value, int least) {
        if (value < least) throw new BadInputException(option + " must be at least " + least + ", got " + value);
    }

    private static void within(String option, int value, int least, int most) {
        if (value < least || value > most)
            throw new BadInputException(option + " must be " + least + ".." + most + ", got " + value);
    }

    /**
     * Refuses sizes whose weights and optimiser state (weights, gradients, two Adam moments: about
     * 32·G·H·(D + H + 2) bytes) cannot fit in the heap, before any is allocated.
     */
    private void checkMemory(CellType c) {
        double g = c.blocks(), h = hidden, d = protocol.equals("train") ? 16 : inputSize;
        fits(32 * g * h * (d + h + 2), g * h * Math.max(h, d) > Integer.MAX_VALUE);
    }

    /** Refuses a trace and gradients of B × T steps of {@code model} that cannot fit beside its weights. */
    private void checkWorkspace(RnnModel model) {
        fits(Trace.bytesFor(model, batch, steps) + (double) Gradients.bytesFor(model, batch, steps), false);
    }

    private static void fits(double bytes, boolean tooLargeAnyway) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.6 * max || tooLargeAnyway)
            throw new BadInputException(String.format(java.util.Locale.ROOT, "this benchmark needs about %.0f MB and "
                    + "%d MB are available: use a smaller --hidden, --steps or --batch", bytes / 1e6, max / 1_000_000));
    }

    static double medianMillis(Runnable task, int warmup, int reps) {
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < warmup || System.nanoTime() < until; i++) task.run();
        double[] ts = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            task.run();
            ts[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ts);
        return reps % 2 == 1 ? ts[reps / 2] : (ts[reps / 2 - 1] + ts[reps / 2]) / 2;
    }

    /** Weights uniform in ±1/√H, PyTorch's default initialisation. */
    static RnnModel randomModel(CellType c, int d, int h, Random r) {
        List<LayerWeights> ls = List.of(PyTorchInit.layer(c, d, h, r));
        return new RnnModel(c, d, h, ls, null, null, null, null, null, null);
    }
}
