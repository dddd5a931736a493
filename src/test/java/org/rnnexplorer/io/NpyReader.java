package org.rnnexplorer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a {@code .npz} back for the tests, with the JDK's own zip reader and the NPY format as numpy's documentation
 * states it: magic, version 1.0, header length, the dict with descr, fortran_order and shape, then the data.
 */
public final class NpyReader {
    /** One array: its dtype string, shape and raw little-endian data. */
    public record Array(String descr, long[] shape, ByteBuffer data, boolean stored) {
        public double get(long... index) {
            long flat = 0;
            for (int i = 0; i < shape.length; i++) flat = flat * shape[i] + index[i];
            return switch (descr) {
                case "<f4" -> data.getFloat((int) (flat * 4));
                case "<f8" -> data.getDouble((int) (flat * 8));
                case "<i4" -> data.getInt((int) (flat * 4));
                default -> throw new IllegalArgumentException(descr);
            };
        }

        /** Element {@code i} of a {@code <U n} array. */
        public String string(int i) {
            int width = Integer.parseInt(descr.substring(2));
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < width; k++) {
                int cp = data.getInt((i * width + k) * 4);
                if (cp == 0) break;
                s.appendCodePoint(cp);
            }
            return s.toString();
        }
    }

    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

    /** Every array of the archive, by name (without {@code .npy}), in the archive's order. */
    public static Map<String, Array> read(Path npz) throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] all;
                try (InputStream in = zip.getInputStream(e)) {
                    all = in.readAllBytes();
                }
                ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
                byte[] magic = new byte[8];
                b.get(magic);
                if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")
                        || magic[6] != 1 || magic[7] != 0)
                    throw new IOException(e.getName() + ": not NPY 1.0");
                int len = Short.toUnsignedInt(b.getShort());
                String header = new String(all, 10, len, StandardCharsets.US_ASCII);
                if ((10 + len) % 64 != 0) throw new IOException(e.getName() + ": header not aligned to 64");
                Matcher m = HEADER.matcher(header);
                if (!m.matches()) throw new IOException(e.getName() + ": header " + header);
                String[] dims = m.group(2).replace(" ", "").split(",");
                long[] shape = java.util.Arrays.stream(dims).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
                ByteBuffer data = ByteBuffer.wrap(all, 10 + len, all.length - 10 - len).slice().order(ByteOrder.LITTLE_ENDIAN);
                arrays.put(e.getName().replaceAll("\\.npy$", ""), new Array(m.group(1), shape, data,
                        e.getMethod() == ZipEntry.STORED));
            }
        }
        return arrays;
    }
}
