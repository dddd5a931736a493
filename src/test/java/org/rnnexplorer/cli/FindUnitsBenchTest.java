package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output contract of {@code bench --protocol find-units} (its figures are for the README). */
class FindUnitsBenchTest {

    @Test
    void oneJsonLinePerHypothesisCountAndThreadCount() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--protocol", "find-units", "--cell",
                "gru", "--input-size", "3", "--hidden", "3", "--layers", "2", "--steps", "50", "--reps", "1",
                "--warmup", "0", "--threads", "2");
        assertEquals(0, code, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        int[][] expected = {{1, 1}, {1, 2}, {9, 1}, {9, 2}};
        for (int i = 0; i < 4; i++) {
            JsonNode j = new ObjectMapper().readTree(lines.get(i));
            assertEquals("find-units", j.get("protocol").asText());
            assertEquals(2 * 4 * 3, j.get("series").asInt(), "h and the three gates of 3 units in 2 layers");
            assertEquals(50, j.get("T").asInt());
            assertEquals(expected[i][0], j.get("hypotheses").asInt(), lines.get(i));
            assertEquals(expected[i][1], j.get("threads").asInt(), lines.get(i));
            assertTrue(j.get("median_ms").asDouble() > 0 && j.get("median_cpu_ms").asDouble() >= 0, lines.get(i));
        }
    }

    @Test
    void badSizesAreOneLine() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--protocol", "find-units",
                "--layers", "5");
        assertEquals(2, code);
        assertEquals("--layers must be at most 4", err.toString().strip());
    }
}
