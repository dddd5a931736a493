package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * A save cut off part way (the disk fills after some bytes, or the final move fails) leaves the file that was there
 * before as it was, and no temporary file, for model files and session files alike.
 */
class InterruptedSaveTest {
    @TempDir
    Path dir;

    /** The real disk, except that it is full after {@code bytes} bytes of the new file. */
    private static AtomicFiles.Disk fullAfter(long bytes) {
        return new AtomicFiles.Disk() {
            @Override
            public OutputStream create(Path temp) throws IOException {
                return new FilterOutputStream(AtomicFiles.Disk.REAL.create(temp)) {
                    long written;

                    @Override
                    public void write(int b) throws IOException {
                        if (++written > bytes) throw new IOException("No space left on device");
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        for (int i = 0; i < len; i++) write(b[off + i]);
                    }
                };
            }

            @Override
            public void move(Path temp, Path target) throws IOException {
                AtomicFiles.Disk.REAL.move(temp, target);
            }
        };
    }

    /** The real disk, except that the final move fails (e.g. the folder became read-only). */
    private static final AtomicFiles.Disk MOVE_FAILS = new AtomicFiles.Disk() {
        @Override
        public OutputStream create(Path temp) throws IOException {
            return AtomicFiles.Disk.REAL.create(temp);
        }

        @Override
        public void move(Path temp, Path target) throws IOException {
            assertTrue(Files.size(temp) > 0, "the new file was written in full before the move");
            throw new java.nio.file.AccessDeniedException(temp.toString());
        }
    };

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static RnnModel model(long seed) {
        return ModelFileTest.randomModel(CellType.LSTM, 2, 8, true, true, 6, seed);
    }

    @Test
    void aModelSaveCutOffHalfWayLeavesThePreviousModel() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.write(model(1), file);
        String before = Files.readString(file);
        long half = ModelFile.toJson(model(2)).length() / 2;
        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.write(model(2), file, fullAfter(half)));
        assertEquals(file + ": cannot write: No space left on device", e.getMessage());
        assertEquals(before, Files.readString(file), "the previous model, byte for byte");
        assertEquals(List.of(file), files(), "no temporary file left");
        assertEquals(ModelFile.toJson(model(1)), ModelFile.toJson(ModelFile.read(file)), "and it still opens");
    }

    @Test
    void aModelSaveWhoseMoveFailsLeavesThePreviousModel() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.write(model(1), file);
        String before = Files.readString(file);
        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.write(model(2), file, MOVE_FAILS));
        assertEquals(file + ": cannot write: permission denied", e.getMessage());
        assertEquals(before, Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aSessionSaveCutOffAtAnyPointLeavesThePreviousSession() throws IOException {
        Path file = dir.resolve("lesson.session.json");
        Session old = SessionFileTest.lstmTextSession();
        SessionFile.write(old, file, SessionFileTest.NONE);
        String before = Files.readString(file);
        Session changed = old.withModel(model(3)).withSelection(1, 7, 2).withClamps(List.of());
        int length = SessionFile.toJson(changed, SessionFileTest.NONE).length();
        for (long cut : new long[] {0, 1, length / 3, length / 2, length - 1}) {
            assertThrows(BadFileException.class,
                    () -> SessionFile.write(changed, file, SessionFileTest.NONE, fullAfter(cut)), "cut at " + cut);
            assertEquals(before, Files.readString(file), "cut at " + cut);
            assertEquals(List.of(file), files(), "cut at " + cut);
        }
        assertThrows(BadFileException.class, () -> SessionFile.write(changed, file, SessionFileTest.NONE, MOVE_FAILS));
        assertEquals(before, Files.readString(file));
        assertEquals(List.of(file), files());
        SessionFileTest.assertSameSession(old, SessionFile.read(file, SessionFileTest.NONE));
        // and with room on the disk the same save goes through
        SessionFile.write(changed, file, SessionFileTest.NONE, fullAfter(length));
        SessionFileTest.assertSameSession(changed, SessionFile.read(file, SessionFileTest.NONE));
    }

    @Test
    void aFirstSaveCutOffLeavesNoFileAtAll() throws IOException {
        Path file = dir.resolve("new.session.json");
        assertThrows(BadFileException.class,
                () -> SessionFile.write(SessionFileTest.lstmTextSession(), file, SessionFileTest.NONE, fullAfter(100)));
        assertEquals(List.of(), files());
    }

    /**
     * The real thing: a child JVM saves a 200 KB file while the operating system lets it write only 16 KB
     * ({@code ulimit -f 16}, so the write fails with "File too large" as on a full disk).
     */
    @ParameterizedTest
    @ValueSource(strings = {"model", "session"})
    @EnabledOnOs(OS.LINUX)
    void aSaveStoppedByTheOperatingSystemLeavesThePreviousFile(String kind) throws Exception {
        Path file = dir.resolve(kind + ".json");
        ModelFile.write(model(1), file);
        String before = Files.readString(file);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("bash", "-c", "ulimit -f 16; exec \"$0\" -XX:-UsePerfData -Xshare:auto -cp \"$1\" "
                + SaveUnderFileLimit.class.getName() + " \"$2\" \"$3\"", java, System.getProperty("java.class.path"),
                kind, file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes()).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals(file + ": cannot write: File too large", err);
        assertEquals(before, Files.readString(file), "the previous file, byte for byte");
        assertEquals(List.of(file), files(), "no temporary file left");
    }
}
