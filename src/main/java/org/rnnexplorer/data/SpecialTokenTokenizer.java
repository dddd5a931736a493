package org.rnnexplorer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tokenizer that keeps a vocabulary's multi-character tokens whole: where the text has {@code <unk>}, {@code </s>}
 * or {@code <PAD>} (any vocabulary entry its base tokenizer would cut into more than one token), that is one token;
 * the text between them is cut by the base tokenizer. The longest entry that matches at a position wins.
 */
public final class SpecialTokenTokenizer implements Tokenizer {
    private final Tokenizer base;
    /** The special tokens by their first character, longest first. */
    private final Map<Character, List<String>> byFirst = new HashMap<>();

    private SpecialTokenTokenizer(Tokenizer base, List<String> specials) {
        this.base = base;
        for (String s : specials) byFirst.computeIfAbsent(s.charAt(0), c -> new ArrayList<>()).add(s);
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
    }

    /** {@code base}, or a tokenizer that keeps those entries of {@code vocabulary} whole that {@code base} would cut. */
    public static Tokenizer of(Tokenizer base, List<String> vocabulary) {
        List<String> specials = new ArrayList<>();
        for (String token : vocabulary)
            if (base.split(token).size() > 1) specials.add(token);
        return specials.isEmpty() ? base : new SpecialTokenTokenizer(base, specials);
    }

    @Override
    public List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int plainFrom = 0;
        int i = 0;
        while (i < text.length()) {
            String special = specialAt(text, i);
            if (special == null) {
                i++;
                continue;
            }
            tokens.addAll(base.split(text.substring(plainFrom, i)));
            tokens.add(special);
            i += special.length();
            plainFrom = i;
        }
        tokens.addAll(base.split(text.substring(plainFrom)));
        return tokens;
    }

    private String specialAt(String text, int i) {
        List<String> candidates = byFirst.get(text.charAt(i));
        if (candidates == null) return null;
        for (String s : candidates) if (text.startsWith(s, i)) return s;
        return null;
    }

    @Override
    public String join(List<String> tokens) {
        return base.join(tokens);
    }

    @Override
    public String id() {
        return base.id();
    }

    @Override
    public String toString() {
        return id();
    }
}
