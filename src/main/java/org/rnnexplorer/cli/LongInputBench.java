package org.rnnexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.NpzWriter;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.io.TraceNpz;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.RobustScale;
import org.rnnexplorer.model.StepObjective;

/**
 * The long-input protocols of {@code bench}, on a real model and text (issue: 200,000 characters through a 2 × 128
 * LSTM): {@code store}, the forward pass of the first T tokens into a {@link CompactTrace} (and its memory, and how
 * much of the c heatmap a largest-|c| colour scale leaves near white against the robust one); {@code window}, a
 * gradient window of W steps at steps spread over the text; {@code npz}, {@code trace --format npz} of T steps.
 */
final class LongInputBench {
    private final RnnModel model;
    private final Path modelFile;
    private final int[] ids;
    private final List<String> tokens;
    private final int warmup;
    private final int reps;
    private final int threads;

    LongInputBench(Path modelFile, Path textFile, int steps, int warmup, int reps, int threads) {
        if (modelFile == null || textFile == null)
            throw new BadInputException("--model and --text-file: the store, window and npz protocols run a model file over a text");
        this.modelFile = modelFile;
        this.model = ModelFile.read(modelFile);
        if (model.vocabulary().isEmpty()) throw new BadInputException(modelFile + ": the model has no vocabulary to read text");
        List<String> all = Tokenizer.named(model.tokenizer() == null ? "char" : model.tokenizer()).split(TextFile.read(textFile));
        if (all.size() < steps)
            throw new BadInputException(textFile + ": " + all.size() + " tokens, fewer than --steps " + steps);
        this.tokens = all.subList(0, steps);
        try {
            this.ids = Vocabulary.of(model.vocabulary()).encode(tokens);
        } catch (UnknownTokenException e) {
            throw new BadInputException(textFile + ": tokens outside the model's vocabulary: " + e.describePositions("tokens"));
        }
        this.warmup = warmup;
        this.reps = reps;
        this.threads = threads;
    }

    private String sizes() {
        return String.format(Locale.ROOT, "\"engine\": \"rnn-explorer\", \"model\": \"%s\", \"cell\": \"%s\", \"layers\": %d, "
                        + "\"H\": %d, \"T\": %d, \"dtype\": \"float64\", \"threads\": %d, \"processors\": %d, \"loadAverage\": %.2f",
                modelFile.getFileName(), model.cell().id(), model.layerCount(), model.hiddenSize(), ids.length, threads,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void fits(long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.9 * max)
            throw new BadInputException(String.format(Locale.ROOT, "this benchmark needs about %d MB and %d MB are "
                    + "available: use a smaller --steps or give Java more memory with -Xmx", bytes >> 20, max >> 20));
    }

    /**
     * Median time (wall, and CPU of every thread) to record the compact trace; then the memory it holds and the c
     * heatmap's near-white shares.
     */
    String store() {
        fits(CompactTrace.bytesFor(model, ids.length, CompactTrace.DEFAULT_EVERY));
        InputBatch x = InputBatch.ofTokens(ids);
        double[] wallCpu = FindUnitsBench.medians(
                () -> new CompactTrace(model, x, List.of()).withThreads(threads).record(null), warmup, reps);
        double ms = wallCpu[0];
        CompactTrace store = new CompactTrace(model, x, List.of());
        store.record(null);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        StringBuilder byMax = new StringBuilder(), robust = new StringBuilder(), perUnit = new StringBuilder();
        int c = store.seriesIndex("c");
        for (int l = 0; c >= 0 && l < store.layerCount(); l++) {
            RobustScale.Grid g = grid(store, l, c, false);
            String sep = l == 0 ? "" : ", ";
            byMax.append(sep).append(share(RobustScale.percentile(g, 1.0), g));
            robust.append(sep).append(share(RobustScale.percentile(g, 0.99), g));
            perUnit.append(sep).append(share(RobustScale.perUnit(grid(store, l, c, true), 0.99), g));
        }
        return String.format(Locale.ROOT, "{\"protocol\": \"store\", %s, \"median_ms\": %.1f, \"median_cpu_ms\": %.1f, "
                        + "\"steps_per_s\": %d, "
                        + "\"store_mb\": %.1f, \"heap_used_mb\": %.1f, \"max_heap_mb\": %d, "
                        + "\"c_near_white_by_max\": [%s], \"c_near_white_p99\": [%s], "
                        + "\"c_near_white_per_unit_p99\": [%s]}", sizes(), ms, wallCpu[1],
                Math.round(ids.length / ms * 1e3), CompactTrace.bytesFor(model, ids.length, CompactTrace.DEFAULT_EVERY) / 1e6,
                used / 1e6, rt.maxMemory() >> 20, byMax, robust, perUnit);
    }

    /** The share of cells whose |v| / scale is below 0.05: near white on a blue-white-red map. */
    private static String share(RobustScale scale, RobustScale.Grid g) {
        return String.format(Locale.ROOT, "%.3f", scale.nearZeroShare(g, 0.05));
    }

    /** One series of one layer of a store as a grid for {@link RobustScale}, read a step or a unit at a time. */
    private static RobustScale.Grid grid(CompactTrace store, int layer, int series, boolean byUnit) {
        return new RobustScale.Grid() {
            final float[] line = new float[byUnit ? store.completedSteps() : store.hiddenSize()];
            int cached = -1;

            public int steps() { return store.completedSteps(); }

            public int units() { return store.hiddenSize(); }

            public double value(int step, int unit) {
                int key = byUnit ? unit : step;
                if (key != cached) {
                    if (byUnit) store.readUnit(layer, series, unit, 0, line.length, line);
                    else store.read(layer, series, step, step + 1, line);
                    cached = key;
                }
                return line[byUnit ? step : unit];
            }
        };
    }

    /** Median time of a gradient window of {@code window} steps (the model's loss at step s), s spread over the text. */
    String window(int window) {
        if (window < 1) throw new BadInputException("--window must be at least 1, got " + window);
        if (ids.length < 2) throw new BadInputException("--steps: a gradient window needs at least 2 tokens");
        fits(CompactTrace.bytesFor(model, ids.length, CompactTrace.DEFAULT_EVERY));
        CompactTrace store = new CompactTrace(model, InputBatch.ofTokens(ids), List.of());
        store.record(null);
        int[] call = {0};
        double ms = BenchCommand.medianMillis(() -> {
            long s = (call[0]++ * 7919L * CompactTrace.DEFAULT_EVERY + 61) % (ids.length - 1);
            store.gradientWindow(StepObjective.nextTokenAt(ids, (int) s), window);
        }, warmup, reps);
        return String.format(Locale.ROOT, "{\"protocol\": \"window\", %s, \"W\": %d, \"median_ms\": %.1f}", sizes(),
                window, ms);
    }

    /** Median time (wall, and CPU of every thread) of writing the npz trace of the T steps (the model's own loss), float32. */
    String npz() throws IOException {
        if (ids.length < 2) throw new BadInputException("--steps: the model's loss needs at least 2 tokens");
        fits(TraceNpz.bytesFor(model, ids.length));
        Path dir = Files.createTempDirectory("bench-npz");
        Path out = dir.resolve("trace.npz");
        try {
            InputBatch x = InputBatch.ofTokens(ids);
            StepObjective objective = StepObjective.nextTokenEveryStep(ids);
            double[] wallCpu = FindUnitsBench.medians(() -> TraceNpz.write(out, model, x, List.of(), tokens, objective,
                    objective.describe(), NpzWriter.Dtype.FLOAT32), warmup, reps);
            return String.format(Locale.ROOT, "{\"protocol\": \"npz\", %s, \"median_ms\": %.1f, \"median_cpu_ms\": %.1f, "
                    + "\"file_mb\": %.1f}", sizes(), wallCpu[0], wallCpu[1], Files.size(out) / 1e6);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }
}
