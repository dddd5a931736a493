package org.rnnexplorer.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the log and the recovery files go: the property, else XDG_STATE_HOME (if absolute), else ~/.local/state. */
class StateFolderTest {
    @Test
    void thePropertyThenAnAbsoluteXdgStateHomeThenTheHomeFolder() {
        Map<String, String> xdg = Map.of("XDG_STATE_HOME", "/var/state");
        assertEquals(Path.of("/tmp/t"), StateFolder.resolve("/tmp/t", xdg, "/home/u"));
        assertEquals(Path.of("/var/state/rnn-explorer"), StateFolder.resolve(null, xdg, "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/rnn-explorer"), StateFolder.resolve(" ", Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/rnn-explorer"),
                StateFolder.resolve(null, Map.of("XDG_STATE_HOME", "relative/state"), "/home/u"),
                "a relative XDG_STATE_HOME is ignored, as the XDG spec says");
    }
}
