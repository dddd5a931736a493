package org.rnnexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.rnnexplorer.analysis.Progress;
import org.rnnexplorer.analysis.Sampling;
import org.rnnexplorer.analysis.SeriesContinuation;
import org.rnnexplorer.analysis.TextGenerator;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate --model M.json (--text PROMPT | --input PROMPT.csv) --length N [--temperature T] [--top-k K]
 * [--seed S]}: a text model reads the prompt and writes N more tokens, each drawn from its readout (softmax of
 * logits / T over the K likeliest; T = 0: the likeliest) and read back from the carried state; a series model reads
 * the prompt rows and continues alone, each prediction fed back as its next input. One JSON line on stdout with the
 * result and the milliseconds it took; {@code --repeat R} times R runs (after a warm-up) and prints their median.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample text from a language model, or continue a series alone, from a prompt.")
public final class GenerateCommand implements Callable<Integer> {
    static final int MAX_LENGTH = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @ArgGroup(multiplicity = "1")
    InputOptions prompt;

    @Option(names = "--length", defaultValue = "200", description = "tokens (or series steps) to generate (default: ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--temperature", defaultValue = "1.0", description = "softmax temperature T; 0 = always the likeliest (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "draw only among the K likeliest tokens; 0 = all (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--repeat", defaultValue = "1", description = "time this many runs after a warm-up and report the median (default: ${DEFAULT-VALUE})")
    int repeat;

    @Override
    public Integer call() throws Exception {
        RnnModel m = modelOption.read();
        if (length < 0 || length > MAX_LENGTH) throw new BadInputException("--length must be 0.." + MAX_LENGTH + ", got " + length);
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, got " + repeat);
        Sampling sampling = new Sampling(temperature, topK);
        ModelInput in = prompt.read(m, modelOption.file);
        Map<String, Object> result = new LinkedHashMap<>();
        Runnable once;
        if (m.takesTokens()) {
            TextGenerator generator = new TextGenerator(m);
            int[] ids = in.ids();
            List<String> vocabulary = m.vocabulary();
            once = () -> {
                generator.prime(ids);
                int[] tokens = generator.generate(length, sampling, new Random(seed), Progress.NONE, () -> false).tokens();
                List<String> words = new ArrayList<>();
                for (int k : tokens) words.add(vocabulary.get(k));
                result.put("text", Tokenizer.named(m.tokenizer() == null ? "char" : m.tokenizer()).join(words));
                result.put("tokens", tokens.length);
            };
            result.put("sampling", sampling.describe());
            result.put("seed", seed);
        } else {
            SeriesContinuation continuation = new SeriesContinuation(m);
            double[][] rows = new double[in.batch().steps()][];
            for (int t = 0; t < rows.length; t++) rows[t] = in.batch().vector(0, t);
            once = () -> {
                continuation.prime(rows);
                result.put("values", continuation.continueAlone(length, Progress.NONE, () -> false));
            };
        }
        long t0 = System.nanoTime();
        once.run();
        double ms = repeat == 1 ? (System.nanoTime() - t0) / 1e6 : BenchCommand.medianMillis(once, 5, repeat);
        result.put(repeat == 1 ? "ms" : "median_ms", Math.round(ms * 1000) / 1000.0);
        if (repeat > 1) result.put("repeat", repeat);
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
