package org.rnnexplorer.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * Every checkpoint the fixture script made: each that should import gives PyTorch's float64 states and probabilities
 * within 1e-9 (float32, float16 and bfloat16 weights are exact as doubles, so the engine and PyTorch compute from the
 * same numbers); each the engine cannot show is refused in one line saying why.
 */
class CheckpointImportTest {
    static Stream<Fixtures.Fixture> importing() {
        return Fixtures.importing().stream();
    }

    static Stream<Fixtures.Fixture> refused() {
        return Fixtures.refused().stream();
    }

    /** The model's input for the fixture's probe: text through the model's tokenizer, or the vectors. */
    static InputBatch input(RnnModel m, JsonNode expected) {
        JsonNode in = expected.get("input");
        if (in.has("text")) {
            String text = in.get("text").asText();
            List<String> tokens = Tokenizer.forVocabulary(m.tokenizer(), m.vocabulary()).split(text);
            return InputBatch.ofTokens(Vocabulary.of(m.vocabulary()).encode(tokens));
        }
        double[][] x = new double[in.get("vectors").size()][];
        for (int t = 0; t < x.length; t++) {
            JsonNode row = in.get("vectors").get(t);
            x[t] = new double[row.size()];
            for (int j = 0; j < x[t].length; j++) x[t][j] = row.get(j).asDouble();
        }
        return InputBatch.ofVectors(x);
    }

    /** The largest difference between the engine's trace and PyTorch's outputs; fails on a shape that differs. */
    static double maxDifference(Trace trace, JsonNode expected) {
        double max = 0;
        JsonNode layers = expected.get("layers");
        assertEquals(layers.size(), trace.layerCount(), "layers");
        for (int l = 0; l < layers.size(); l++) {
            JsonNode h = layers.get(l).get("h"), c = layers.get(l).get("c");
            assertEquals(h.size(), trace.steps(), "steps");
            for (int t = 0; t < h.size(); t++)
                for (int u = 0; u < h.get(t).size(); u++) {
                    max = Math.max(max, Math.abs(h.get(t).get(u).asDouble() - trace.hidden(l, t, u)));
                    if (c != null) max = Math.max(max, Math.abs(c.get(t).get(u).asDouble() - trace.cellState(l, t, u)));
                }
        }
        JsonNode p = expected.get("probabilities");
        assertEquals(p != null, trace.hasReadout(), "a readout");
        if (p != null)
            for (int t = 0; t < p.size(); t++) {
                assertEquals(p.get(t).size(), trace.outputSize(), "outputs");
                for (int k = 0; k < p.get(t).size(); k++)
                    max = Math.max(max, Math.abs(p.get(t).get(k).asDouble() - trace.probability(t, k)));
            }
        return max;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importing")
    void eachImportedFixtureGivesPyTorchsOutputs(Fixtures.Fixture f) {
        ImportResult.Imported imported = CheckpointImport.readModel(f.path(), f.options());
        RnnModel m = imported.model();
        JsonNode expected = f.expected();
        Trace trace = ForwardPass.run(m, input(m, expected));
        double diff = maxDifference(trace, expected);
        assertTrue(diff <= 1e-9, f + ": differs from PyTorch by " + diff);
        assertEquals(f.labelsOut() != null ? f.labelsOut() : List.of(), m.labels(), "class names");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void eachModelTheEngineCannotShowIsRefusedInOneLineSayingWhy(Fixtures.Fixture f) {
        BadFileException e = assertThrows(BadFileException.class, () -> CheckpointImport.readModel(f.path(), f.options()));
        assertTrue(e.getMessage().startsWith(f.path() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(f.says()), f + " should say '" + f.says() + "': " + e.getMessage());
    }

    @Test
    void theModelFileRecordsTheSourceItsHashAndWhatWasFoundWhere(@TempDir Path dir) throws Exception {
        Path ckpt = Fixtures.dir().resolve("training-checkpoint.pt");
        RnnModel m = CheckpointImport.readModel(ckpt, ImportOptions.NONE).model();
        Path out = dir.resolve("m.json");
        ModelFile.write(m, out);
        RnnModel back = ModelFile.read(out);
        Map<?, ?> source = (Map<?, ?>) back.metadata().get("source");
        assertEquals("training-checkpoint.pt", source.get("file"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ckpt)));
        assertEquals(sha, source.get("sha256"));
        Map<?, ?> found = (Map<?, ?>) source.get("found");
        assertTrue(found.get("rnn").toString().startsWith("model_state_dict.lstm "), found.toString());
        assertTrue(found.get("embedding").toString().startsWith("model_state_dict.char_embedding.weight [11, 4]"), found.toString());
        assertTrue(found.get("head").toString().startsWith("model_state_dict.fc.weight [11, 5]"), found.toString());
        assertTrue(found.get("vocabulary").toString().contains("vocab_mapping"), found.toString());
        assertEquals(m.namedParameters().keySet(), back.namedParameters().keySet());
    }

    @Test
    void aClassifiersLabelsSurviveTheModelFile(@TempDir Path dir) {
        Fixtures.Fixture f = Fixtures.importing().stream().filter(x -> x.file().startsWith("torchtext")).findFirst().orElseThrow();
        RnnModel m = CheckpointImport.readModel(f.path(), f.options()).model();
        assertTrue(m.isClassifier());
        assertEquals(3, m.outputSize());
        assertEquals(9, m.tokenCount());
        Path out = dir.resolve("c.json");
        ModelFile.write(m, out);
        RnnModel back = ModelFile.read(out);
        assertEquals(List.of("north", "south", "west"), back.labels());
        assertEquals(3, back.outputSize());
    }

    @Test
    void withoutLabelsAClassifiersOutputsAreNumbered() {
        Path ckpt = Fixtures.dir().resolve("legacy-numeric-lstm.pt");
        ImportResult.Imported r = CheckpointImport.readModel(ckpt, ImportOptions.NONE);
        assertEquals(List.of("class 0", "class 1"), r.model().labels());
        assertTrue(r.found().stream().anyMatch(l -> l.startsWith("labels: ") && l.contains("--labels")), r.found().toString());
    }

    @Test
    void aTokenOfTheVocabularyIsNotTakenForTheClassNames() {
        // "<s>" is one of the torchtext vocabulary's tokens, not a string of the 3 classes' one-character names
        Path ckpt = Fixtures.dir().resolve("torchtext-vocab-classifier.pt");
        ImportResult.Imported r = assertInstanceOf(ImportResult.Imported.class, CheckpointImport.read(ckpt, ImportOptions.NONE));
        assertEquals(List.of("class 0", "class 1", "class 2"), r.model().labels());
        assertTrue(r.classesUnnamed());
    }

    @Test
    void aMissingVocabularyIsAQuestionTheWindowCanAnswer() {
        Path ckpt = Fixtures.dir().resolve("state-dict-lstm.pt");
        ImportResult r = CheckpointImport.read(ckpt, ImportOptions.NONE);
        ImportResult.NeedsVocabulary q = assertInstanceOf(ImportResult.NeedsVocabulary.class, r);
        assertEquals(11, q.size());
        assertEquals("emb.weight", q.embedding());
        List<String> tokens = List.of("a", "b", "c", "d", "e", "f", "g", "h", " ", ".", ",");
        ImportResult again = CheckpointImport.read(ckpt, ImportOptions.NONE.withVocabulary(tokens, "asked"));
        assertEquals(tokens, assertInstanceOf(ImportResult.Imported.class, again).model().vocabulary());
    }

    @Test
    void aVocabularyOfTheWrongSizeIsRefusedNamingBothSizes() {
        Path ckpt = Fixtures.dir().resolve("state-dict-lstm.pt");
        BadFileException e = assertThrows(BadFileException.class, () -> CheckpointImport.read(ckpt,
                ImportOptions.NONE.withVocabulary(CheckpointImport.printable(), "string.printable")));
        assertTrue(e.getMessage().contains("string.printable has 100 tokens, but the embedding emb.weight has 11 rows"),
                e.getMessage());
    }

    @Test
    void thePickleThatCallsOsSystemImportsInertlyAndRunsNothing() throws IOException {
        Fixtures.Fixture f = Fixtures.importing().stream().filter(x -> x.marker() != null).findFirst().orElseThrow();
        Path marker = Path.of(f.marker());
        Files.deleteIfExists(marker);
        String pickle = new String(Files.readAllBytes(f.path()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(pickle.contains("cos\nsystem\n"), "the fixture names os.system");
        CheckpointImport.readModel(f.path(), f.options());
        assertFalse(Files.exists(marker), "os.system ran");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importing")
    void theComparisonSeesAWeightOffByOneMillionth(Fixtures.Fixture f) {
        RnnModel m = CheckpointImport.readModel(f.path(), f.options()).model();
        m.layer(0).wHh.data[0] += 1e-6;
        JsonNode expected = f.expected();
        assertTrue(maxDifference(ForwardPass.run(m, input(m, expected)), expected) > 1e-9, f.toString());
    }
}
