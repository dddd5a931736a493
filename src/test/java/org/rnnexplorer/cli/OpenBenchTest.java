package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.ExampleText;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.Fixtures;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** {@code bench --protocol open}: a checkpoint to its model traced over its example, as the window opens it. */
class OpenBenchTest {

    @Test
    void benchOpensACheckpointAsTheWindowDoesAndPrintsOneLine() throws Exception {
        Path file = Fixtures.dir().resolve("mps-lstm.pt");
        ImportCommandTest.Run r = ImportCommandTest.run("bench", "--protocol", "open", "--checkpoint", file.toString(),
                "--warmup", "0", "--reps", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode line = new ObjectMapper().readTree(r.out());
        assertEquals("open", line.get("protocol").asText());
        assertEquals(Files.size(file), line.get("bytes").asLong());
        RnnModel m = CheckpointImport.readModel(file, ImportOptions.NONE).model();
        // the vocabulary "abcdefgh .," has no "t": the example is its first tokens, every one of them a step
        assertEquals(m.vocabulary().size(), line.get("steps").asInt());
        assertEquals(String.join("", m.vocabulary()), ExampleText.of(m));
        assertTrue(line.get("first_ms").asDouble() > 0 && line.get("median_ms").asDouble() > 0, r.out());
    }

    @Test
    void theTraceItTimesIsTheModelsOwnOverItsExample() {
        Path file = Fixtures.dir().resolve("legacy-numeric-lstm.pt");
        Trace timed = OpenBench.open(file, ImportOptions.NONE);
        RnnModel m = CheckpointImport.readModel(file, ImportOptions.NONE).model();
        Trace direct = ForwardPass.run(m, OpenBench.example(m));
        assertEquals(24, timed.steps(), "24 rows of numbers for a numeric model");
        assertEquals(direct.hidden(1, 23, 0), timed.hidden(1, 23, 0), 0.0);
    }

    @Test
    void aCheckpointThatNeedsAVocabularyIsRefusedInOneLine() {
        Path file = Fixtures.dir().resolve("state-dict-lstm.pt");
        ImportCommandTest.Run r = ImportCommandTest.run("bench", "--protocol", "open", "--checkpoint", file.toString(),
                "--warmup", "0", "--reps", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(file + ": no vocabulary of 11 tokens found"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        ImportCommandTest.Run missing = ImportCommandTest.run("bench", "--protocol", "open");
        assertTrue(missing.err().startsWith("--protocol open needs --checkpoint FILE"), missing.err());
    }
}
