package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnexplorer.io.TraceFile;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.Objective;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trace --model M.json (--input X.csv | --text "...") [--grad-seed V.csv] --out T.json}: runs the model over
 * the input, differentiates L backwards through time, and writes every h, c, gate, dL/dh_t, dL/dc_t (and the
 * probabilities) as a trace file. L is {@code dot(v, h[T-1])} of the top layer with {@code --grad-seed}; otherwise
 * the model's own next-token cross-entropy when it reads text and has a head; otherwise the sum of the top layer's
 * h at the last step. The file says which.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Write every gate, state and per-step gradient of a model over an input as JSON.")
public final class TraceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M.json",
            description = "the model file, or a PyTorch checkpoint (.pt/.pth) read as import reads it")
    Path model;

    @Mixin
    CheckpointOptions checkpoint;

    @ArgGroup(multiplicity = "1")
    InputOptions input;

    @Option(names = "--grad-seed", paramLabel = "V.csv", description = "one row of hiddenSize numbers v: L = dot(v, h[T-1])")
    Path gradSeed;

    @Option(names = "--out", required = true, paramLabel = "T.json", description = "the trace file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PathOptions.distinct(inputs(), Map.of("--out", out));
        RnnModel m = ModelSource.read(model, checkpoint);
        ModelInput in = input.read(m, model);
        int[] ids = in.ids();
        checkMemory(m, in.batch().steps(), in.name());
        double[] v = gradSeed == null ? null : ModelInput.gradientSeed(m, gradSeed);

        Objective objective;
        String description;
        if (v != null) {
            objective = new DotObjective(v);
            description = objective.describe() + " of the top layer, v from " + gradSeed.getFileName();
        } else if (m.hasHead() && !m.isClassifier() && ids != null && ids.length >= 2) {
            objective = CrossEntropyObjective.nextTokenEveryStep(ids);
            description = objective.describe() + " (the model's own loss)";
        } else {
            objective = DotObjective.sum(m.hiddenSize());
            String why = !m.hasHead() ? "the model has no head"
                    : m.isClassifier() ? "the readout names classes, not next tokens,"
                    : ids == null ? "the input is not text"
                    : "one token has no next token to predict";
            description = "L = sum of the top layer's h at the last step, dot(1, h[T-1]) (" + why
                    + " and no --grad-seed was given)";
        }
        Trace trace = ForwardPass.run(m, in.batch());
        Gradients gradients = BackwardPass.run(m, trace, objective);
        FiniteResults.check(trace, gradients, model, input.csv, gradSeed);
        List<String> labels = m.isClassifier() ? m.labels() : null;
        TraceFile.write(out, trace, in.tokens(), gradients, description, labels);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d steps, %d layer(s), loss %.6g (%s)%n", out,
                trace.steps(), trace.layerCount(), gradients.loss(), description);
        if (labels != null) spec.commandLine().getOut().println("class at the last step: " + topClass(trace, labels));
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
        in.put("--model", model);
        in.put("--input", input.csv);
        in.put("--grad-seed", gradSeed);
        return in;
    }

    /** Refuses an input whose trace and gradients would not fit in this JVM's heap, before allocating them. */
    private static void checkMemory(RnnModel m, int steps, String inputName) {
        long h = m.hiddenSize(), g = m.cell().blocks();
        long perStep = 0;
        for (int l = 0; l < m.layerCount(); l++) perStep += 2 * g * h + 6 * h + (l == 0 ? 2L * m.inputSize() : 0);
        perStep += 3L * m.outputSize();
        long bytes = steps * (perStep * 8 + m.layerCount() * 12L * 48);
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > limit)
            throw new BadInputException(inputName + ": " + steps + " steps need about " + (bytes >> 20)
                    + " MB for the trace and its gradients; this Java may use " + (limit >> 20)
                    + " MB for them (shorten the input or give Java more memory with -Xmx)");
    }
}
