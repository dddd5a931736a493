package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import org.rnnexplorer.data.InputLimits;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.SeriesCsv;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

/**
 * The input a command runs a model on: text (split with the model's tokenizer and encoded with its vocabulary) or a
 * numeric series (one CSV row per step), at most {@link InputLimits#MAX_STEPS} steps. Problems are reported in one
 * line naming the file or option.
 *
 * @param batch  one sequence
 * @param tokens the tokens of text input, else null
 * @param name   what the input is called in messages: {@code --text} or the CSV file
 */
record ModelInput(InputBatch batch, List<String> tokens, String name) {

    /** @param name {@code --text}, or the file the text came from */
    static ModelInput text(RnnModel m, Path modelFile, String text, String name) {
        if (m.vocabulary().isEmpty())
            throw new BadFileException(modelFile, "the model has no vocabulary, so it cannot read " + name
                    + "; give --input X.csv with " + m.inputSize() + " numbers per row");
        if (text.isEmpty()) throw new BadInputException(name + " is empty");
        TextEncoding encoding = TextEncoding.of(m);
        List<String> tokens = encoding.split(text);
        if (tokens.isEmpty()) throw new BadInputException(name + " has no " + encoding.tokenizer().id() + " tokens");
        String unit = encoding.stepsName();
        InputLimits.checkSteps(tokens.size(), name, unit);
        try {
            return new ModelInput(InputBatch.ofTokens(encoding.encode(tokens)), tokens, name);
        } catch (UnknownTokenException e) {
            throw new BadFileException(modelFile, name + " has " + unit + " outside the model's vocabulary: "
                    + e.describePositions(unit));
        }
    }

    static ModelInput series(RnnModel m, Path modelFile, Path csv) {
        if (m.takesTokens())
            throw new BadFileException(modelFile, "the model reads tokens (a vocabulary of " + m.tokenCount()
                    + "), not numbers; give --text");
        double[][] x = SeriesCsv.read(csv);
        InputLimits.checkSteps(x.length, csv.toString(), "rows");
        if (x[0].length != m.inputSize())
            throw new BadFileException(csv, "rows have " + x[0].length + " numbers, but the model takes inputSize "
                    + m.inputSize());
        return new ModelInput(InputBatch.ofVectors(x), null, csv.toString());
    }

    /** The token ids of text input (null for a series). */
    int[] ids() {
        return batch.tokens();
    }

    /**
     * The vector v of {@code L = dot(v, h[T-1])} from a CSV file of one row of hiddenSize numbers
     * ({@code --grad-seed}).
     */
    static double[] gradientSeed(RnnModel m, Path file) {
        double[][] rows = SeriesCsv.read(file);
        if (rows.length != 1)
            throw new BadFileException(file, "has " + rows.length + " rows; a gradient seed is one row of hiddenSize "
                    + m.hiddenSize() + " numbers");
        if (rows[0].length != m.hiddenSize())
            throw new BadFileException(file, "has " + rows[0].length + " numbers, expected hiddenSize " + m.hiddenSize());
        return rows[0];
    }
}
