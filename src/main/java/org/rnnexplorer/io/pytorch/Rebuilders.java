package org.rnnexplorer.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list: the only functions and classes named in a pickle whose call is carried out, each by Java code that
 * makes plain data (a {@link TorchTensor}, a map, a list, a set, bytes). Every other name makes an inert
 * {@link PythonObject} that keeps its arguments.
 */
final class Rebuilders {
    private static final Set<String> TENSOR = Set.of("torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor");
    private static final Set<String> PARAMETER = Set.of("torch._utils._rebuild_parameter",
            "torch._utils._rebuild_parameter_with_state");
    private static final Set<String> FROM_TYPE = Set.of("torch._tensor._rebuild_from_type_v2",
            "torch._tensor._rebuild_from_type");
    private static final Set<String> DICT = Set.of("collections.OrderedDict", "collections.defaultdict",
            "collections.Counter", "builtins.dict", "__builtin__.dict");
    private static final Set<String> SET = Set.of("builtins.set", "__builtin__.set", "builtins.frozenset",
            "__builtin__.frozenset");
    private static final Set<String> LIST = Set.of("builtins.list", "__builtin__.list", "torch.Size");
    private static final Set<String> BYTES = Set.of("builtins.bytearray", "__builtin__.bytearray", "builtins.bytes",
            "__builtin__.bytes", "_codecs.encode");
    private static final Set<String> RECONSTRUCTOR = Set.of("copy_reg._reconstructor", "copyreg._reconstructor");

    private Rebuilders() {
    }

    /** Whether {@code g} is on the allow-list. */
    static boolean allowed(PythonGlobal g) {
        String n = g.qualifiedName();
        return TENSOR.contains(n) || PARAMETER.contains(n) || FROM_TYPE.contains(n) || DICT.contains(n)
                || SET.contains(n) || LIST.contains(n) || BYTES.contains(n) || RECONSTRUCTOR.contains(n);
    }

    /** The result of calling {@code g} with {@code args}: rebuilt data when allowed, else an inert object. */
    static Object call(PythonGlobal g, Object[] args) {
        String n = g.qualifiedName();
        if (TENSOR.contains(n)) return tensor(n, args);
        if (PARAMETER.contains(n)) {
            if (args.length < 1 || !(args[0] instanceof TorchTensor t))
                throw new CheckpointException(n + " is called without a tensor");
            return t;
        }
        if (FROM_TYPE.contains(n)) {
            // (func, type, args, state): a tensor subclass; rebuilt only when func is itself allowed
            if (args.length >= 3 && args[0] instanceof PythonGlobal func && allowed(func) && args[2] instanceof Object[] a)
                return call(func, a);
            return new PythonObject(g, args);
        }
        if (DICT.contains(n)) return dict(args);
        if (SET.contains(n)) return new LinkedHashSet<>(items(args));
        if (LIST.contains(n)) return new ArrayList<>(items(args));
        if (BYTES.contains(n)) return bytes(args);
        if (RECONSTRUCTOR.contains(n)) {
            // copyreg._reconstructor(cls, base, state): an instance of cls, inert like any other
            if (args.length >= 1 && args[0] instanceof PythonGlobal cls && !allowed(cls)) {
                PythonObject o = new PythonObject(cls, new Object[0]);
                if (args.length >= 3) o.state = args[2];
                return o;
            }
            return new PythonObject(g, args);
        }
        return new PythonObject(g, args);
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private static TorchTensor tensor(String n, Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage))
            throw new CheckpointException(n + " is called without a storage");
        long offset = toLong(args[1], "a tensor's offset");
        long[] size = longs(args[2], "a tensor's size");
        long[] stride = longs(args[3], "a tensor's stride");
        return new TorchTensor(storage, offset, size, stride);
    }

    private static Map<Object, Object> dict(Object[] args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        // OrderedDict(), OrderedDict([(k, v), ...]), defaultdict(factory), Counter({k: n}), dict({...})
        for (Object a : args) {
            if (a instanceof Map<?, ?> m) map.putAll(m);
            else if (a instanceof Collection<?> c)
                for (Object pair : c)
                    if (pair instanceof Object[] kv && kv.length == 2) map.put(kv[0], kv[1]);
        }
        return map;
    }

    private static List<Object> items(Object[] args) {
        if (args.length == 0) return List.of();
        if (args[0] instanceof Collection<?> c) return new ArrayList<>(c);
        if (args[0] instanceof Object[] a) return Arrays.asList(a);
        return List.of();
    }

    /** {@code _codecs.encode(text, 'latin1')}: protocol 2's way of writing bytes; {@code bytearray(...)} likewise. */
    private static byte[] bytes(Object[] args) {
        if (args.length == 0) return new byte[0];
        if (args[0] instanceof byte[] b) return b;
        if (args[0] instanceof String s) {
            boolean latin1 = args.length < 2 || "latin1".equals(args[1]) || "latin-1".equals(args[1]);
            return s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    static long toLong(Object o, String what) {
        Long v = TorchUnpickler.asLong(o);
        if (v == null) throw new CheckpointException(what + " is not a whole number");
        return v;
    }

    private static long[] longs(Object o, String what) {
        List<?> items = o instanceof Object[] a ? Arrays.asList(a) : o instanceof List<?> l ? l : null;
        if (items == null) throw new CheckpointException(what + " is not a tuple of numbers");
        if (items.size() > 8) throw new CheckpointException(what + " has " + items.size() + " dimensions");
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = toLong(items.get(i), what);
        return out;
    }
}
