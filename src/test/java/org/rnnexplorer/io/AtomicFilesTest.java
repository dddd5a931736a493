package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesAndReplacesTheWholeFile() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second, longer");
        assertEquals("second, longer", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailureHalfWayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeText(f, w -> {
            w.write("half of the new con");
            w.flush();
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailureLeavesNoNewFile() throws IOException {
        Path f = dir.resolve("new.txt");
        assertThrows(IOException.class, () -> {
            try {
                AtomicFiles.write(f, out -> {
                    out.write(1);
                    throw new IOException("disk full");
                });
            } catch (BadFileException e) {
                assertEquals(f + ": cannot write: disk full", e.getMessage());
                throw (IOException) e.getCause();
            }
        });
        assertEquals(List.of(), files());
    }

    @Test
    void aMissingFolderIsNamed() {
        Path f = dir.resolve("no-such-folder").resolve("out.txt");
        assertEquals(f + ": cannot write: the folder does not exist",
                assertThrows(BadFileException.class, () -> AtomicFiles.writeString(f, "x")).getMessage());
    }

    @Test
    void writeAllWritesEveryFileOrNone() throws IOException {
        Path folder = dir.resolve("made").resolve("here");
        java.util.Map<String, AtomicFiles.Content> good = new java.util.LinkedHashMap<>();
        good.put("a.txt", out -> out.write('a'));
        good.put("b.txt", out -> out.write('b'));
        AtomicFiles.writeAll(folder, good);
        assertEquals("a", Files.readString(folder.resolve("a.txt")));
        assertEquals("b", Files.readString(folder.resolve("b.txt")));

        // the third file fails: the first two keep their old content, the new one is not there, no temporary file
        java.util.Map<String, AtomicFiles.Content> bad = new java.util.LinkedHashMap<>();
        bad.put("a.txt", out -> out.write('A'));
        bad.put("c.txt", out -> out.write('c'));
        bad.put("d.txt", out -> {
            throw new IOException("disk full");
        });
        BadFileException e = assertThrows(BadFileException.class, () -> AtomicFiles.writeAll(folder, bad));
        assertEquals(folder.resolve("d.txt") + ": cannot write: disk full", e.getMessage());
        try (var left = Files.list(folder)) {
            assertEquals(List.of("a.txt", "b.txt"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("a", Files.readString(folder.resolve("a.txt")));

        // a folder it had to make is removed again
        Path fresh = dir.resolve("fresh");
        assertThrows(BadFileException.class, () -> AtomicFiles.writeAll(fresh, bad));
        assertEquals(false, Files.exists(fresh));
    }
}
