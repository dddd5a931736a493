package org.rnnexplorer.analysis;

import java.util.List;
import org.rnnexplorer.data.Tokenizer;

/**
 * A text cut into the tokens a model reads, with where each token lies in the text: token t is
 * {@code text.substring(start(t), end(t))} (String indices). Hypotheses are defined on the characters of the text
 * and read at each token; the steps of a trace are the tokens.
 */
public final class TokenizedText {
    private final String text;
    private final List<String> tokens;
    private final int[] start;
    private final int[] end;
    private final boolean dropsWhitespace;

    private TokenizedText(String text, List<String> tokens, boolean dropsWhitespace) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.dropsWhitespace = dropsWhitespace;
        start = new int[tokens.size()];
        end = new int[tokens.size()];
        int at = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int i = text.indexOf(tokens.get(t), at);
            if (i < 0) throw new IllegalArgumentException("token " + t + " is not in the text after index " + at);
            start[t] = i;
            end[t] = i + tokens.get(t).length();
            at = end[t];
        }
    }

    /** The tokens of {@code text} as {@code tokenizer} cuts it, at most {@code limit} of them (the first ones). */
    public static TokenizedText of(String text, Tokenizer tokenizer, int limit) {
        List<String> all = tokenizer.split(text);
        return new TokenizedText(text, all.size() > limit ? all.subList(0, limit) : all, tokenizer.id().equals("word"));
    }

    /** Every token of {@code text}. */
    public static TokenizedText of(String text, Tokenizer tokenizer) {
        return of(text, tokenizer, Integer.MAX_VALUE);
    }

    /** The whole text (also what follows the last token when the tokens were limited). */
    public String text() { return text; }

    public List<String> tokens() { return tokens; }

    /** The number of tokens: the steps. */
    public int steps() { return tokens.size(); }

    /** Where token t starts in {@link #text()}. */
    public int start(int t) { return start[t]; }

    /** Just after token t's last character. */
    public int end(int t) { return end[t]; }

    /** True for tokenizers that drop whitespace between tokens (the word tokenizer); false when every character is a token. */
    public boolean dropsWhitespace() { return dropsWhitespace; }
}
