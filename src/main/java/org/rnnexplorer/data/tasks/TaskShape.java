package org.rnnexplorer.data.tasks;

import java.util.List;

/**
 * What a model needs to take on a task: the input (token ids over {@code vocabulary}, one-hot or embedded, or numeric
 * vectors of {@code inputSize}), the readout size, and whether the readout is scored as classes (softmax, cross-entropy)
 * or as numbers (raw output, squared error).
 *
 * @param vocabulary the tokens, or null for numeric input
 * @param tokenizer "char", "word" or null (how text maps to the vocabulary)
 * @param inputSize the vocabulary size for tokens, the series width for numbers
 * @param outputSize the readout size (= vocabulary size for token tasks)
 * @param regression true when the readout is a number scored by squared error
 */
public record TaskShape(List<String> vocabulary, String tokenizer, int inputSize, int outputSize, boolean regression) {

    public static TaskShape tokens(List<String> vocabulary, String tokenizer) {
        return new TaskShape(List.copyOf(vocabulary), tokenizer, vocabulary.size(), vocabulary.size(), false);
    }

    public static TaskShape numbers(int inputSize, int outputSize) {
        return new TaskShape(null, null, inputSize, outputSize, true);
    }

    public boolean takesTokens() {
        return vocabulary != null;
    }
}
