package org.rnnexplorer.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A zip archive of STORED entries whose places in the file are fixed as they are added, so that the data of an entry
 * may then be written in pieces in any order, straight into its place (a long trace's forward arrays come chunk by
 * chunk from the first step, its gradients from the last). Each piece's CRC-32 is taken as it is written; on
 * {@link #close} the pieces of an entry, which must cover it exactly, are combined in file order
 * ({@link #combine}) into the entry's CRC, which is patched into its local header, and the central directory is
 * written. Entries or offsets past 4 GB get Zip64 fields (APPNOTE 4.5.3); numpy and Java read the result.
 */
final class PlacedZip implements Closeable {
    private static final long LIMIT = 0xFFFFFFFFL;
    private final FileChannel channel;
    private final List<Entry> entries = new ArrayList<>();
    private final int dosTime, dosDate;
    private long end;

    /** One entry: where its local header and data sit, its size, and the CRC-32 of each piece written. */
    static final class Entry {
        final String name;
        final long header;
        final long data;
        final long size;
        final List<long[]> pieces = new ArrayList<>(); // {offset in the entry, length, crc}

        Entry(String name, long header, long data, long size) {
            this.name = name;
            this.header = header;
            this.data = data;
            this.size = size;
        }

        boolean zip64() { return size >= LIMIT; }
    }

    PlacedZip(FileChannel channel) {
        this.channel = channel;
        LocalDateTime now = LocalDateTime.now();
        dosTime = now.getHour() << 11 | now.getMinute() << 5 | now.getSecond() / 2;
        dosDate = Math.max(0, now.getYear() - 1980) << 9 | now.getMonthValue() << 5 | now.getDayOfMonth();
    }

    /** Adds an entry of {@code size} bytes after the last one: writes its local header, returns it to fill. */
    Entry add(String name, long size) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        boolean zip64 = size >= LIMIT;
        ByteBuffer h = ByteBuffer.allocate(30 + n.length + (zip64 ? 20 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0x0800).putShort((short) 0)
                .putShort((short) dosTime).putShort((short) dosDate).putInt(0)
                .putInt((int) (zip64 ? LIMIT : size)).putInt((int) (zip64 ? LIMIT : size))
                .putShort((short) n.length).putShort((short) (zip64 ? 20 : 0)).put(n);
        if (zip64) h.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        Entry e = new Entry(name, end, end + h.capacity(), size);
        writeFully(h.flip(), end);
        end = e.data + size;
        entries.add(e);
        return e;
    }

    /** Writes {@code bytes} (position to limit) at {@code offset} in the entry's data. */
    void write(Entry e, long offset, ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        if (offset < 0 || offset + length > e.size)
            throw new IllegalArgumentException(length + " bytes at " + offset + " do not fit " + e.name + " (" + e.size + ")");
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        e.pieces.add(new long[] {offset, length, crc.getValue()});
        writeFully(bytes, e.data + offset);
    }

    private void writeFully(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) at += channel.write(b, at);
    }

    /**
     * CRC-32 of A followed by B from crc(A), crc(B) and B's length: crc(A) carried through len(B) zero bytes, then
     * xor crc(B) (the register is linear over GF(2); the pre- and post-inversion cancel). The carrying is the
     * 32 × 32 matrix of one zero bit, squared up to one byte and then raised to len(B) by squaring.
     */
    static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) return crcA;
        int[] even = new int[32], odd = new int[32];
        odd[0] = 0xEDB88320; // one zero bit: the reflected polynomial when the low bit is set, else a shift
        for (int i = 1; i < 32; i++) odd[i] = 1 << (i - 1);
        square(even, odd); // two bits
        square(odd, even); // four bits
        int crc = (int) crcA;
        long n = lengthB;
        while (true) {
            square(even, odd); // 8, 32, 128, ... bits: a byte, then 4^k bytes
            if ((n & 1) != 0) crc = times(even, crc);
            n >>>= 1;
            if (n == 0) break;
            square(odd, even);
            if ((n & 1) != 0) crc = times(odd, crc);
            n >>>= 1;
            if (n == 0) break;
        }
        return (crc ^ (int) crcB) & LIMIT;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) if ((vector & 1) != 0) sum ^= matrix[i];
        return sum;
    }

    private static void square(int[] out, int[] matrix) {
        for (int i = 0; i < 32; i++) out[i] = times(matrix, matrix[i]);
    }

    /** The CRC of an entry from its pieces, which must cover it exactly once. */
    private static long crcOf(Entry e) {
        e.pieces.sort(Comparator.comparingLong(p -> p[0]));
        long crc = 0, at = 0;
        for (long[] p : e.pieces) {
            if (p[0] != at) throw new IllegalStateException(e.name + ": bytes " + at + ".." + (p[0] - 1) + " were "
                    + (p[0] > at ? "never written" : "written twice"));
            crc = combine(crc, p[2], p[1]);
            at += p[1];
        }
        if (at != e.size) throw new IllegalStateException(e.name + ": " + (e.size - at) + " bytes were never written");
        return crc;
    }

    /** Patches every entry's CRC into its local header and writes the central directory and its end records. */
    @Override
    public void close() throws IOException {
        ByteBuffer four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        long[] crcs = new long[entries.size()];
        for (int i = 0; i < crcs.length; i++) {
            Entry e = entries.get(i);
            crcs[i] = crcOf(e);
            four.clear();
            writeFully(four.putInt((int) crcs[i]).flip(), e.header + 14);
        }
        long cdStart = end;
        for (int i = 0; i < crcs.length; i++) {
            Entry e = entries.get(i);
            byte[] n = e.name.getBytes(StandardCharsets.UTF_8);
            boolean bigSize = e.zip64(), bigOffset = e.header >= LIMIT;
            int extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
            ByteBuffer c = ByteBuffer.allocate(46 + n.length + (extra > 0 ? 4 + extra : 0)).order(ByteOrder.LITTLE_ENDIAN);
            c.putInt(0x02014b50).putShort((short) 45).putShort((short) (extra > 0 ? 45 : 20)).putShort((short) 0x0800)
                    .putShort((short) 0).putShort((short) dosTime).putShort((short) dosDate).putInt((int) crcs[i])
                    .putInt((int) (bigSize ? LIMIT : e.size)).putInt((int) (bigSize ? LIMIT : e.size))
                    .putShort((short) n.length).putShort((short) (extra > 0 ? 4 + extra : 0)).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) (bigOffset ? LIMIT : e.header)).put(n);
            if (extra > 0) {
                c.putShort((short) 1).putShort((short) extra);
                if (bigSize) c.putLong(e.size).putLong(e.size);
                if (bigOffset) c.putLong(e.header);
            }
            writeFully(c.flip(), end);
            end += c.capacity();
        }
        long cdSize = end - cdStart;
        boolean zip64 = entries.size() >= 0xFFFF || cdStart >= LIMIT || cdSize >= LIMIT;
        if (zip64) {
            ByteBuffer z = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
            z.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size()).putLong(cdSize).putLong(cdStart);
            z.putInt(0x07064b50).putInt(0).putLong(end).putInt(1);
            writeFully(z.flip(), end);
            end += z.capacity();
        }
        ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        int count = Math.min(entries.size(), 0xFFFF);
        eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt((int) Math.min(cdSize, LIMIT)).putInt((int) Math.min(cdStart, LIMIT)).putShort((short) 0);
        writeFully(eocd.flip(), end);
        end += 22;
        channel.truncate(end);
    }
}
