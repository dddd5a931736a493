package org.rnnexplorer.io.pytorch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens the two layouts {@code torch.save} writes.
 *
 * <ul>
 *   <li>Zip (PyTorch 1.6 and later): one folder holding {@code data.pkl} (the pickle), {@code data/KEY} (the raw
 *       bytes of each storage), {@code version}, and from later versions {@code byteorder}, {@code .format_version},
 *       {@code .storage_alignment}, {@code .data/serialization_id}; the folder's name varies.</li>
 *   <li>Legacy (before 1.6, and {@code _use_new_zipfile_serialization=False}): pickles one after another, the magic
 *       number {@code 0x1950a86a20f9469cfc6c}, the protocol version 1001, the system info (byte order), the object,
 *       and the list of storage keys; then for each key its element count (8 bytes) and its bytes.</li>
 * </ul>
 * A file that is a plain pickle (no magic number) is read as one, without tensors.
 */
final class CheckpointReader {
    /** Largest pickle read (the tensors' bytes are not in it; 8 MB holds a vocabulary of several 100,000 words). */
    static final long MAX_PICKLE_BYTES = 8L << 20;
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;

    private CheckpointReader() {
    }

    /** Opens {@code file}; a problem is a {@link CheckpointException} saying what is wrong. */
    static TorchCheckpoint open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length == 0) throw new CheckpointException("the file is empty");
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') return zip(file);
        if ((head[0] & 0xff) == 0x80) return pickle(file);
        if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar"))
            throw new CheckpointException("a tar archive (the format of PyTorch before 0.4), which is not read; load it in"
                    + " PyTorch and save it again with torch.save");
        throw new CheckpointException("not a PyTorch checkpoint (neither a zip archive nor a pickle)");
    }

    // ------------------------------------------------------------------ zip

    private static TorchCheckpoint zip(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CheckpointException("a damaged or truncated zip archive (" + e.getMessage() + ")");
        }
        try {
            ZipEntry pickle = null;
            List<String> pickles = new ArrayList<>();
            boolean torchScript = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                String inFolder = slash < 0 ? name : name.substring(slash + 1);
                if (inFolder.equals("data.pkl")) pickles.add(name);
                if (inFolder.equals("constants.pkl") || inFolder.startsWith("code/")) torchScript = true;
            }
            if (torchScript)
                throw new CheckpointException("a TorchScript archive (torch.jit.save), which is not read; save the model"
                        + " itself or its state_dict with torch.save");
            if (pickles.size() != 1)
                throw new CheckpointException(pickles.isEmpty() ? "a zip archive without data.pkl, not a PyTorch checkpoint"
                        : "a zip archive with " + pickles.size() + " data.pkl files");
            pickle = zip.getEntry(pickles.get(0));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ByteOrder order = byteOrder(zip, prefix);
            byte[] bytes = entry(zip, pickle, MAX_PICKLE_BYTES, "data.pkl");
            Map<String, StorageRef> storages = new LinkedHashMap<>();
            Object root = new TorchUnpickler(new PickleInput(new ByteArrayInputStream(bytes), bytes.length), storages).next();
            String format = "zip (PyTorch 1.6 or later" + (zip.getEntry(prefix + ".format_version") != null
                    || zip.getEntry(prefix + ".data/serialization_id") != null ? ", here 2.x-style" : "") + ")";
            return new TorchCheckpoint(file, format, root, new ZipStorage(zip, prefix, order));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix) throws IOException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) return ByteOrder.LITTLE_ENDIAN;
        String s = new String(entry(zip, e, 16, "byteorder"), StandardCharsets.US_ASCII).trim();
        if (s.equals("little")) return ByteOrder.LITTLE_ENDIAN;
        if (s.equals("big")) return ByteOrder.BIG_ENDIAN;
        throw new CheckpointException("byteorder says \"" + (s.length() > 20 ? s.substring(0, 20) : s) + "\"");
    }

    /** The bytes of a zip entry of at most {@code max} bytes. */
    private static byte[] entry(ZipFile zip, ZipEntry e, long max, String what) throws IOException {
        if (e.getSize() > max) throw new CheckpointException(what + " is " + e.getSize() + " bytes; the limit is " + max);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) max + 1);
            if (b.length > max) throw new CheckpointException(what + " is over " + max + " bytes");
            if (e.getSize() >= 0 && b.length != e.getSize()) throw new CheckpointException(what + " is truncated");
            return b;
        } catch (ZipException x) {
            throw new CheckpointException(what + " cannot be read from the zip archive (" + x.getMessage() + ")");
        }
    }

    private record ZipStorage(ZipFile zip, String prefix, ByteOrder order) implements TorchCheckpoint.StorageBytes {
        @Override
        public ByteBuffer read(StorageRef s, long from, long count) throws IOException {
            String name = "data/" + s.key();
            ZipEntry e = zip.getEntry(prefix + name);
            if (e == null) throw new CheckpointException("the storage " + name + " is missing from the archive");
            int size = s.dtype().bytes;
            long need = Math.multiplyExact(s.numel(), size);
            if (e.getSize() >= 0 && e.getSize() < need)
                throw new CheckpointException("the storage " + name + " has " + e.getSize() + " bytes, " + s.numel()
                        + " " + s.dtype().torchName + " numbers need " + need + " (the file is truncated)");
            try (InputStream in = zip.getInputStream(e)) {
                in.skipNBytes(from * size);
                byte[] b = in.readNBytes((int) (count * size));
                if (b.length < count * size) throw new CheckpointException("the storage " + name + " is truncated");
                return ByteBuffer.wrap(b).order(order);
            } catch (java.io.EOFException | ZipException x) {
                throw new CheckpointException("the storage " + name + " cannot be read (" + x.getMessage() + ")");
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    // ------------------------------------------------------------------ legacy and plain pickles

    private static TorchCheckpoint pickle(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            PickleInput in = new PickleInput(Channels.newInputStream(ch), size);
            Map<String, StorageRef> storages = new LinkedHashMap<>();
            in.allowNext(MAX_PICKLE_BYTES);
            Object first = new TorchUnpickler(in, storages).next();
            if (!(first instanceof BigInteger magic && magic.equals(LEGACY_MAGIC))) {
                ch.close();
                return new TorchCheckpoint(file, "a plain pickle (no tensors)", first, null);
            }
            in.allowNext(MAX_PICKLE_BYTES);
            Long protocol = TorchUnpickler.asLong(new TorchUnpickler(in, storages).next());
            if (protocol == null || protocol != LEGACY_PROTOCOL)
                throw new CheckpointException("the legacy format's protocol version is " + protocol + ", not 1001");
            in.allowNext(MAX_PICKLE_BYTES);
            Object sysInfo = new TorchUnpickler(in, storages).next();
            ByteOrder order = sysInfo instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("little_endian"))
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            in.allowNext(MAX_PICKLE_BYTES);
            Object root = new TorchUnpickler(in, storages).next();
            in.allowNext(MAX_PICKLE_BYTES);
            Object keys = new TorchUnpickler(in, storages).next();
            if (!(keys instanceof List<?> keyList)) throw new CheckpointException("the legacy format's list of storages is missing");
            Map<String, Long> offsets = new LinkedHashMap<>();
            long at = in.position();
            ByteBuffer count = ByteBuffer.allocate(8).order(order);
            for (Object k : keyList) {
                StorageRef s = storages.get(String.valueOf(k));
                if (s == null) throw new CheckpointException("the legacy format lists storage " + k + ", which no tensor uses");
                count.clear();
                if (at + 8 > size || ch.read(count, at) != 8) throw new CheckpointException("the file is truncated (storage " + k + ")");
                long numel = count.getLong(0);
                if (numel != s.numel())
                    throw new CheckpointException("storage " + k + " has " + numel + " numbers in the file, " + s.numel() + " in its tensor");
                long bytes = Math.multiplyExact(numel, s.dtype().bytes);
                if (at + 8 + bytes > size) throw new CheckpointException("the file is truncated (storage " + k + ")");
                offsets.put(s.key(), at + 8);
                at += 8 + bytes;
            }
            return new TorchCheckpoint(file, "legacy (before PyTorch 1.6)", root, new LegacyStorage(ch, offsets, order));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private record LegacyStorage(FileChannel ch, Map<String, Long> offsets, ByteOrder order)
            implements TorchCheckpoint.StorageBytes {
        @Override
        public ByteBuffer read(StorageRef s, long from, long count) throws IOException {
            Long start = offsets.get(s.key());
            if (start == null) throw new CheckpointException("the storage " + s.key() + " is not in the file");
            ByteBuffer b = ByteBuffer.allocate((int) (count * s.dtype().bytes)).order(order);
            long at = start + from * s.dtype().bytes;
            while (b.hasRemaining()) {
                int n = ch.read(b, at + b.position());
                if (n < 0) throw new CheckpointException("the storage " + s.key() + " is truncated");
            }
            return b.flip();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
