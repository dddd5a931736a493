package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child JVM is stopped in the middle of writing a file, as {@code trace} (one atomic file) or {@code export}
 * (staged files) write them: killed outright ({@code kill -9}: its temporary file stays, and the next write into the
 * folder removes it) or sent SIGTERM (it removes its temporary file on the way out). A child still writing keeps its
 * temporary file while another process writes beside it.
 */
@EnabledOnOs(OS.LINUX)
class KilledWriteTest {
    @TempDir
    Path dir;

    /** A child JVM writing {@code target} ({@code until}: "forever" or "line", see {@link WriteAndWait}), once it has said that its temporary file is half written. */
    private static Process writing(String how, Path target, String until) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                WriteAndWait.class.getName(), how, target.toString(), until).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", out.readLine(), "the child started writing");
        return p;
    }

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> temporaries() throws IOException {
        return names().stream().filter(n -> n.endsWith(".tmp")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "staged"})
    void aKilledWriteLeavesATemporaryFileThatTheNextWriteRemoves(String how) throws Exception {
        Path target = dir.resolve("trace.json");
        Process child = writing(how, target, "forever");
        assertEquals(1, temporaries().size(), "the half-written temporary file: " + names());
        assertTrue(temporaries().get(0).startsWith(".trace.json.rnnx-" + child.pid() + "-"), names().toString());
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, temporaries().size(), "kill -9 leaves it behind");

        AtomicFiles.writeString(dir.resolve("other.json"), "next run");
        assertEquals(List.of("other.json"), names(), "the next write into the folder removed the stale temporary file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "staged"})
    void sigtermRemovesTheTemporaryFileOnTheWayOut(String how) throws Exception {
        Path target = dir.resolve("trace.json");
        Process child = writing(how, target, "forever");
        assertEquals(1, temporaries().size());
        child.destroy(); // SIGTERM: the shutdown hook runs
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(List.of(), names(), "no temporary file and no target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "staged"})
    void aWriteBesideARunThatIsStillWritingLeavesItsTemporaryFileAlone(String how) throws Exception {
        Path target = dir.resolve("trace.json");
        Process child = writing(how, target, "line");
        String childsTemporary = temporaries().get(0);

        AtomicFiles.writeString(dir.resolve("other.json"), "a second run at the same time");
        assertEquals(List.of(childsTemporary), temporaries(), "the live run's temporary file stays");

        try (OutputStream in = child.getOutputStream()) {
            in.write('\n'); // let the child finish
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), "the child's write went through");
        assertEquals(List.of("other.json", "trace.json"), names());
        assertEquals(64 * 1024 + 4, Files.size(target));
    }
}
