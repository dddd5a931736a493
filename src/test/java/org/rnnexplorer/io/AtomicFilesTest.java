package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aTemporaryNameFitsInto255BytesOfUtf8() {
        String hex = "0123456789abcdef";
        String ascii = AtomicFiles.temporaryName("a".repeat(250) + ".json", 4194304, hex);
        assertEquals(AtomicFiles.MAX_NAME_BYTES, ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertTrue(ascii.startsWith(".aaa") && ascii.endsWith(".rnnx-4194304-" + hex + ".tmp"), ascii);
        String wide = AtomicFiles.temporaryName("é".repeat(125) + ".json", 4194304, hex);
        assertTrue(wide.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= AtomicFiles.MAX_NAME_BYTES);
        assertTrue(wide.startsWith(".éé"), "cut at a whole character: " + wide);
        String emoji = AtomicFiles.temporaryName("\uD83D\uDE00".repeat(60) + ".json", 4194304, hex);
        assertTrue(emoji.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= AtomicFiles.MAX_NAME_BYTES);
        assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.indexOf(".rnnx-") - 1)), "no half of a surrogate pair");
        assertEquals(".out.txt.rnnx-7-" + hex + ".tmp", AtomicFiles.temporaryName("out.txt", 7, hex), "short names whole");
    }

    /** The pid of a process that has ended. */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor());
        return p.pid();
    }

    @Test
    void aStaleTemporaryFileIsRemovedByTheNextWriteAndOnlyOurs() throws Exception {
        String hex = "00000000000000aa";
        Path ofAnEndedRun = dir.resolve(AtomicFiles.temporaryName("trace.json", endedProcess(), hex));
        Path ofThisRun = dir.resolve(AtomicFiles.temporaryName("other.json", ProcessHandle.current().pid(), hex));
        Path ofAReusedPid = dir.resolve(AtomicFiles.temporaryName("old.json", ProcessHandle.current().pid(), "00000000000000bb"));
        Path notOurs = dir.resolve(".trace.json.1234abcd.tmp");
        Path alsoNotOurs = dir.resolve("notes.rnnx-1-0123456789abcdef.tmp.txt");
        for (Path p : List.of(ofAnEndedRun, ofThisRun, ofAReusedPid, notOurs, alsoNotOurs)) Files.writeString(p, "x");
        // written a day before this JVM started: the pid in its name belonged to an earlier process
        java.time.Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        Files.setLastModifiedTime(ofAReusedPid, java.nio.file.attribute.FileTime.from(started.minusSeconds(86400)));

        AtomicFiles.writeString(dir.resolve("out.txt"), "new");
        assertEquals(List.of(notOurs, ofThisRun, dir.resolve("notes.rnnx-1-0123456789abcdef.tmp.txt"),
                dir.resolve("out.txt")).stream().sorted().toList(), files(),
                "the ended run's and the reused pid's temporary files are gone; a live one and other programs' stay");
    }
}
