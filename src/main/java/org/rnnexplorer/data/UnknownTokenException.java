package org.rnnexplorer.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens that are not in a vocabulary without {@code <unk>}; the message names them and their positions. */
public final class UnknownTokenException extends IllegalArgumentException {
    private static final int SHOWN_TOKENS = 5;
    private static final int SHOWN_POSITIONS = 5;

    private final Map<String, List<Integer>> positions;

    /** @param positions each unknown token, in order of first appearance, with its token positions (from 0) */
    public UnknownTokenException(Map<String, List<Integer>> positions) {
        super("not in the vocabulary: " + describe(positions, "tokens"));
        this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /** Each unknown token with the positions (from 0) where it occurs. */
    public Map<String, List<Integer>> positions() {
        return positions;
    }

    /**
     * The unknown tokens and their positions, e.g. {@code "é" at 3, 17; "€" at 5 (positions count characters from 0)},
     * with {@code unit} naming what the positions count.
     */
    public String describePositions(String unit) {
        return describe(positions, unit);
    }

    private static String describe(Map<String, List<Integer>> positions, String unit) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, List<Integer>> e : positions.entrySet()) {
            if (shown == SHOWN_TOKENS) {
                sb.append("; and ").append(positions.size() - shown).append(" more");
                break;
            }
            if (shown > 0) sb.append("; ");
            String token = e.getKey();
            sb.append(quote(token.length() > 40 ? token.substring(0, 37) + "..." : token)).append(" at ");
            List<Integer> at = e.getValue();
            for (int i = 0; i < Math.min(at.size(), SHOWN_POSITIONS); i++) sb.append(i > 0 ? ", " : "").append(at.get(i));
            if (at.size() > SHOWN_POSITIONS) sb.append(" and ").append(at.size() - SHOWN_POSITIONS).append(" more");
            shown++;
        }
        return sb.append(" (positions count ").append(unit).append(" from 0)").toString();
    }

    /** A token in double quotes, with line breaks, tabs and other invisible characters escaped. */
    public static String quote(String token) {
        StringBuilder sb = new StringBuilder("\"");
        token.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)
                        sb.append(String.format("\\u%04x", cp));
                    else sb.appendCodePoint(cp);
                }
            }
        });
        return sb.append('"').toString();
    }
}
