package org.rnnexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a valid file in the ways files get broken: bytes deleted, duplicated, inserted or cut off; a number made
 * huge, NaN, a string or a list; an entry dropped; a row or column added or removed; the version changed. Each case
 * is reproducible from its seed.
 */
final class Mutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final String[] ODD_NUMBERS = {"1e309", "-1e400", "NaN", "Infinity", "-Infinity", "\"x\"", "null",
            "99999999999999999999", "1e-400", "-0", "0.5", "[]", "{}", "true", "9".repeat(1200), "2", "0", "-1",
            "4097", "1.5", "2147483648", "100001", "[1, 2]", "[[1]]", "\"1\"", "1e5", "3"};
    private static final String[] ODD_VERSIONS = {"0", "2", "-1", "\"1\"", "1.5", "null", "2147483648", "1e0", "[1]"};
    private static final String[] ODD_STRINGS = {"lstm", "gru", "rnn", "word", "char", "LSTM", "", "rnn-explorer-model",
            "rnn-explorer-session", "hidden", "cell", "gate", "forget", "reset", "models/x.json", "\u0000", "é"};
    private static final String[] CSV_FIELDS = {"NaN", "inf", "-Infinity", "", "1e999", "abc", ",", "\n", "\"1\"",
            "1,2,3,4,5,6,7,8", "0x10", "1_000", "٣", "1e-999", " 2 ", "+.5", "5.", "-", "e5", "\t"};

    private Mutator() {
    }

    /** 1 to 3 mutations of {@code text}; {@code json} adds the mutations that edit JSON values and entries. */
    static byte[] mutate(String text, long seed, boolean json) {
        Random r = new Random(seed);
        int count = 1 + r.nextInt(3);
        byte[] invalidUtf8 = null;
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(json ? 12 : 8);
            text = switch (kind) {
                case 0 -> deleteRange(text, r);
                case 1 -> duplicateRange(text, r);
                case 2 -> text.substring(0, r.nextInt(text.length() + 1)); // truncated
                case 3 -> insert(text, r);
                case 4 -> replaceNumber(text, r, json ? ODD_NUMBERS : CSV_FIELDS);
                case 5 -> {
                    invalidUtf8 = new byte[] {(byte) (0x80 + r.nextInt(0x80))};
                    yield text;
                }
                case 6, 7 -> json ? replaceNumber(text, r, ODD_NUMBERS) : csvRows(text, r);
                case 8 -> tree(text, r, Mutator::dropEntry);
                case 9 -> tree(text, r, Mutator::changeShape);
                case 10 -> replaceVersionOrString(text, r);
                default -> tree(text, r, Mutator::changeShape);
            };
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (invalidUtf8 != null && bytes.length > 0) {
            int at = r.nextInt(bytes.length);
            bytes[at] = invalidUtf8[0];
        }
        return bytes;
    }

    private static String deleteRange(String s, Random r) {
        if (s.isEmpty()) return s;
        int a = r.nextInt(s.length());
        int b = Math.min(s.length(), a + 1 + r.nextInt(r.nextBoolean() ? 3 : 200));
        return s.substring(0, a) + s.substring(b);
    }

    private static String duplicateRange(String s, Random r) {
        if (s.isEmpty()) return s;
        int a = r.nextInt(s.length());
        int b = Math.min(s.length(), a + 1 + r.nextInt(300));
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + s.substring(a, b) + s.substring(at);
    }

    private static String insert(String s, Random r) {
        String[] bits = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\n", " ", "0", "-", "e", "\uFEFF", "\u00e9", "\ud83d\ude00", "/*", "//"};
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + bits[r.nextInt(bits.length)] + s.substring(at);
    }

    private static String replaceNumber(String s, Random r, String[] with) {
        Matcher m = NUMBER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return s;
        int[] span = spans.get(r.nextInt(spans.size()));
        return s.substring(0, span[0]) + with[r.nextInt(with.length)] + s.substring(span[1]);
    }

    private static String replaceVersionOrString(String s, Random r) {
        if (r.nextBoolean()) {
            return s.replaceFirst("\"version\": ?1", "\"version\": " + ODD_VERSIONS[r.nextInt(ODD_VERSIONS.length)]);
        }
        Matcher m = Pattern.compile(": \"([^\"\\\\]*)\"").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(1), m.end(1)});
        if (spans.isEmpty()) return s;
        int[] span = spans.get(r.nextInt(spans.size()));
        return s.substring(0, span[0]) + ODD_STRINGS[r.nextInt(ODD_STRINGS.length)] + s.substring(span[1]);
    }

    /** CSV: a row dropped, doubled, shortened or lengthened. */
    private static String csvRows(String s, Random r) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (lines.isEmpty()) return s;
        int i = r.nextInt(lines.size());
        switch (r.nextInt(4)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> lines.set(i, lines.get(i).replaceFirst(",[^,]*$", ""));
            default -> lines.set(i, lines.get(i) + "," + (r.nextInt(9) - 4));
        }
        return String.join("\n", lines);
    }

    private interface TreeEdit {
        void apply(JsonNode root, Random r);
    }

    private static String tree(String s, Random r, TreeEdit edit) {
        JsonNode root;
        try {
            root = JSON.readTree(s);
        } catch (Exception e) {
            return s; // already broken: leave it as it is
        }
        if (root == null) return s;
        edit.apply(root, r);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node chosen at random among all containers (objects and arrays) of the tree. */
    private static JsonNode randomContainer(JsonNode root, Random r, boolean objects) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found, objects);
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }

    private static void collect(JsonNode n, List<JsonNode> out, boolean objects) {
        if (objects ? n.isObject() : n.isArray()) out.add(n);
        for (JsonNode c : n) if (c.isContainerNode()) collect(c, out, objects);
    }

    private static void dropEntry(JsonNode root, Random r) {
        JsonNode n = randomContainer(root, r, true);
        if (n == null || n.isEmpty()) return;
        ObjectNode o = (ObjectNode) n;
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) names.add(it.next());
        o.remove(names.get(r.nextInt(names.size())));
    }

    /** A row or column removed or doubled; a list emptied; an object made a list. */
    private static void changeShape(JsonNode root, Random r) {
        JsonNode n = randomContainer(root, r, false);
        if (n == null) return;
        ArrayNode a = (ArrayNode) n;
        switch (r.nextInt(4)) {
            case 0 -> { if (!a.isEmpty()) a.remove(r.nextInt(a.size())); }
            case 1 -> { if (!a.isEmpty()) a.insert(r.nextInt(a.size()), a.get(r.nextInt(a.size())).deepCopy()); }
            case 2 -> a.removeAll();
            default -> a.add(r.nextGaussian());
        }
    }
}
