package org.rnnexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.analysis.Progress;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code connectivity --model M.json (--text "..." | --input X.csv) [--step S | --every-step] [--target T] [--csv C.csv]}:
 * how much the prediction at step S depends on each earlier input, ‖∂f_S/∂x_t‖ for t = 0..S (see
 * {@link Connectivity}), or with {@code --every-step} every step's row. One JSON line on stdout: the row (or, for the map,
 * the mean by steps back) and the milliseconds; {@code --csv} writes the row or the map (row s, column t).
 * {@code --repeat R} times R runs after a warm-up and prints their median.
 */
@Command(name = "connectivity", mixinStandardHelpOptions = true,
        description = "How much a step's prediction depends on each earlier input (gradient norms).")
public final class ConnectivityCommand implements Callable<Integer> {
    static final int MAX_MAP_STEPS = 2000;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @ArgGroup(multiplicity = "1")
    InputOptions input;

    @Option(names = "--step", description = "the step whose prediction is differentiated (default: the last)")
    Integer step;

    @Option(names = "--every-step", description = "every step's row (T backward passes)")
    boolean map;

    @Option(names = "--target", description = "predicted, next (their logits), predicted-logp, next-logp (their log-probabilities), output or state (default: predicted for a text model, output for a series model)")
    String target;

    @Option(names = "--csv", paramLabel = "C.csv", description = "write the row (step,t,norm) or the map (one row per step s, column t) as CSV")
    Path csv;

    @Option(names = "--repeat", defaultValue = "1", description = "time this many runs after a warm-up and report the median (default: ${DEFAULT-VALUE})")
    int repeat;

    @Override
    public Integer call() throws Exception {
        RnnModel m = modelOption.read();
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, got " + repeat);
        if (map && step != null) throw new BadInputException("--step and --every-step: give one of them");
        ModelInput in = input.read(m, modelOption.file);
        PredictionTarget t = target == null ? PredictionTarget.defaultFor(m) : PredictionTarget.named(target);
        int steps = in.batch().steps();
        int s = step != null ? step : Math.max(0, t.needsNextToken() ? steps - 2 : steps - 1);
        if (map && steps > MAX_MAP_STEPS)
            throw new BadInputException(in.name() + ": " + steps + " steps; --every-step takes at most " + MAX_MAP_STEPS
                    + " (it holds T x T numbers)");
        checkMemory(m, steps, in.name());
        if (csv != null) OutputCheck.writable(csv);
        Object[] holder = new Object[1];
        Runnable once = map
                ? () -> holder[0] = Connectivity.map(m, in.batch(), t, Progress.NONE, () -> false)
                : () -> holder[0] = Connectivity.atStep(m, in.batch(), s, t);
        long t0 = System.nanoTime();
        once.run();
        double ms = repeat == 1 ? (System.nanoTime() - t0) / 1e6 : BenchCommand.medianMillis(once, 5, repeat);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("target", t.id());
        result.put("steps", steps);
        StringBuilder table = new StringBuilder();
        if (map) {
            double[][] rows = (double[][]) holder[0];
            result.put("map", rows.length + " x " + steps);
            result.put("meanByStepsBack", Connectivity.meanByDistance(rows));
            table.append("step");
            for (int j = 0; j < steps; j++) table.append(",t").append(j);
            table.append('\n');
            for (int i = 0; i < rows.length; i++) {
                table.append(i);
                for (int j = 0; j < steps; j++) table.append(',').append(j < rows[i].length ? num(rows[i][j]) : "0");
                table.append('\n');
            }
        } else {
            Connectivity.Row row = (Connectivity.Row) holder[0];
            result.put("step", row.step());
            if (row.token() >= 0) result.put("token", m.vocabulary().isEmpty() ? row.token() : m.vocabulary().get(row.token()));
            result.put("value", row.value());
            result.put("connectivity", row.norms());
            table.append("step,t,norm\n");
            for (int j = 0; j < row.norms().length; j++)
                table.append(row.step()).append(',').append(j).append(',').append(num(row.norms()[j])).append('\n');
        }
        result.put(repeat == 1 ? "ms" : "median_ms", Math.round(ms * 1000) / 1000.0);
        if (repeat > 1) result.put("repeat", repeat);
        if (csv != null) {
            AtomicFiles.writeString(csv, table.toString());
            result.put("csv", csv.toString());
        }
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Refuses an input whose trace and gradients would not fit in half this JVM's heap, before allocating them. */
    private static void checkMemory(RnnModel m, long steps, String inputName) {
        long h = m.hiddenSize(), g = m.cell().blocks(), perStep = 3L * m.outputSize() + 2L * m.inputSize();
        for (int l = 0; l < m.layerCount(); l++) perStep += 4 * g * h + 10 * h;
        long bytes = steps * perStep * 8, limit = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > limit)
            throw new BadInputException(inputName + ": " + steps + " steps need about " + (bytes >> 20)
                    + " MB for the trace and its gradients; this Java may use " + (limit >> 20) + " MB for them");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
