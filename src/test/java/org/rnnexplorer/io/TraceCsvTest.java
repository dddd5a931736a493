package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.analysis.TestModels;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The trace as CSV: a header naming layer, quantity and unit, then one row per step. */
class TraceCsvTest {
    @TempDir
    Path dir;

    @Test
    void csvHasOneRowPerStepAndAColumnPerUnitPerQuantity() throws IOException {
        RnnModel m = TestModels.random(CellType.LSTM, 3, 2, 1.0, Double.NaN, 2);
        InputBatch x = InputBatch.ofVectors(TestModels.input(5, 3, 1.0, 3));
        Trace trace = ForwardPass.run(m, x);
        Gradients g = BackwardPass.run(m, trace, DotObjective.sum(2));
        Path file = dir.resolve("trace.csv");
        AtomicFiles.writeText(file, out -> TraceCsv.write(trace, List.of("a", ",", "\"", " ", "b"), g, out));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1 + 5, lines.size(), "a header and one row per step");
        assertEquals("step,token,l0.h.0,l0.h.1,l0.c.0,l0.c.1,l0.input.0,l0.input.1,l0.forget.0,l0.forget.1,"
                + "l0.candidate.0,l0.candidate.1,l0.output.0,l0.output.1,l0.gradH.0,l0.gradH.1,l0.gradC.0,l0.gradC.1",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("1,\",\","), "a comma token is quoted: " + lines.get(2));
        assertTrue(lines.get(3).startsWith("2,\"\"\"\","), "a quote is doubled: " + lines.get(3));
        String[] row = lines.get(5).split(",");
        assertEquals(18, row.length);
        assertEquals(trace.hidden(0, 4, 1), Double.parseDouble(row[3]), 0.0);
        assertEquals(trace.gate(0, 1, 4, 0), Double.parseDouble(row[8]), 0.0);
        assertEquals(g.layer(0).dH[4].get(0, 0), Double.parseDouble(row[14]), 0.0);
    }
}
