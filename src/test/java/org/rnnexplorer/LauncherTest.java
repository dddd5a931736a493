package org.rnnexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.rnnexplorer.ui.app.ExplorerApp;

/** The jar's entry point as a user starts it: in a child JVM, as {@code java -jar} would. */
class LauncherTest {

    private record Result(int code, List<String> err) {
    }

    private static Result launch(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:-UsePerfData", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err.lines().toList());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWindowSaysSoInOneLineWithExitCode2() throws Exception {
        Result r = launch();
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        assertEquals(List.of("rnn-explorer: no display to open the window on (DISPLAY is not set): run it in a desktop"
                + " session, set DISPLAY (e.g. DISPLAY=:0, or start Xvfb), or use a headless command (rnn-explorer"
                + " --help lists trace, export, train, sweep, bench)"), r.err());
    }

    @Test
    void headlessCommandsNeedNoDisplay() throws Exception {
        Result r = launch("--version");
        assertEquals(0, r.code(), String.join("\n", r.err()));
    }

    @Test
    void aFileAsTheOnlyArgumentOpensTheWindowOnIt() {
        String checkpoint = "src/test/resources/checkpoints/training-checkpoint.pt";
        for (String file : List.of(checkpoint, "src/test/resources/reference/charlm-lstm-1layer.json")) {
            assertTrue(Launcher.opensWindow(new String[] {file}), file);
            assertEquals(java.nio.file.Path.of(file), ExplorerApp.fileArgument(List.of(file)));
        }
        assertTrue(Launcher.opensWindow(new String[0]));
        assertEquals(null, ExplorerApp.fileArgument(List.of()));
        // a command, an option, or a file with more arguments is a headless command line
        assertFalse(Launcher.opensWindow(new String[] {"trace"}));
        assertFalse(Launcher.opensWindow(new String[] {"--help"}));
        assertFalse(Launcher.opensWindow(new String[] {checkpoint, "--vocab"}));
        assertThrows(IllegalArgumentException.class, () -> ExplorerApp.fileArgument(List.of(checkpoint, "x")));
    }

    @Test
    void aMissingFileToOpenIsOneLineNotAnUnknownCommand() throws Exception {
        assertEquals(null, Launcher.missingFile(new String[] {"trace"}));
        assertEquals(null, Launcher.missingFile(new String[] {"src/test/resources/checkpoints/training-checkpoint.pt"}));
        Result r = launch("no-such-model.pt");
        assertEquals(2, r.code(), String.join("\n", r.err()));
        assertEquals(List.of("rnn-explorer: no-such-model.pt: no such file (to open a model file, a session or a PyTorch"
                + " checkpoint in the window, give its path)"), r.err());
    }
}
