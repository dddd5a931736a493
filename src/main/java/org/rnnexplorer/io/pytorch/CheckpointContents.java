package org.rnnexplorer.io.pytorch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a checkpoint holds, by name: every tensor under the dotted name {@code state_dict()} would give it
 * ({@code lstm.weight_ih_l0}; inside a training checkpoint {@code model_state_dict.lstm.weight_ih_l0}), the class of
 * every pickled module, and every list of strings, string-to-number map, number-to-string map and string found
 * anywhere (the vocabulary may be among them). A pickled module's {@code _parameters}, {@code _buffers} and
 * {@code _modules} add no name of their own, as in {@code state_dict()}.
 */
final class CheckpointContents {
    /** Most objects visited; deeper than {@link #MAX_DEPTH} is not looked into. */
    static final int MAX_NODES = 2_000_000;
    static final int MAX_DEPTH = 64;

    /** A piece of text data found at a path: a list of strings, a string→id or id→string map, or a string. */
    record TextData(String path, Object value) {
    }

    final Map<String, TorchTensor> tensors = new LinkedHashMap<>();
    final Map<String, PythonObject> modules = new LinkedHashMap<>();
    final List<TextData> texts = new ArrayList<>();
    private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    private CheckpointContents() {
    }

    static CheckpointContents of(Object root) {
        CheckpointContents c = new CheckpointContents();
        c.walk(root, "", 0);
        return c;
    }

    static String join(String path, Object key) {
        String k = String.valueOf(key);
        if (k.length() > 200) k = k.substring(0, 200);
        return path.isEmpty() ? k : path + "." + k;
    }

    private void walk(Object o, String path, int depth) {
        if (o == null || depth > MAX_DEPTH) return;
        if (o instanceof TorchTensor t) {
            tensors.putIfAbsent(path, t);
            return;
        }
        if (o instanceof String s) {
            if (s.codePointCount(0, s.length()) >= 2 && !path.isEmpty()) texts.add(new TextData(path, s));
            return;
        }
        if (!(o instanceof Map || o instanceof Collection || o instanceof Object[] || o instanceof PythonObject)) return;
        if (!seen.add(o)) return;
        if (++nodes > MAX_NODES) throw new CheckpointException("holds more than " + MAX_NODES + " objects");
        if (o instanceof PythonObject p) {
            walkObject(p, path, depth);
        } else if (o instanceof Map<?, ?> m) {
            if (isTextMap(m)) texts.add(new TextData(path, m));
            for (Map.Entry<?, ?> e : m.entrySet()) walk(e.getValue(), join(path, e.getKey()), depth + 1);
        } else {
            List<?> items = o instanceof Object[] a ? java.util.Arrays.asList(a) : new ArrayList<>((Collection<?>) o);
            if (items.size() >= 2 && items.stream().allMatch(i -> i instanceof String)) texts.add(new TextData(path, items));
            for (int i = 0; i < items.size(); i++) walk(items.get(i), join(path, i), depth + 1);
        }
    }

    private void walkObject(PythonObject p, String path, int depth) {
        Map<?, ?> attributes = p.attributes();
        if (p.isModule()) {
            modules.putIfAbsent(path, p);
            for (String inner : List.of("_parameters", "_buffers", "_modules"))
                if (attributes.get(inner) instanceof Map<?, ?> m)
                    for (Map.Entry<?, ?> e : m.entrySet()) walk(e.getValue(), join(path, e.getKey()), depth + 1);
            for (Map.Entry<?, ?> e : attributes.entrySet())
                if (!List.of("_parameters", "_buffers", "_modules").contains(String.valueOf(e.getKey())))
                    walk(e.getValue(), join(path, e.getKey()), depth + 1);
            return;
        }
        walk(p.state, path, depth + 1);
        for (int i = 0; i < p.args.size(); i++) walk(p.args.get(i), join(path, "arg" + i), depth + 1);
        if (!p.listItems.isEmpty()) walk(p.listItems, path, depth + 1);
        if (!p.mapItems.isEmpty()) walk(p.mapItems, path, depth + 1);
    }

    /** Every key a string and every value a whole number, or the other way round. */
    private static boolean isTextMap(Map<?, ?> m) {
        if (m.size() < 2) return false;
        boolean stringToId = true, idToString = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            stringToId &= e.getKey() instanceof String && TorchUnpickler.asLong(e.getValue()) != null;
            idToString &= TorchUnpickler.asLong(e.getKey()) != null && e.getValue() instanceof String;
            if (!stringToId && !idToString) return false;
        }
        return true;
    }

    /** The class of the module pickled at {@code path} (e.g. {@code torch.nn.modules.rnn.LSTM}), or null. */
    String moduleClass(String path) {
        PythonObject p = modules.get(path);
        return p == null ? null : p.className();
    }

    /** An attribute of the module pickled at {@code path}, or null. */
    Object moduleAttribute(String path, String attribute) {
        PythonObject p = modules.get(path);
        return p == null ? null : p.attributes().get(attribute);
    }
}
