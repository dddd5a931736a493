package org.rnnexplorer.data;

import java.util.List;

/**
 * Cuts a text into tokens and puts tokens back together. The model file names its tokenizer ({@code "char"} or
 * {@code "word"}); {@link #named} turns that name into one.
 */
public interface Tokenizer {

    /** The tokens of {@code text}, in order. */
    List<String> split(String text);

    /** A text whose {@link #split} gives back {@code tokens} (for tokens that {@link #split} can produce). */
    String join(List<String> tokens);

    /** The name used in model files: {@code char} or {@code word}. */
    String id();

    /** The tokenizer called {@code char} or {@code word}; an IllegalArgumentException for any other name. */
    static Tokenizer named(String id) {
        if ("char".equals(id)) return CharTokenizer.INSTANCE;
        if ("word".equals(id)) return WordTokenizer.INSTANCE;
        throw new IllegalArgumentException("unknown tokenizer \"" + id + "\" (expected char or word)");
    }

    /**
     * The tokenizer called {@code id} ({@code char} when null) for a model with this vocabulary: its multi-character
     * entries ({@code <unk>}, {@code </s>}) stay single tokens when they appear in a text
     * ({@link SpecialTokenTokenizer}).
     */
    static Tokenizer forVocabulary(String id, java.util.List<String> vocabulary) {
        return SpecialTokenTokenizer.of(named(id == null ? "char" : id), vocabulary);
    }
}
