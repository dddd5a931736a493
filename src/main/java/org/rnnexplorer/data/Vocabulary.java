package org.rnnexplorer.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tokens a model knows, each with its id (its index in the list). When the list holds {@value #UNKNOWN},
 * {@link #encode} maps every token it does not know to that one; otherwise unknown tokens are an error.
 */
public final class Vocabulary {
    /** The stand-in for tokens outside the vocabulary, when a vocabulary has it. */
    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.size(); i++) {
            Integer before = ids.putIfAbsent(this.tokens.get(i), i);
            if (before != null)
                throw new IllegalArgumentException("the vocabulary has " + UnknownTokenException.quote(this.tokens.get(i))
                        + " twice (entries " + before + " and " + i + ")");
        }
        if (this.tokens.isEmpty()) throw new IllegalArgumentException("the vocabulary is empty");
    }

    /** The vocabulary with these tokens in this order; duplicates and an empty list are refused. */
    public static Vocabulary of(List<String> tokens) {
        return new Vocabulary(tokens);
    }

    /**
     * The distinct tokens of {@code text} in code-point order (the order of Python's {@code sorted(set(text))},
     * so a character vocabulary built here and one built in PyTorch agree).
     */
    public static Vocabulary fromText(String text, Tokenizer tokenizer) {
        TreeSet<String> distinct = new TreeSet<>(Vocabulary::compareCodePoints);
        distinct.addAll(tokenizer.split(text));
        return new Vocabulary(new ArrayList<>(distinct));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    public int size() { return tokens.size(); }

    public String token(int id) { return tokens.get(id); }

    /** The id of {@code token}, or −1 when it is not in the vocabulary. */
    public int indexOf(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    public boolean contains(String token) { return ids.containsKey(token); }

    public boolean hasUnknown() { return ids.containsKey(UNKNOWN); }

    /** The tokens in id order (unmodifiable). */
    public List<String> tokens() { return tokens; }

    /**
     * The ids of {@code sequence}. A token outside the vocabulary becomes {@value #UNKNOWN} when the vocabulary has
     * it; otherwise an {@link UnknownTokenException} names every unknown token and its positions.
     */
    public int[] encode(List<String> sequence) {
        int[] out = new int[sequence.size()];
        int unk = indexOf(UNKNOWN);
        Map<String, List<Integer>> unknown = null;
        for (int t = 0; t < out.length; t++) {
            int id = indexOf(sequence.get(t));
            if (id < 0 && unk >= 0) id = unk;
            if (id < 0) {
                if (unknown == null) unknown = new LinkedHashMap<>();
                unknown.computeIfAbsent(sequence.get(t), k -> new ArrayList<>()).add(t);
            }
            out[t] = id;
        }
        if (unknown != null) throw new UnknownTokenException(unknown);
        return out;
    }

    /** The tokens of these ids. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) out.add(tokens.get(id));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }
}
