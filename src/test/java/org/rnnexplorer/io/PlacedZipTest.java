package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip whose entries are filled in pieces in any order: the combined CRC is the CRC of the whole (against
 * {@link CRC32} over the concatenation), and Java's own {@link ZipInputStream}, which checks every STORED entry's
 * size and CRC, reads back exactly the bytes written.
 */
class PlacedZipTest {
    @TempDir
    Path dir;

    @Test
    void combinedCrcIsTheCrcOfTheConcatenation() {
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] a = new byte[r.nextInt(3000)], b = new byte[r.nextInt(i < 100 ? 50 : 70_000)];
            r.nextBytes(a);
            r.nextBytes(b);
            CRC32 whole = new CRC32(), ca = new CRC32(), cb = new CRC32();
            whole.update(a);
            whole.update(b);
            ca.update(a);
            cb.update(b);
            assertEquals(whole.getValue(), PlacedZip.combine(ca.getValue(), cb.getValue(), b.length), "lengths " + a.length + ", " + b.length);
        }
    }

    @Test
    void piecesWrittenInAnyOrderReadBackWithTheirCrcChecked() throws IOException {
        Random r = new Random(4);
        byte[][] contents = {new byte[10], new byte[250_000], new byte[0], new byte[77_777]};
        for (byte[] c : contents) r.nextBytes(c);
        Path file = dir.resolve("t.zip");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            PlacedZip zip = new PlacedZip(ch);
            List<PlacedZip.Entry> entries = new ArrayList<>();
            for (int i = 0; i < contents.length; i++) entries.add(zip.add("e" + i + ".npy", contents[i].length));
            List<int[]> pieces = new ArrayList<>(); // {entry, from, to}
            for (int i = 0; i < contents.length; i++)
                for (int at = 0; at < contents[i].length; ) {
                    int n = Math.min(contents[i].length - at, 1 + r.nextInt(9000));
                    pieces.add(new int[] {i, at, at + n});
                    at += n;
                }
            Collections.shuffle(pieces, r);
            for (int[] p : pieces)
                zip.write(entries.get(p[0]), p[1], ByteBuffer.wrap(contents[p[0]], p[1], p[2] - p[1]));
            zip.close();
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (int i = 0; i < contents.length; i++) {
                ZipEntry e = in.getNextEntry();
                assertEquals("e" + i + ".npy", e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod());
                assertArrayEquals(contents[i], readAll(in));
            }
            assertNull(in.getNextEntry());
        }
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
            assertEquals(contents.length, z.size());
            assertArrayEquals(contents[3], readAll(z.getInputStream(z.getEntry("e3.npy"))));
        }
    }

    @Test
    void anEntryNotFilledExactlyIsRefusedAtClose() throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("u.zip"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            PlacedZip zip = new PlacedZip(ch);
            PlacedZip.Entry e = zip.add("a.npy", 100);
            zip.write(e, 0, ByteBuffer.allocate(60));
            assertThrows(IllegalArgumentException.class, () -> zip.write(e, 60, ByteBuffer.allocate(41)));
            assertThrows(IllegalStateException.class, zip::close);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
