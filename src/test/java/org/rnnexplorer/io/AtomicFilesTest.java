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
}
