package org.rnnexplorer.io.pytorch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the parts are, when the checkpoint alone does not settle it: {@code --map rnn=PREFIX,embedding=NAME,head=NAME,
 * vocab=PATH}. Each is a dotted name as the import lists it ({@code model_state_dict.lstm}, {@code emb}); embedding
 * and head may be {@code none}. A part not given is looked for.
 */
public record PartMap(String rnn, String embedding, String head, String vocabulary) {
    public static final PartMap NONE = new PartMap(null, null, null, null);
    /** The value meaning "the model has no such part" for embedding and head. */
    public static final String ABSENT = "none";

    /** Parses {@code rnn=PREFIX,embedding=NAME,head=NAME,vocab=PATH} (any of them, in any order). */
    public static PartMap parse(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            String s = item.trim();
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--map: expected PART=NAME, found '" + s + "' (parts: rnn, embedding, head, vocab)");
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            if (!key.equals("rnn") && !key.equals("embedding") && !key.equals("head") && !key.equals("vocab"))
                throw new IllegalArgumentException("--map: unknown part '" + key + "' (rnn, embedding, head or vocab)");
            if (parts.put(key, strip(value)) != null) throw new IllegalArgumentException("--map: " + key + " is given twice");
            if (key.equals("rnn") && value.equalsIgnoreCase(ABSENT))
                throw new IllegalArgumentException("--map: rnn cannot be none (the model must have one)");
        }
        return new PartMap(parts.get("rnn"), parts.get("embedding"), parts.get("head"), parts.get("vocab"));
    }

    /** This map with {@code part} ({@code rnn}, {@code embedding}, {@code head} or {@code vocab}) set to {@code name}. */
    public PartMap with(String part, String name) {
        return switch (part) {
            case "rnn" -> new PartMap(name, embedding, head, vocabulary);
            case "embedding" -> new PartMap(rnn, name, head, vocabulary);
            case "head" -> new PartMap(rnn, embedding, name, vocabulary);
            case "vocab" -> new PartMap(rnn, embedding, head, name);
            default -> throw new IllegalArgumentException("unknown part '" + part + "' (rnn, embedding, head or vocab)");
        };
    }

    /** {@code lstm.} and {@code lstm} name the same module. */
    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
