package org.rnnexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.train.PresetTraining;
import org.rnnexplorer.train.ProgressEvent;
import org.rnnexplorer.train.Race;
import org.rnnexplorer.train.RaceResult;
import org.rnnexplorer.train.TrainingConfig;
import org.rnnexplorer.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a vanilla RNN, an LSTM and a GRU at once on the same task, seed and batches (the task's preset), each on
 * its own thread. Progress goes to stderr; stdout gets one JSON summary per cell (the fields of {@code train}'s) and
 * then one line with the race's wall-clock seconds (and its CPU seconds, every thread). {@code --one-after-another}
 * runs the same three on one thread, the timing the race is compared with; {@code --compare} runs the race and then
 * that, in the same JVM (so the JIT has warmed up for the second: the ratio it prints, not favouring the race, is a
 * lower bound), and prints both times and whether the models came out the same.
 */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Train an RNN, an LSTM and a GRU at once on the same task, seed and batches.")
public final class RaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    TaskOptions taskOptions;

    @Option(names = "--steps", description = "batches each run trains on (default: the preset)")
    Integer steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the weights and the batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hidden", description = "hidden units H of every cell (default: the preset)")
    Integer hidden;

    @Option(names = "--batch", description = "sequences per batch (default: the preset)")
    Integer batch;

    @Option(names = "--until-solved", description = "each run stops as soon as a held-out check reaches the task's goal")
    boolean untilSolved;

    @Option(names = "--eval-every", defaultValue = "50", description = "held-out check every N steps with --until-solved (default: ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--one-after-another", description = "run the three one after another on one thread (to compare)")
    boolean oneAfterAnother;

    @Option(names = "--compare", description = "after the race, run the same three one after another in this JVM and "
            + "print both times, their ratio and whether the models are the same")
    boolean compare;

    @Option(names = "--out", paramLabel = "DIR", description = "write the three models here as race-rnn.json, race-lstm.json, race-gru.json")
    Path out;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Task t = taskOptions.make(spec);
        Preset p = Preset.of(t.name());
        int h = hidden != null ? hidden : p.hidden();
        if (h < 1 || h > 1024) throw new BadInputException("--hidden must be 1..1024, got " + h);
        if (untilSolved && evalEvery < 1)
            throw new BadInputException("--eval-every must be at least 1 with --until-solved, got " + evalEvery);
        TrainingConfig config = new TrainingConfig(steps != null ? steps : p.steps(), batch != null ? batch : p.batch(),
                "adam", p.learningRate(), 1.0, 0, seed, p.forgetBias(), untilSolved ? evalEvery : 0, untilSolved, 1);
        if (compare && oneAfterAnother)
            throw new BadInputException("--compare runs the race and then the three one after another: leave out --one-after-another");
        checkMemory(t, h, config);
        checkOut();
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : List.of(CellType.RNN, CellType.LSTM, CellType.GRU)) {
            RnnModel start = Initializer.create(t.shape(), c, h, 1, 0, p.forgetBias(), new Random(seed));
            runs.add(new PresetTraining(t, start, config));
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Race race = new Race(runs);
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        RaceResult r = oneAfterAnother ? race.runOneAfterAnother(progress::show) : race.run(progress::show);
        long cpu1 = os.getProcessCpuTime();
        RaceResult alone = compare ? new Race(runs).runOneAfterAnother(progress::show) : null;
        long cpu2 = os.getProcessCpuTime();

        ObjectMapper json = new ObjectMapper();
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> diverged = new ArrayList<>();
        Map<CellType, Map<String, Object>> summaries = new LinkedHashMap<>();
        for (Map.Entry<CellType, TrainingResult> e : r.results().entrySet()) {
            TrainingResult tr = e.getValue();
            Map<String, Object> s = summary(t, e.getKey(), h, tr);
            if (tr.status() == TrainingResult.Status.DIVERGED) diverged.add(e.getKey().id() + ": " + tr.message());
            summaries.put(e.getKey(), s);
        }
        if (out != null && diverged.isEmpty()) {
            for (Map.Entry<CellType, TrainingResult> e : r.results().entrySet()) {
                Path file = out.resolve("race-" + e.getKey().id() + ".json");
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("description", e.getKey().id().toUpperCase(Locale.ROOT) + " trained on " + t.name() + ": "
                        + t.describe() + " (a race of the three cells, same seed and batches)");
                Map<String, Object> training = new LinkedHashMap<>();
                training.put("command", TaskOptions.commandLine(spec));
                training.putAll(summaries.get(e.getKey()));
                meta.put("training", training);
                ModelOutput.write(e.getValue().model().withMetadata(meta), file);
                summaries.get(e.getKey()).put("out", file.toString());
            }
        }
        for (Map<String, Object> s : summaries.values()) stdout.println(json.writeValueAsString(s));
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("race", oneAfterAnother ? "one-after-another" : "parallel");
        total.put("seconds", Math.round(r.seconds() * 100) / 100.0);
        total.put("threads", oneAfterAnother ? 1 : r.results().size());
        total.put("processors", Runtime.getRuntime().availableProcessors());
        total.put("loadAverage", load < 0 ? null : Math.round(load * 100) / 100.0);
        total.put("cpuSeconds", Math.round((cpu1 - cpu0) / 1e7) / 100.0);
        if (alone != null) {
            total.put("oneAfterAnotherSeconds", Math.round(alone.seconds() * 100) / 100.0);
            total.put("oneAfterAnotherCpuSeconds", Math.round((cpu2 - cpu1) / 1e7) / 100.0);
            total.put("speedup", Math.round(alone.seconds() / r.seconds() * 100) / 100.0);
            total.put("sameModels", sameModels(r, alone));
            total.put("loadAverageAfter", Math.round(os.getSystemLoadAverage() * 100) / 100.0);
        }
        stdout.println(json.writeValueAsString(total));
        stdout.flush();
        if (!diverged.isEmpty())
            throw new BadInputException("race: " + String.join("; ", diverged) + (out != null ? " (no model written)" : ""));
        return 0;
    }

    /** Whether every parameter of every cell's model is the same double in both results. */
    private static boolean sameModels(RaceResult a, RaceResult b) {
        for (Map.Entry<CellType, TrainingResult> e : a.results().entrySet()) {
            var pa = e.getValue().model().namedParameters();
            var pb = b.results().get(e.getKey()).model().namedParameters();
            for (var p : pa.entrySet())
                if (!java.util.Arrays.equals(p.getValue().data, pb.get(p.getKey()).data)) return false;
        }
        return true;
    }

    private static Map<String, Object> summary(Task t, CellType c, int h, TrainingResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", t.name());
        s.put("cell", c.id());
        s.put("hidden", h);
        s.put("steps", r.steps());
        s.put("loss", round(r.loss()));
        s.put("accuracy", Double.isNaN(r.accuracy()) ? null : round(r.accuracy()));
        s.put("seconds", Math.round(r.seconds() * 100) / 100.0);
        s.put("status", r.status().name().toLowerCase(Locale.ROOT));
        s.put("goal", t.goal().toString());
        return s;
    }

    private static Object round(double v) {
        return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)) : null;
    }

    private void checkOut() {
        if (out == null) return;
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException("--out " + out + ": is a file, expected a folder");
        if (!Files.isDirectory(out)) throw new BadInputException("--out " + out + ": no such folder");
        if (!Files.isWritable(out)) throw new BadInputException("--out " + out + ": the folder is not writable");
    }

    /**
     * Refuses a race whose three workspaces (trace and gradients of one batch, and the held-out check's 64 whole
     * sequences, per run) would not fit in this JVM's memory; about 8 bytes × B × T × (3·G·H + 8·H + 2·D + 3·V) per run.
     */
    private void checkMemory(Task t, int h, TrainingConfig config) {
        int seqSteps = t.sample(new Random(0), 1).steps();
        double in = t.shape().inputSize(), v = t.shape().outputSize(), bytes = 0;
        for (CellType c : CellType.values()) {
            double perStep = 3.0 * c.blocks() * h + 8.0 * h + 2 * in + 3 * v;
            bytes += 8.0 * Math.max(config.batch(), 64) * (double) seqSteps * perStep;
        }
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.6 * max)
            throw new BadInputException(String.format(Locale.ROOT, "this race needs about %.0f MB and %d MB are "
                    + "available: use a smaller --batch, --hidden or sequence", bytes / 1e6, max / 1_000_000));
    }

    /** One progress line per cell each time it passes another tenth of its steps (and at its last step). */
    static final class Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final Map<CellType, Integer> lastTenth = new LinkedHashMap<>();

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void show(CellType cell, ProgressEvent e) {
            if (quiet) return;
            int tenth = (int) (10L * e.step() / e.totalSteps());
            synchronized (this) {
                if (lastTenth.getOrDefault(cell, -1) == tenth && e.step() != e.totalSteps()) return;
                lastTenth.put(cell, tenth);
                err.println(String.format(Locale.ROOT, "%s %d/%d loss %.4f%s |g| %.3g %.1fs", cell.id(), e.step(),
                        e.totalSteps(), e.loss(), Double.isNaN(e.accuracy()) ? ""
                                : String.format(Locale.ROOT, " acc %.3f", e.accuracy()), e.gradientNorm(), e.seconds()));
                err.flush();
            }
        }
    }
}
