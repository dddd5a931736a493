package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnexplorer.io.NpzWriter;
import org.rnnexplorer.io.TraceFile;
import org.rnnexplorer.io.TraceNpz;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.Objective;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.StepObjective;
import org.rnnexplorer.model.Trace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trace --model M.json (--input X.csv | --text "..." | --text-file F.txt) [--grad-seed V.csv] --out T.json}:
 * runs the model over the input, differentiates L backwards through time, and writes every h, c, gate, dL/dh_t,
 * dL/dc_t (and the probabilities) as a trace file. L is {@code dot(v, h[T-1])} of the top layer with
 * {@code --grad-seed}; otherwise the model's own next-token cross-entropy when it reads text and has a head;
 * otherwise the sum of the top layer's h at the last step. The file says which.
 *
 * <p>{@code --format npz} (or an {@code --out} ending in {@code .npz}) writes numpy's zip of arrays instead
 * ({@link TraceNpz}), with checkpointed BPTT, for inputs of any length; JSON, which holds the whole trace in memory and
 * takes some 20 bytes a number, is refused above {@link #JSON_MAX_NUMBERS} numbers.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Write every gate, state and per-step gradient of a model over an input as JSON or numpy .npz.")
public final class TraceCommand implements Callable<Integer> {

    @Mixin
    ModelOption modelOption;

    @ArgGroup(multiplicity = "1")
    InputOptions input;

    @Option(names = "--grad-seed", paramLabel = "V.csv", description = "one row of hiddenSize numbers v: L = dot(v, h[T-1])")
    Path gradSeed;

    @Option(names = "--out", required = true, paramLabel = "T.json", description = "the trace file to write")
    Path out;

    @Option(names = "--format", paramLabel = "json|npz", description = "json or npz (default: npz for an --out ending in .npz, else json)")
    String format;

    @Option(names = "--dtype", paramLabel = "float32|float64", defaultValue = "float32",
            description = "npz: the type of the per-step arrays (default: float32)")
    String dtype;

    /** The most numbers a JSON trace holds (about 200 MB of text); longer traces go to npz. */
    static final long JSON_MAX_NUMBERS = 10_000_000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PathOptions.distinct(inputs(), Map.of("--out", out));
        boolean npz = format == null ? out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")
                : switch (format) {
                    case "npz" -> true;
                    case "json" -> false;
                    default -> throw new BadInputException("--format: unknown format '" + format + "' (json or npz)");
                };
        NpzWriter.Dtype type = switch (dtype) {
            case "float32" -> NpzWriter.Dtype.FLOAT32;
            case "float64" -> NpzWriter.Dtype.FLOAT64;
            default -> throw new BadInputException("--dtype: unknown type '" + dtype + "' (float32 or float64)");
        };
        RnnModel m = modelOption.read();
        ModelInput in = input.read(m, modelOption.file);
        int[] ids = in.ids();
        int steps = in.batch().steps();
        if (!npz) checkJsonSize(m, steps, in.name());
        checkMemory(npz ? TraceNpz.bytesFor(m, steps)
                : Trace.bytesFor(m, 1, steps) + Gradients.bytesFor(m, 1, steps), steps, in.name());
        double[] v = gradSeed == null ? null : ModelInput.gradientSeed(m, gradSeed);

        Objective objective;
        StepObjective stepObjective;
        String description;
        if (v != null) {
            objective = new DotObjective(v);
            stepObjective = StepObjective.dotAt(v, steps - 1);
            description = objective.describe() + " of the top layer, v from " + gradSeed.getFileName();
        } else if (m.hasHead() && !m.isClassifier() && ids != null && ids.length >= 2) {
            objective = CrossEntropyObjective.nextTokenEveryStep(ids);
            stepObjective = StepObjective.nextTokenEveryStep(ids);
            description = objective.describe() + " (the model's own loss)";
        } else {
            objective = DotObjective.sum(m.hiddenSize());
            double[] ones = new double[m.hiddenSize()];
            java.util.Arrays.fill(ones, 1.0);
            stepObjective = StepObjective.dotAt(ones, steps - 1);
            String why = !m.hasHead() ? "the model has no head"
                    : m.isClassifier() ? "the readout names classes, not next tokens,"
                    : ids == null ? "the input is not text"
                    : "one token has no next token to predict";
            description = "L = sum of the top layer's h at the last step, dot(1, h[T-1]) (" + why
                    + " and no --grad-seed was given)";
        }
        List<String> labels = m.isClassifier() ? m.labels() : null;
        double loss;
        String topClass = null;
        if (npz) {
            loss = TraceNpz.write(out, m, in.batch(), List.of(), in.tokens(), stepObjective, description, type);
        } else {
            Trace trace = ForwardPass.run(m, in.batch());
            Gradients gradients = BackwardPass.run(m, trace, objective);
            FiniteResults.check(trace, gradients, modelOption.file, input.csv, gradSeed);
            TraceFile.write(out, trace, in.tokens(), gradients, description, labels);
            loss = gradients.loss();
            if (labels != null) topClass = topClass(trace, labels);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d steps, %d layer(s), loss %.6g (%s)%n", out,
                steps, m.layerCount(), loss, description);
        if (topClass != null) spec.commandLine().getOut().println("class at the last step: " + topClass);
        return 0;
    }

    /** The most probable class at the last step with its probability, e.g. {@code Italian (p = 0.8123)}. */
    private static String topClass(Trace trace, List<String> labels) {
        int last = trace.steps() - 1, best = 0;
        for (int k = 1; k < labels.size(); k++) if (trace.probability(last, k) > trace.probability(last, best)) best = k;
        return String.format(Locale.ROOT, "%s (p = %.4f)", labels.get(best), trace.probability(last, best));
    }

    private Map<String, Path> inputs() {
        Map<String, Path> in = new LinkedHashMap<>();
        in.put("--model", modelOption.file);
        in.put("--input", input.csv);
        in.put("--grad-seed", gradSeed);
        return in;
    }

    /** Refuses a JSON trace of more than {@link #JSON_MAX_NUMBERS} numbers, pointing to npz. */
    private void checkJsonSize(RnnModel m, int steps, String inputName) {
        long h = m.hiddenSize(), perStep = m.outputSize() + m.inputSize();
        perStep += m.layerCount() * h * (2 + m.cell().gateNames().size() + (m.cell().hasCellState() ? 2 : 0));
        long numbers = perStep * steps;
        if (numbers > JSON_MAX_NUMBERS)
            throw new BadInputException(String.format(Locale.ROOT, "%s: %,d steps make %,d numbers (about %,d MB of "
                    + "JSON); JSON traces hold at most %,d: use --format npz (or an --out ending in .npz)", inputName,
                    steps, numbers, numbers * 20 >> 20, JSON_MAX_NUMBERS));
    }

    /** Refuses an input whose passes would not fit in this JVM's heap ({@code bytes}), before allocating them. */
    private static void checkMemory(long bytes, int steps, String inputName) {
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > limit)
            throw new BadInputException(inputName + ": " + steps + " steps need about " + (bytes >> 20)
                    + " MB for the trace and its gradients; this Java may use " + (limit >> 20)
                    + " MB for them (shorten the input or give Java more memory with -Xmx)");
    }
}
