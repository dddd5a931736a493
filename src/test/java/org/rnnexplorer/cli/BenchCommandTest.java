package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The output contract of {@code bench} (not its speed: the numbers are for the README, set beside PyTorch's). */
class BenchCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void whatIfPrintsOneJsonLineNamingItsSizes() throws Exception {
        String[] r = run("bench", "--protocol", "whatif", "--cell", "gru", "--input-size", "3", "--hidden", "4",
                "--steps", "7", "--reps", "3", "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].strip().split("\n");
        assertEquals(1, lines.length, r[1]);
        JsonNode j = new ObjectMapper().readTree(lines[0]);
        assertEquals("whatif", j.get("protocol").asText());
        assertEquals("gru", j.get("cell").asText());
        assertEquals(3, j.get("D").asInt());
        assertEquals(4, j.get("H").asInt());
        assertEquals(7, j.get("T").asInt());
        assertEquals(1, j.get("B").asInt());
        assertTrue(j.get("median_ms").asDouble() > 0, lines[0]);
    }

    @Test
    void whatIfTimesOneSequenceAndAnUnknownProtocolIsNamed() {
        String[] batched = run("bench", "--protocol", "whatif", "--batch", "2");
        assertEquals("2", batched[0]);
        assertEquals("--batch: the whatif protocol times one sequence (B = 1)", batched[2].strip());
        String[] unknown = run("bench", "--protocol", "fast");
        assertEquals("2", unknown[0]);
        assertEquals("--protocol: unknown protocol 'fast' (trace, train, whatif, import, open, store, window, npz,"
                + " heatmap-fps, find-units, text-scroll or fx-responsiveness)",
                unknown[2].strip());
    }

    @Test
    void theWindowsProtocolRunsWhatTheLauncherPlugsInAndWithoutItSaysWhereToRunIt() {
        BenchCommand.plugIn(null);
        String[] none = run("bench", "--protocol", "fx-responsiveness");
        assertEquals("2", none[0]);
        assertEquals("--protocol fx-responsiveness runs the window: start it from the jar (java -jar rnn-explorer.jar"
                + " bench --protocol fx-responsiveness)", none[2].strip());
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        try {
            BenchCommand.plugIn((steps, print) -> {
                asked.add(steps);
                print.accept("{\"protocol\": \"fx-responsiveness\", \"T\": " + steps + "}");
                return 0;
            });
            String[] byDefault = run("bench", "--protocol", "fx-responsiveness");
            assertEquals("0", byDefault[0], byDefault[2]);
            assertEquals("{\"protocol\": \"fx-responsiveness\", \"T\": 5000}", byDefault[1].strip());
            assertEquals("0", run("bench", "--protocol", "fx-responsiveness", "--steps", "300")[0]);
            assertEquals(java.util.List.of(5000, 300), asked, "5,000 steps unless --steps says otherwise");
            assertEquals("--steps must be 1..200000, got 300000",
                    run("bench", "--protocol", "fx-responsiveness", "--steps", "300000")[2].strip());
        } finally {
            BenchCommand.plugIn(null);
        }
    }

    @Test
    void aBadSizeIsNamedOnOneLine() {
        String[] r = run("bench", "--hidden", "0", "--reps", "1", "--warmup", "0");
        assertEquals("2", r[0]);
        assertEquals("--hidden must be at least 1, got 0", r[2].strip());
        r = run("bench", "--warmup", "-1");
        assertEquals("--warmup must be 0..10000, got -1", r[2].strip());
    }

    @Test
    void sizesThatCannotFitInTheHeapAreRefusedBeforeAllocating() {
        String[] r = run("bench", "--protocol", "trace", "--hidden", "30000", "--steps", "2", "--reps", "1",
                "--warmup", "0");
        assertEquals("2", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("--hidden") && r[2].contains("MB"), r[2]);
    }

    @Test
    void theLongInputProtocolsPrintOneJsonLineEach() throws Exception {
        for (String protocol : new String[] {"store", "window", "npz"}) {
            String[] r = run("bench", "--protocol", protocol, "--model", "resources/models/shakespeare-lstm.json",
                    "--text-file", "resources/examples/shakespeare.txt", "--steps", "300", "--window", "50",
                    "--reps", "1", "--warmup", "0");
            assertEquals("0", r[0], r[2]);
            JsonNode j = new ObjectMapper().readTree(r[1].strip());
            assertEquals(protocol, j.get("protocol").asText());
            assertEquals(300, j.get("T").asInt());
            assertEquals(2, j.get("layers").asInt());
            assertTrue(j.get("median_ms").asDouble() > 0, r[1]);
            if (protocol.equals("store")) {
                assertTrue(j.get("store_mb").asDouble() > 0 && j.get("c_near_white_p99").size() == 2, r[1]);
                assertTrue(j.get("c_near_white_p99").get(0).asDouble() <= j.get("c_near_white_by_max").get(0).asDouble());
            }
        }
        String[] missing = run("bench", "--protocol", "store", "--steps", "10");
        assertEquals("2", missing[0]);
        assertTrue(missing[2].startsWith("--model and --text-file"), missing[2]);
    }
}
