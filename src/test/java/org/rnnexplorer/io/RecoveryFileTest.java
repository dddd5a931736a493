package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery files: parts round-trip in order; anything else is one line naming the file. */
class RecoveryFileTest {
    @TempDir
    Path dir;

    @Test
    void partsRoundTripInTheirOrder() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("training", "{\"step\":12,\"model\":{\"w\":[0.1,1.0E-300,-2.5]}}");
        parts.put("lessons", "{\"text\":\"é \\\"quoted\\\"\"}");
        Path f = dir.resolve("recovery-7.json");
        new RecoveryFile(Instant.parse("2026-12-01T23:40:00Z"), 7, parts).write(f);
        RecoveryFile r = RecoveryFile.read(f);
        assertEquals(Instant.parse("2026-12-01T23:40:00Z"), r.savedAt());
        assertEquals(7, r.pid());
        assertEquals(parts, r.parts());
        assertEquals(java.util.List.of("training", "lessons"), java.util.List.copyOf(r.parts().keySet()));
    }

    @Test
    void whatIsNotARecoveryFileIsOneLineNamingIt() throws Exception {
        Path f = dir.resolve("recovery-8.json");
        String good = new RecoveryFile(Instant.EPOCH, 8, Map.of("a", "{}")).toJson();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "the file is empty");
        cases.put("[1]", "expected a JSON object ({...}) at the top");
        cases.put(good.replace("rnn-explorer-recovery", "rnn-explorer-session"),
                "not a recovery file (\"format\" is not \"rnn-explorer-recovery\")");
        cases.put(good.replace("\"version\" : 1", "\"version\" : 2"), "recovery file version 2 is not 1");
        cases.put(good.replace("\"pid\"", "\"extra\" : 1, \"pid\""), "unknown key 'extra'");
        cases.put(good.replace("\"a\" : { }", "\"a\" : 3"), "part a is not a JSON object");
        cases.put(good.replace("1970-01-01T00:00:00Z", "yesterday"), "\"savedAt\" is not a time such as 2026-12-01T23:40:00Z");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(f, c.getKey());
            BadFileException e = assertThrows(BadFileException.class, () -> RecoveryFile.read(f), c.getKey());
            assertEquals(f + ": " + c.getValue(), e.getMessage(), c.getKey());
        }
        Files.writeString(f, good.substring(0, good.length() / 2));
        assertEquals(f.toString(), assertThrows(BadFileException.class, () -> RecoveryFile.read(f)).file());
    }
}
