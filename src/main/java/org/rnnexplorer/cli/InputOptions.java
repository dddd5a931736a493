package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.Option;

/**
 * The options {@code --input X.csv | --text "..." | --text-file F.txt} (exactly one) of the commands that run a model
 * over an input. {@code --text-file} is for texts longer than a command line takes (Linux: 128 KB in one argument).
 */
final class InputOptions {
    @Option(names = "--input", paramLabel = "X.csv", description = "numeric input: one row per step, inputSize numbers")
    Path csv;

    @Option(names = "--text", paramLabel = "TEXT", description = "text, tokenized with the model's tokenizer")
    String text;

    @Option(names = "--text-file", paramLabel = "F.txt", description = "text from a UTF-8 file, tokenized with the model's tokenizer")
    Path textFile;

    /** The input, checked against the model read from {@code modelFile}. */
    ModelInput read(RnnModel m, Path modelFile) {
        if (textFile != null) return ModelInput.text(m, modelFile, TextFile.read(textFile), textFile.toString());
        return text != null ? ModelInput.text(m, modelFile, text, "--text") : ModelInput.series(m, modelFile, csv);
    }
}
