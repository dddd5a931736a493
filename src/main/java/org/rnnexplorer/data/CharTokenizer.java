package org.rnnexplorer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One token per Unicode code point, so a character outside the Basic Multilingual Plane (an emoji, say) is one
 * token, not two UTF-16 halves. Every character counts, spaces and line breaks included; {@code join} is plain
 * concatenation and gives back the text exactly.
 */
public final class CharTokenizer implements Tokenizer {
    public static final CharTokenizer INSTANCE = new CharTokenizer();

    @Override
    public List<String> split(String text) {
        List<String> tokens = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
        return tokens;
    }

    @Override
    public String join(List<String> tokens) {
        return String.join("", tokens);
    }

    @Override
    public String id() {
        return "char";
    }

    @Override
    public String toString() {
        return id();
    }
}
