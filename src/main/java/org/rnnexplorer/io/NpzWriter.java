package org.rnnexplorer.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a numpy {@code .npz} file: a zip archive with one {@code NAME.npy} entry per array, stored uncompressed
 * (what {@code np.savez} writes), streamed: an array is written as its values come, never held whole. Each entry is
 * an NPY version 1.0 file: the magic {@code \x93NUMPY}, version 1.0, a little-endian header length, the header (a
 * Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (T, H), }} padded with spaces to a
 * multiple of 64 bytes and ending in a newline), then the values in C order, little-endian.
 *
 * <p>The zip goes to a file, so Commons Compress writes each STORED entry's CRC into its header afterwards (seeking
 * back), and since every entry's size is known up front it adds the Zip64 fields to exactly the entries (and the
 * archive) that pass 4 GB.
 */
public final class NpzWriter implements Closeable {
    /** The element types written: float32, float64, int32, and fixed-length unicode ({@code <U n}, UTF-32). */
    public enum Dtype {
        FLOAT32("<f4", 4), FLOAT64("<f8", 8), INT32("<i4", 4);

        final String descr;
        final int bytes;

        Dtype(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }

        public int bytes() { return bytes; }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private final ZipArchiveOutputStream zip;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long remaining;

    /** Creates (or replaces) {@code file}. */
    public NpzWriter(Path file) throws IOException {
        zip = new ZipArchiveOutputStream(file);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        zip.setMethod(ZipEntry.STORED);
    }

    /** The bytes of an array's {@code .npy} entry: header and data. */
    public static long entryBytes(String descr, long elementBytes, long... shape) {
        return header(descr, shape).length + elementBytes * elements(shape);
    }

    /** The bytes of an NPY file's data region of this many elements. */
    private static long elements(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    static byte[] header(String descr, long... shape) {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) s.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        s.append("), }");
        int total = MAGIC.length + 2 + s.length() + 1;
        s.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] dict = s.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + dict.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) dict.length).put(dict);
        return b.array();
    }

    /**
     * Starts array {@code name} ({@code name.npy} in the zip) of {@code dtype} and {@code shape} (none for a
     * scalar); exactly as many values as the shape holds must follow, through the {@code put} methods.
     */
    public void begin(String name, Dtype dtype, long... shape) throws IOException {
        begin(name, dtype.descr, dtype.bytes, shape);
    }

    private void begin(String name, String descr, int elementBytes, long... shape) throws IOException {
        if (remaining != 0) throw new IllegalStateException(remaining + " bytes of the previous array are missing");
        byte[] h = header(descr, shape);
        long data = elementBytes * elements(shape);
        ZipArchiveEntry e = new ZipArchiveEntry(name + ".npy");
        e.setMethod(ZipEntry.STORED);
        e.setSize(h.length + data);
        zip.putArchiveEntry(e);
        zip.write(h);
        remaining = data;
        if (remaining == 0) zip.closeArchiveEntry();
    }

    /** Values {@code v[off..off+n−1]} of the current float array, converted to its type. */
    public void putDoubles(double[] v, int off, int n, Dtype dtype) throws IOException {
        for (int i = 0; i < n; i++) {
            if (buffer.remaining() < 8) flush();
            if (dtype == Dtype.FLOAT32) buffer.putFloat((float) v[off + i]);
            else buffer.putDouble(v[off + i]);
        }
        account((long) n * dtype.bytes);
    }

    public void putInts(int[] v, int off, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (buffer.remaining() < 4) flush();
            buffer.putInt(v[off + i]);
        }
        account(4L * n);
    }

    /** Raw little-endian bytes of the current array (for data prepared elsewhere in its final form). */
    public void putBytes(byte[] b, int off, int n) throws IOException {
        flush();
        zip.write(b, off, n);
        account(n);
    }

    /** A whole array of strings, {@code <U n} with n the longest string's length in code points (at least 1). */
    public void strings(String name, java.util.List<String> values, long... shape) throws IOException {
        int width = 1;
        for (String s : values) width = Math.max(width, s.codePointCount(0, s.length()));
        begin(name, "<U" + width, 4 * width, shape);
        for (String s : values) {
            int written = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (buffer.remaining() < 4) flush();
                buffer.putInt(cp);
                written++;
            }
            for (; written < width; written++) {
                if (buffer.remaining() < 4) flush();
                buffer.putInt(0);
            }
        }
        account(4L * width * values.size());
    }

    /** A 0-d array holding one string. */
    public void scalar(String name, String value) throws IOException {
        strings(name, java.util.List.of(value));
    }

    /** A 0-d float64 array. */
    public void scalar(String name, double value) throws IOException {
        begin(name, Dtype.FLOAT64);
        putDoubles(new double[] {value}, 0, 1, Dtype.FLOAT64);
    }

    /** A 0-d int32 array. */
    public void scalar(String name, int value) throws IOException {
        begin(name, Dtype.INT32);
        putInts(new int[] {value}, 0, 1);
    }

    private void account(long bytes) throws IOException {
        remaining -= bytes;
        if (remaining < 0) throw new IllegalStateException("more values than the array's shape holds");
        if (remaining == 0) {
            flush();
            zip.closeArchiveEntry();
        }
    }

    private void flush() throws IOException {
        if (buffer.position() > 0) {
            zip.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Finishes the archive (its central directory). */
    @Override
    public void close() throws IOException {
        if (remaining != 0) {
            zip.close();
            throw new IllegalStateException(String.format(Locale.ROOT, "%d bytes of the last array are missing", remaining));
        }
        zip.finish();
        zip.close();
    }
}
