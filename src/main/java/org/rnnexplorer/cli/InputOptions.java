package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.Option;

/** The options {@code --input X.csv | --text "..."} (exactly one) of the commands that run a model over an input. */
final class InputOptions {
    @Option(names = "--input", paramLabel = "X.csv", description = "numeric input: one row per step, inputSize numbers")
    Path csv;

    @Option(names = "--text", paramLabel = "TEXT", description = "text, tokenized with the model's tokenizer")
    String text;

    /** The input, checked against the model read from {@code modelFile}. */
    ModelInput read(RnnModel m, Path modelFile) {
        return text != null ? ModelInput.text(m, modelFile, text) : ModelInput.series(m, modelFile, csv);
    }
}
