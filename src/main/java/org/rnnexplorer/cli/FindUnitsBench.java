package org.rnnexplorer.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.ChunkedForwardSeries;
import org.rnnexplorer.analysis.FloatColumns;
import org.rnnexplorer.analysis.Target;
import org.rnnexplorer.analysis.TokenizedText;
import org.rnnexplorer.analysis.UnitFinder;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * {@code bench --protocol find-units}: the unit finder's scoring alone, as the window will run it on a long trace
 * already in memory. A random L x H model (PyTorch's initialisation) runs once over T random input vectors; its
 * series (h, c, every gate of every layer: L·6·H for an LSTM) are kept as float columns; then
 * {@link UnitFinder#rank} scores all of them against the bracket depth of a generated text of T characters
 * (one hypothesis), and against the nine built-in hypotheses at once (the summary), each with one thread and with
 * {@code threads} threads. One JSON line per measurement: the median wall time and CPU time of the timed runs.
 */
final class FindUnitsBench {
    private FindUnitsBench() {
    }

    static List<String> run(CellType cell, int inputSize, int hidden, int layers, int steps, int threads, int warmup,
                            int reps) {
        RnnModel model = randomModel(cell, inputSize, hidden, layers, new Random(1));
        Random r = new Random(2);
        double[][] x = new double[steps][inputSize];
        for (double[] row : x) for (int j = 0; j < inputSize; j++) row[j] = r.nextGaussian();
        FloatColumns columns = FloatColumns.copyOf(new ChunkedForwardSeries(model, InputBatch.ofVectors(x), 1024));
        TokenizedText text = TokenizedText.of(BracketsTask.text(new Random(3), steps).substring(0, steps),
                CharTokenizer.INSTANCE);
        List<Target> all = new ArrayList<>();
        for (BuiltInHypothesis h : BuiltInHypothesis.values()) all.add(h.target(text));
        List<Target> depth = List.of(all.get(0));
        List<String> lines = new ArrayList<>();
        for (List<Target> targets : List.of(depth, all))
            for (int th : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                UnitFinder.Options options = UnitFinder.Options.defaults().withThreads(th);
                double[] ms = medians(() -> UnitFinder.rank(columns, targets, options, UnitFinder.Progress.NONE),
                        warmup, reps);
                lines.add(String.format(Locale.ROOT,
                        "{\"protocol\": \"find-units\", \"engine\": \"rnn-explorer\", \"cell\": \"%s\", \"layers\": %d, "
                                + "\"H\": %d, \"T\": %d, \"series\": %d, \"hypotheses\": %d, \"threads\": %d, "
                                + "\"median_ms\": %.3f, \"median_cpu_ms\": %.3f}",
                        cell.id(), layers, hidden, steps, columns.layout().count(), targets.size(), th, ms[0], ms[1]));
            }
        return lines;
    }

    /**
     * The median wall time and the median CPU time of the whole process (every thread) per run, in ms, after at
     * least {@code warmup} runs and two seconds. On a loaded machine the CPU time says what the work costs when the
     * wall time also holds the waits for a core.
     */
    static double[] medians(Runnable task, int warmup, int reps) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < warmup || System.nanoTime() < until; i++) task.run();
        double[] wall = new double[reps], cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            task.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        return new double[] {median(wall), median(cpu)};
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Bytes the float columns take: 4 · L · (quantities) · H · T. */
    static double columnBytes(CellType cell, int hidden, int layers, int steps) {
        int quantities = 1 + (cell.hasCellState() ? 1 : 0) + (cell == CellType.RNN ? 0 : cell.blocks());
        return 4.0 * layers * quantities * hidden * (double) steps;
    }

    /** Every weight and bias uniform in ±1/√H. */
    private static RnnModel randomModel(CellType c, int d, int h, int layers, Random r) {
        double k = 1.0 / Math.sqrt(h);
        List<LayerWeights> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            LayerWeights w = LayerWeights.zeros(c.blocks(), l == 0 ? d : h, h);
            for (var m : List.of(w.wIh, w.wHh, w.bIh, w.bHh))
                for (int i = 0; i < m.data.length; i++) m.data[i] = (2 * r.nextDouble() - 1) * k;
            ls.add(w);
        }
        return new RnnModel(c, d, h, ls, null, null, null, null, null, null);
    }
}
