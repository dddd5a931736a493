package org.rnnexplorer.io.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler, made safe for files from strangers and taught PyTorch's storages.
 *
 * <ul>
 *   <li>Every name the pickle refers to ({@code GLOBAL}, {@code STACK_GLOBAL}, {@code INST}) becomes a
 *       {@link PythonGlobal}; calling one (REDUCE, NEWOBJ, OBJ, INST) runs an allow-listed rebuilder
 *       ({@link Rebuilders}) or makes an inert {@link PythonObject}. Pyrolite's own registry of constructors is never
 *       consulted, so nothing named by the file runs, Java or Python.</li>
 *   <li>{@code BUILD} stores the state in the inert object; dict items and list items go to whatever is on the stack,
 *       dicts keep the file's order.</li>
 *   <li>A length in the pickle (a string, bytes, a long integer) is checked against the bytes left before it is read,
 *       and the memo and the number of opcodes are bounded, so a hostile file cannot make it allocate much more than
 *       the file's own size.</li>
 *   <li>Persistent ids {@code ('storage', torch.FloatStorage, key, location, numel[, view])} become
 *       {@link StorageRef}s (one per key); the legacy format's {@code ('module', cls, file, source)} gives the class.
 *   </li>
 * </ul>
 */
final class TorchUnpickler extends Unpickler {
    /** Most entries in the memo (the pickle's back-references). */
    static final int MAX_MEMO = 1_000_000;
    /** Most opcodes in one pickle. */
    static final long MAX_OPCODES = 20_000_000L;

    private final PickleInput in;
    private final Map<String, StorageRef> storages;
    private long opcodes;

    /** An unpickler of {@code in}; storages named by the pickle are added to (and shared through) {@code storages}. */
    TorchUnpickler(PickleInput in, Map<String, StorageRef> storages) {
        this.in = in;
        this.storages = storages;
    }

    /**
     * The next pickle of the input. Whatever goes wrong inside Pyrolite on a broken pickle (a stack that runs
     * empty, a length of −1 at the end of the input, a value of the wrong type) is reported as a damaged pickle.
     */
    Object next() {
        try {
            return load(in);
        } catch (CheckpointException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new CheckpointException("the pickle is truncated");
        } catch (IOException e) {
            throw new CheckpointException(e.getMessage() != null && e.getMessage().contains("premature end")
                    ? "the pickle is truncated" : "the pickle cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new CheckpointException("a damaged pickle (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + CheckpointImport.shown(e.getMessage(), 60)) + ")", e);
        }
    }

    @Override
    public Object load(InputStream stream) throws IOException {
        if (stream != in) throw new IllegalArgumentException("reads its own input only");
        return super.load(stream);
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        if (++opcodes > MAX_OPCODES) throw new CheckpointException("the pickle has more than " + MAX_OPCODES + " opcodes");
        switch (key) {
            case Opcodes.GLOBAL -> stack.add(global(PickleUtils.readline(in), PickleUtils.readline(in)));
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n))
                    throw new CheckpointException("the pickle names a global by something other than text");
                stack.add(global(m, n));
            }
            case Opcodes.INST -> {
                PythonGlobal type = global(PickleUtils.readline(in), PickleUtils.readline(in));
                stack.add(type.construct(stack.pop_all_since_marker().toArray()));
            }
            case Opcodes.OBJ -> {
                List<Object> items = stack.pop_all_since_marker();
                if (items.isEmpty()) throw new CheckpointException("the pickle's OBJ has no class");
                stack.add(call(items.get(0), items.subList(1, items.size()).toArray()));
            }
            case Opcodes.REDUCE, Opcodes.NEWOBJ -> {
                Object args = stack.pop();
                stack.add(call(stack.pop(), args));
            }
            case Opcodes.NEWOBJ_EX -> {
                stack.pop(); // keyword arguments: an inert object keeps its positional ones only
                Object args = stack.pop();
                stack.add(call(stack.pop(), args));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                if (stack.peek() instanceof PythonObject o) o.state = state;
                // the state of a rebuilt dict or tensor (e.g. a state_dict's _metadata) is not needed
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> map = new LinkedHashMap<>();
                stack.add(map);
                setItems(items);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                setItems(List.of(box(k), box(value)));
            }
            case Opcodes.SETITEMS -> setItems(stack.pop_all_since_marker());
            case Opcodes.APPEND -> append(List.of(box(stack.pop())));
            case Opcodes.APPENDS -> append(stack.pop_all_since_marker());
            case Opcodes.PUT, Opcodes.BINPUT, Opcodes.LONG_BINPUT, Opcodes.MEMOIZE -> {
                if (memo.size() >= MAX_MEMO) throw new CheckpointException("the pickle's memo has more than " + MAX_MEMO + " entries");
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.BINSTRING, Opcodes.LONG4 -> {
                checkLength(4);
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
                checkLength(8);
                return super.dispatch(key);
            }
            case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4, Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER, Opcodes.PERSID ->
                    throw new CheckpointException("the pickle uses opcode " + key + ", which PyTorch checkpoints do not");
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    private static final Object NULL = new Object();

    private static Object box(Object v) {
        return v == null ? NULL : v;
    }

    private static Object unbox(Object v) {
        return v == NULL ? null : v;
    }

    /** Adds key/value pairs to the dict (or inert object) on top of the stack. */
    @SuppressWarnings("unchecked")
    private void setItems(List<Object> items) {
        if (items.size() % 2 != 0) throw new CheckpointException("the pickle sets a dict item without a value");
        Object target = stack.peek();
        Map<Object, Object> map;
        if (target instanceof Map<?, ?> m) map = (Map<Object, Object>) m;
        else if (target instanceof PythonObject o) map = o.mapItems;
        else throw new CheckpointException("the pickle sets items on " + describe(target));
        for (int i = 0; i < items.size(); i += 2) {
            Object k = unbox(items.get(i));
            if (k != null && !(k instanceof String || k instanceof Number || k instanceof Boolean))
                k = String.valueOf(k); // a tuple or an object as a key: kept by its text
            map.put(k, unbox(items.get(i + 1)));
        }
    }

    /** Adds items to the list (or set, or inert object) on top of the stack. */
    @SuppressWarnings("unchecked")
    private void append(List<Object> items) {
        Object target = stack.peek();
        Collection<Object> c;
        if (target instanceof Collection<?> col) c = (Collection<Object>) col;
        else if (target instanceof PythonObject o) c = o.listItems;
        else throw new CheckpointException("the pickle appends to " + describe(target));
        for (Object item : items) c.add(unbox(item));
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof PythonObject p ? p.toString() : o.getClass().getSimpleName();
    }

    private static PythonGlobal global(String module, String name) {
        if (module.length() > 200 || name.length() > 200) throw new CheckpointException("the pickle names a global of over 200 characters");
        return new PythonGlobal(module, name);
    }

    private static Object call(Object callable, Object args) {
        if (!(callable instanceof IObjectConstructor c) || !(callable instanceof PythonGlobal))
            throw new CheckpointException("the pickle calls " + describe(callable) + ", which is not a class or function");
        if (!(args instanceof Object[] a)) throw new CheckpointException("the pickle calls " + callable + " without a tuple of arguments");
        return c.construct(a);
    }

    /** Refuses a length (the next {@code width} bytes, little-endian) larger than the bytes left in the pickle. */
    private void checkLength(int width) throws IOException {
        byte[] b = in.peek(width);
        if (b.length < width) throw new CheckpointException("the pickle is truncated");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long length = width == 4 ? buf.getInt() & 0xffffffffL : buf.getLong();
        if (length < 0 || length > in.remaining() - width)
            throw new CheckpointException("the pickle is truncated (an entry of " + length + " bytes, "
                    + Math.max(0, in.remaining() - width) + " left)");
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] id) || id.length == 0)
            throw new CheckpointException("the pickle refers to an outside object PyTorch does not write");
        if ("module".equals(id[0]) && id.length >= 2) return id[1]; // legacy format: the class of a pickled module
        if (!"storage".equals(id[0]) || (id.length != 5 && id.length != 6))
            throw new CheckpointException("the pickle refers to an outside object PyTorch does not write (" + id[0] + ")");
        if (!(id[1] instanceof PythonGlobal type)) throw new CheckpointException("a storage has no type");
        DType dtype = type.name().equals("UntypedStorage") ? DType.UINT8 : DType.ofStorage(type);
        if (dtype == null) throw new CheckpointException("a storage of unknown type " + type);
        if (!(id[2] instanceof String key) || key.length() > 100) throw new CheckpointException("a storage has no key");
        String location = id[3] instanceof String s ? s : String.valueOf(id[3]);
        long numel = Rebuilders.toLong(id[4], "a storage's size");
        if (numel < 0) throw new CheckpointException("a storage has size " + numel);
        if (id.length == 6 && id[5] != null)
            throw new CheckpointException("storage views (files from PyTorch before 1.0) are not read");
        StorageRef ref = new StorageRef(key, dtype, numel, location);
        StorageRef before = storages.putIfAbsent(key, ref);
        if (before != null && (before.dtype() != dtype || before.numel() != numel))
            throw new CheckpointException("storage " + key + " is named twice with different types or sizes");
        return before != null ? before : ref;
    }

    /** The number a pickle gives as an int, a long or a big integer; null when it is not one. */
    static Long asLong(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) return ((Number) o).longValue();
        if (o instanceof BigInteger b && b.bitLength() < 64) return b.longValue();
        return null;
    }
}
