package org.rnnexplorer.data;

import java.util.List;
import org.rnnexplorer.model.RnnModel;

/**
 * How a token model reads text: the tokenizer its file names ({@code char} when it names none) and its vocabulary.
 * The one place that turns a model into a text encoder, for the commands, the window and session files alike.
 */
public record TextEncoding(Tokenizer tokenizer, Vocabulary vocabulary) {

    /** The encoding of a model with a vocabulary; an IllegalArgumentException for a model without one. */
    public static TextEncoding of(RnnModel model) {
        if (model.vocabulary().isEmpty()) throw new IllegalArgumentException("the model has no vocabulary, so it cannot read text");
        return new TextEncoding(tokenizerOf(model), Vocabulary.of(model.vocabulary()));
    }

    /**
     * The tokenizer the model names, {@code char} by default; multi-character tokens of the vocabulary such as
     * {@code <unk>} stay single tokens.
     */
    public static Tokenizer tokenizerOf(RnnModel model) {
        return Tokenizer.forVocabulary(model.tokenizer(), model.vocabulary());
    }

    public List<String> split(String text) {
        return tokenizer.split(text);
    }

    /** The ids of {@code tokens}; unknown ones as {@link Vocabulary#encode} treats them. */
    public int[] encode(List<String> tokens) {
        return vocabulary.encode(tokens);
    }

    /** What the steps of a text are called in messages: "characters" or "tokens" (words). */
    public String stepsName() {
        return "word".equals(tokenizer.id()) ? "tokens" : "characters";
    }
}
