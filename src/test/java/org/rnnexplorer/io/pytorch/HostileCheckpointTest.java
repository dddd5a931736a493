package org.rnnexplorer.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.model.RnnModel;

/**
 * Checkpoints written to attack the reader: sizes far beyond the file (strings, bytes, tensors), a pickle that
 * calls {@code eval} and {@code os.system}, one that contains itself. Each is refused in one line, quickly and
 * without allocating what it claims, or imports with the attack left inert.
 */
class HostileCheckpointTest {
    @TempDir
    Path dir;

    /** Pickle opcodes, written by hand (protocol 2). */
    static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle() {
            op(0x80).op(2);
        }

        Pickle op(int b) {
            out.write(b);
            return this;
        }

        Pickle text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X').raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            return raw(b);
        }

        Pickle global(String module, String name) {
            return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        Pickle integer(long v) {
            return op(0x8a).op(8).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        Pickle raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** A float32 tensor of {@code size} (row-major strides) on storage "0" of {@code numel} elements. */
        Pickle tensor(long numel, long... size) {
            global("torch._utils", "_rebuild_tensor_v2").op('(');
            op('(').text("storage").global("torch", "FloatStorage").text("0").text("cpu").integer(numel).op('t').op('Q');
            integer(0).op('(');
            for (long s : size) integer(s);
            op('t').op('(');
            long stride = 1;
            long[] strides = new long[size.length];
            for (int k = size.length - 1; k >= 0; k--) {
                strides[k] = stride;
                stride *= size[k];
            }
            for (long s : strides) integer(s);
            return op('t').op(0x89).op('}').op('t').op('R');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private Path zip(byte[] pickle, int storageBytes) throws IOException {
        Path p = dir.resolve("hostile.pt");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            z.write(pickle);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("archive/data/0"));
            z.write(new byte[storageBytes]);
            z.closeEntry();
        }
        return p;
    }

    private static String refused(Path file) {
        BadFileException e = assertTimeoutPreemptively(Duration.ofSeconds(120), // a hang guard
                () -> assertThrows(BadFileException.class, () -> CheckpointImport.read(file, ImportOptions.NONE)));
        assertTrue(e.getMessage().startsWith(file + ": ") && !e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aStringLongerThanThePickleIsRefusedBeforeItIsAllocated() throws IOException {
        byte[] p = new Pickle().op('X').raw(new byte[] {-1, -1, -1, 0x7f}).op('.').bytes();
        assertTrue(refused(zip(p, 0)).contains("the pickle is truncated (an entry of 2147483647 bytes"));
        byte[] b8 = new Pickle().op(0x8e).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).array()).bytes();
        assertTrue(refused(zip(b8, 0)).contains("the pickle is truncated"));
    }

    @Test
    void aTensorLargerThanItsStoredBytesIsRefusedBeforeItIsRead() throws IOException {
        // an LSTM of 100,000 units claims 4e10 numbers in a storage of 16 bytes
        long h = 100_000;
        Pickle p = new Pickle().op('}').op('(');
        p.text("rnn.weight_ih_l0").tensor(4 * h * h * 10, 4 * h, 3);
        p.text("rnn.weight_hh_l0").tensor(4 * h * h * 10, 4 * h, h);
        byte[] bytes = p.op('u').op('.').bytes();
        String m = refused(zip(bytes, 16));
        assertTrue(m.contains("the limit is " + org.rnnexplorer.io.ModelFile.MAX_HIDDEN), m);

        Pickle small = new Pickle().op('}').op('(');
        small.text("rnn.weight_ih_l0").tensor(1_000_000_000L, 400, 3);
        small.text("rnn.weight_hh_l0").tensor(1_000_000_000L, 400, 100);
        String m2 = refused(zip(small.op('u').op('.').bytes(), 16));
        assertTrue(m2.contains("has 16 bytes") && m2.contains("truncated"), m2);
    }

    @Test
    void aTensorReachingPastItsStorageIsRefused() throws IOException {
        Pickle p = new Pickle().op('}').op('(');
        p.text("rnn.weight_hh_l0").tensor(10, 4, 4);
        assertTrue(refused(zip(p.op('u').op('.').bytes(), 40)).contains("reaches element 15 of a storage of 10"));
    }

    @Test
    void evalAndOsSystemAreInertObjects() throws IOException {
        Path marker = dir.resolve("ran");
        Pickle p = new Pickle().op('}').op('(');
        p.text("a").global("builtins", "eval").text("__import__('os').system('touch " + marker + "')").op(0x85).op('R');
        p.text("b").global("os", "system").text("touch " + marker).op(0x85).op('R');
        p.text("c").global("subprocess", "Popen").op('(').text("touch").text(marker.toString()).op('l').op(0x85).op('R');
        String m = refused(zip(p.op('u').op('.').bytes(), 0));
        assertTrue(m.contains("no tensors found"), m);
        assertTrue(!Files.exists(marker), "a command ran");
    }

    @Test
    void aListThatContainsItselfIsWalkedOnce() throws IOException {
        // l = []; l.append(l), nested 100,000 deep as well
        Pickle p = new Pickle().op(']').op('q').op(0).op('h').op(0).op('a');
        for (int i = 0; i < 100_000; i++) p.op(']');
        for (int i = 0; i < 100_000; i++) p.op('a');
        String m = refused(zip(p.op('.').bytes(), 0));
        assertTrue(m.contains("no tensors found"), m);
    }

    @Test
    void aPlainPickleThatNamesTensorsHasNoDataForThem() throws IOException {
        Pickle p = new Pickle().op('}').op('(');
        p.text("rnn.weight_ih_l0").tensor(16, 4, 3);
        p.text("rnn.weight_hh_l0").tensor(16, 4, 4);
        Path file = dir.resolve("plain.pkl");
        Files.write(file, p.op('u').op('.').bytes());
        String m = refused(file);
        assertTrue(m.contains("rnn.weight_ih_l0 has no data in this file"), m);
    }

    @Test
    void theOsSystemFixtureStillImportsItsModel() {
        Fixtures.Fixture f = Fixtures.importing().stream().filter(x -> x.marker() != null).findFirst().orElseThrow();
        RnnModel m = CheckpointImport.readModel(f.path(), f.options()).model();
        assertEquals(11, m.tokenCount());
    }
}
