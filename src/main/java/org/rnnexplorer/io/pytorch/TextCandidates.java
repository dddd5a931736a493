package org.rnnexplorer.io.pytorch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lists of tokens found in a checkpoint (a vocabulary, or the names of a classifier's classes): a list of strings
 * ({@code itos}, {@code chars}, a torchtext Vocab's list), a string→id map ({@code stoi}, {@code c2i},
 * {@code vocab_mapping}), an id→string map ({@code i2c}), or one string whose characters are the tokens
 * ({@code all_letters}). A map may leave up to {@link #MAX_MISSING} ids out (a padding index, say): those become
 * {@code <id K>}.
 */
final class TextCandidates {
    static final int MAX_MISSING = 2;

    /** Tokens in id order found at a path, with what they were in words ("a list of 29 strings"). */
    record Candidate(String path, List<String> tokens, String what) {
        String describe() {
            return path + " (" + what + ")";
        }
    }

    private TextCandidates() {
    }

    /**
     * Every candidate of exactly {@code size} tokens, one per distinct token list (the first path found kept). A
     * string that is one token of a list or map ({@code "<s>"} in a vocabulary) is not read as a list of characters.
     */
    static List<Candidate> ofSize(CheckpointContents contents, int size, String exceptPath) {
        List<Candidate> out = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Set<String> lists = new HashSet<>();
        for (CheckpointContents.TextData d : contents.texts) if (!(d.value() instanceof String)) lists.add(d.path());
        for (CheckpointContents.TextData d : contents.texts) {
            if (d.path().equals(exceptPath)) continue;
            if (d.value() instanceof String && lists.contains(PartFinder.parent(d.path()))) continue;
            Candidate c = candidate(d, size);
            if (c != null && seen.add(c.tokens())) out.add(c);
        }
        return out;
    }

    /** Every list of strings and token map of any size (not single strings), one per distinct token list. */
    static List<Candidate> all(CheckpointContents contents) {
        List<Candidate> out = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (CheckpointContents.TextData d : contents.texts) {
            long size = -1;
            if (d.value() instanceof List<?> l) size = l.size();
            if (d.value() instanceof Map<?, ?> m)
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    Long id = TorchUnpickler.asLong(e.getKey() instanceof String ? e.getValue() : e.getKey());
                    if (id != null) size = Math.max(size, id + 1);
                }
            Candidate c = size < 2 || size > Integer.MAX_VALUE ? null : candidate(d, (int) size);
            if (c != null && seen.add(c.tokens())) out.add(c);
        }
        return out;
    }

    /** The candidate at {@code path} of {@code size} tokens, or null. */
    static Candidate at(CheckpointContents contents, String path, int size) {
        for (CheckpointContents.TextData d : contents.texts) {
            if (!d.path().equals(path)) continue;
            Candidate c = candidate(d, size);
            if (c != null) return c;
        }
        return null;
    }

    /** Lists of strings and token maps of other sizes near {@code size} (within 3), to name when none fits. */
    static List<String> nearMisses(CheckpointContents contents, int size) {
        List<String> out = new ArrayList<>();
        for (CheckpointContents.TextData d : contents.texts) {
            int n = d.value() instanceof List<?> l ? l.size() : d.value() instanceof Map<?, ?> m ? m.size()
                    : d.value() instanceof String s ? s.codePointCount(0, s.length()) : -1;
            if (n != size && Math.abs(n - size) <= 3 && !(d.value() instanceof String)) out.add(d.path() + " (" + n + " tokens)");
        }
        return out;
    }

    private static Candidate candidate(CheckpointContents.TextData d, int size) {
        Object v = d.value();
        if (v instanceof List<?> list) {
            if (list.size() != size) return null;
            List<String> tokens = new ArrayList<>();
            for (Object o : list) tokens.add((String) o);
            return distinct(tokens) ? new Candidate(d.path(), tokens, "a list of " + size + " strings") : null;
        }
        if (v instanceof String s) {
            if (s.codePointCount(0, s.length()) != size) return null;
            List<String> tokens = new ArrayList<>();
            s.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            return distinct(tokens) ? new Candidate(d.path(), tokens, "a string of " + size + " characters") : null;
        }
        if (v instanceof Map<?, ?> m) {
            TreeMap<Long, String> byId = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                boolean stringKey = e.getKey() instanceof String;
                Long id = TorchUnpickler.asLong(stringKey ? e.getValue() : e.getKey());
                String token = stringKey ? (String) e.getKey() : (String) e.getValue();
                if (id == null || id < 0 || id >= size || byId.put(id, token) != null) return null;
            }
            int missing = size - byId.size();
            if (missing > MAX_MISSING) return null;
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < size; i++) tokens.add(byId.getOrDefault((long) i, "<id " + i + ">"));
            if (!distinct(tokens)) return null;
            String kind = m.keySet().iterator().next() instanceof String ? "a map of tokens to ids" : "a map of ids to tokens";
            return new Candidate(d.path(), tokens, kind + (missing > 0 ? ", ids " + missingIds(byId, size) + " not in it" : ""));
        }
        return null;
    }

    private static String missingIds(TreeMap<Long, String> byId, int size) {
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < size; i++) if (!byId.containsKey(i)) ids.add(Long.toString(i));
        return String.join(" and ", ids);
    }

    private static boolean distinct(List<String> tokens) {
        Set<String> s = new HashSet<>();
        for (String t : tokens) if (t.isEmpty() || !s.add(t)) return false;
        return true;
    }
}
