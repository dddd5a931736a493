package org.rnnexplorer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words and punctuation. A word is a longest run of letters, digits and combining marks; every other visible
 * character (punctuation, symbols, the apostrophe of "don't") is a token of its own; whitespace only separates and
 * is dropped.
 *
 * <p>{@code join} cannot know the spacing that was dropped, so it rebuilds the usual one: one space between tokens,
 * except none before closing punctuation {@code . , ; : ! ? ) ] } %} and none after opening {@code ( [ {}. Line
 * breaks become spaces. What it guarantees is that splitting the joined text gives back the same tokens.
 */
public final class WordTokenizer implements Tokenizer {
    public static final WordTokenizer INSTANCE = new WordTokenizer();

    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "}", "%");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{");

    @Override
    public List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordPart(cp, word.length() > 0)) {
                word.appendCodePoint(cp);
                continue;
            }
            if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) tokens.add(new String(Character.toChars(cp)));
        }
        if (word.length() > 0) tokens.add(word.toString());
        return tokens;
    }

    private static boolean isWordPart(int cp, boolean inWord) {
        if (Character.isLetterOrDigit(cp)) return true;
        int type = Character.getType(cp);
        return inWord && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK);
    }

    @Override
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (String token : tokens) {
            if (previous != null && !NO_SPACE_BEFORE.contains(token) && !NO_SPACE_AFTER.contains(previous))
                sb.append(' ');
            sb.append(token);
            previous = token;
        }
        return sb.toString();
    }

    @Override
    public String id() {
        return "word";
    }

    @Override
    public String toString() {
        return id();
    }
}
