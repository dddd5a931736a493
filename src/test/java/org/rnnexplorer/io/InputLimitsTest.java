package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.InputLimits;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/** Files and inputs too large for the machine are refused with a message, before they are read into memory. */
class InputLimitsTest {
    @TempDir
    Path dir;

    /** A file of {@code size} bytes that takes no room on disk (sparse): only its size is ever looked at. */
    private Path sparse(String name, long size) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
        return f;
    }

    /** {@code size} bytes of 'a' without holding them in memory. */
    private static InputStream endless(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void theStepLimit() {
        InputLimits.checkSteps(InputLimits.MAX_STEPS, "x", "tokens");
        assertEquals("notes.txt: 1,000,000 tokens; the limit is 200,000 steps per trace (InputLimits.MAX_STEPS); shorten the input",
                assertThrows(IllegalArgumentException.class, () -> InputLimits.checkSteps(1_000_000, "notes.txt", "tokens")).getMessage());
    }

    @Test
    void filesLargerThanTheirLimitAreRefusedByTheirSize() throws IOException {
        Path txt = sparse("huge.txt", InputLimits.MAX_TEXT_FILE_BYTES + 1);
        assertEquals(txt + ": is 16777217 bytes; text files up to 16777216 bytes are read (InputLimits.MAX_TEXT_FILE_BYTES)",
                assertThrows(BadFileException.class, () -> TextFile.read(txt)).getMessage());
        Path csv = sparse("huge.csv", SeriesCsv.MAX_FILE_BYTES + 1);
        assertEquals(csv + ": is 536870913 bytes; CSV files up to 536870912 bytes are read (SeriesCsv.MAX_FILE_BYTES)",
                assertThrows(BadFileException.class, () -> SeriesCsv.read(csv)).getMessage());
        Path model = sparse("huge.json", ModelFile.MAX_FILE_BYTES + 1);
        assertEquals(model + ": is 1073741825 bytes; model files up to 1073741824 bytes are read (ModelFile.MAX_FILE_BYTES)",
                assertThrows(BadFileException.class, () -> ModelFile.read(model)).getMessage());
        Path session = sparse("huge.session.json", SessionFile.MAX_FILE_BYTES + 1);
        assertTrue(assertThrows(BadFileException.class, () -> SessionFile.read(session)).getMessage()
                .endsWith("(SessionFile.MAX_FILE_BYTES)"));
    }

    @Test
    void aStreamThatGoesOnPastTheLimitIsCutOff() {
        assertEquals("pasted: is too large; text files up to 16777216 bytes are read (InputLimits.MAX_TEXT_FILE_BYTES)",
                assertThrows(BadFileException.class,
                        () -> TextFile.read(endless(InputLimits.MAX_TEXT_FILE_BYTES + 1), "pasted")).getMessage());
        assertEquals(InputLimits.MAX_TEXT_FILE_BYTES, TextFile.read(endless(InputLimits.MAX_TEXT_FILE_BYTES), "ok").length());
    }

    @Test
    void aTextFileIsStrictUtf8WithoutItsByteOrderMark() throws IOException {
        Path f = dir.resolve("t.txt");
        Files.write(f, "\uFEFFé(a)".getBytes(StandardCharsets.UTF_8));
        assertEquals("é(a)", TextFile.read(f));
        assertEquals("latin1.txt: is not a UTF-8 text file", assertThrows(BadFileException.class,
                () -> TextFile.read(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9, 'b'}), "latin1.txt")).getMessage());
    }

    @Test
    void aSessionWithMoreStepsThanTheLimitIsRefused() {
        RnnModel m = ModelFileTest.randomModel(CellType.GRU, 1, 2, false, true, 3, 1);
        assertEquals("the input text: 200,001 characters; the limit is 200,000 steps per trace (InputLimits.MAX_STEPS); shorten the input",
                assertThrows(IllegalArgumentException.class, () -> Session.ofText(m, "a".repeat(200_001))).getMessage());
    }
}
