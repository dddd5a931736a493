package org.rnnexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

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
}
