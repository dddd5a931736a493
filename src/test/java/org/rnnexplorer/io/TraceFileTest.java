package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class TraceFileTest {
    @TempDir
    Path dir;

    /** A diverged model's trace (NaN and infinity in it) is still valid JSON: null where there is no number. */
    @Test
    void aDivergedTraceIsValidJsonWithNullForWhatIsNotANumber() throws IOException {
        RnnModel m = ModelFileTest.randomModel(CellType.LSTM, 1, 3, false, true, 4, 2);
        Trace trace = ForwardPass.run(m, InputBatch.ofTokens(0, 1, 2));
        trace.layer(0).h[1].data[0] = Double.NaN;
        trace.layer(0).c[2].data[1] = Double.POSITIVE_INFINITY;
        Path file = dir.resolve("t.json");
        TraceFile.write(file, trace, List.of("a", "b", "c"), null, null);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode layer = json.get("layers").get(0);
        assertTrue(layer.get("h").get(1).get(0).isNull());
        assertTrue(layer.get("c").get(2).get(1).isNull());
        assertEquals(trace.hidden(0, 2, 1), layer.get("h").get(2).get(1).asDouble(), 0.0, "the finite numbers are all there");
    }
}
