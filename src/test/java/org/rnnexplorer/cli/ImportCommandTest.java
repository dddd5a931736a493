package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.Fixtures;
import org.rnnexplorer.model.RnnModel;

/**
 * {@code import}, and {@code trace} and {@code export} given a checkpoint: what a user sees. Each fixture's trace
 * file (h and c of every layer at every step, and the readout's probabilities) agrees with PyTorch's float64 outputs
 * within 1e-9; each refusal is one line on stderr with exit code 2 and no file written.
 */
class ImportCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    static Stream<Fixtures.Fixture> importing() {
        return Fixtures.importing().stream();
    }

    static Stream<Fixtures.Fixture> refused() {
        return Fixtures.refused().stream();
    }

    /** The trace command's arguments for the fixture's probe (text, or a CSV of the vectors written to dir). */
    private List<String> inputArguments(JsonNode expected) throws IOException {
        JsonNode in = expected.get("input");
        if (in.has("text")) return List.of("--text", in.get("text").asText());
        Path csv = dir.resolve("x.csv");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : in.get("vectors"))
            rows.add(java.util.stream.StreamSupport.stream(row.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(",")));
        Files.write(csv, rows);
        return List.of("--input", csv.toString());
    }

    private static double maxDifference(JsonNode trace, JsonNode expected) {
        double max = 0;
        for (int l = 0; l < expected.get("layers").size(); l++)
            for (String q : List.of("h", "c")) {
                JsonNode want = expected.get("layers").get(l).get(q);
                if (want == null) continue;
                JsonNode got = trace.get("layers").get(l).get(q);
                assertEquals(want.size(), got.size(), q + " steps");
                for (int t = 0; t < want.size(); t++)
                    for (int u = 0; u < want.get(t).size(); u++)
                        max = Math.max(max, Math.abs(want.get(t).get(u).asDouble() - got.get(t).get(u).asDouble()));
            }
        JsonNode want = expected.get("probabilities");
        if (want != null)
            for (int t = 0; t < want.size(); t++)
                for (int k = 0; k < want.get(t).size(); k++)
                    max = Math.max(max, Math.abs(want.get(t).get(k).asDouble() - trace.get("probabilities").get(t).get(k).asDouble()));
        return max;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importing")
    void traceOfEachCheckpointAgreesWithPyTorch(Fixtures.Fixture f) throws IOException {
        JsonNode expected = f.expected();
        Path out = dir.resolve("t.json");
        List<String> args = new ArrayList<>(List.of("trace", "--model", f.path().toString()));
        args.addAll(f.arguments());
        args.addAll(inputArguments(expected));
        args.addAll(List.of("--out", out.toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        JsonNode trace = new ObjectMapper().readTree(out.toFile());
        double diff = maxDifference(trace, expected);
        assertTrue(diff <= 1e-9, f + ": trace differs from PyTorch by " + diff);
        if (f.labelsOut() != null) {
            assertEquals(f.labelsOut().toString(), trace.get("labels").toString().replace("\"", "").replace(",", ", "));
            assertTrue(r.out().contains("class at the last step: "), r.out());
            assertTrue(trace.get("objective").asText().contains("the readout names classes, not next tokens"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importing")
    void importWritesAModelFileThatTracesTheSame(Fixtures.Fixture f) throws IOException {
        Path model = dir.resolve("m.json");
        List<String> args = new ArrayList<>(List.of("import", f.path().toString()));
        args.addAll(f.arguments());
        args.addAll(List.of("--out", model.toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("rnn: "), r.out());
        assertTrue(r.out().contains("\nembedding: ") && r.out().contains("\nhead: ") && r.out().contains("\nvocabulary: "), r.out());
        RnnModel m = ModelFile.read(model);
        assertTrue(m.metadata().containsKey("source"));

        JsonNode expected = f.expected();
        Path out = dir.resolve("t.json");
        List<String> trace = new ArrayList<>(List.of("trace", "--model", model.toString()));
        trace.addAll(inputArguments(expected));
        trace.addAll(List.of("--out", out.toString()));
        Run t = run(trace.toArray(new String[0]));
        assertEquals(0, t.code(), t.err());
        assertTrue(maxDifference(new ObjectMapper().readTree(out.toFile()), expected) <= 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusalIsOneLineWithExitCode2AndNoFile(Fixtures.Fixture f) {
        Path model = dir.resolve("m.json");
        List<String> args = new ArrayList<>(List.of("import", f.path().toString()));
        args.addAll(f.arguments());
        args.addAll(List.of("--out", model.toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(f.path() + ": ") && r.err().contains(f.says()), r.err());
        assertFalse(Files.exists(model));
        assertEquals("", r.out());
    }

    @Test
    void exportDrawsACheckpointDirectly() {
        Fixtures.Fixture f = Fixtures.importing().stream().filter(x -> x.file().equals("training-checkpoint.pt")).findFirst().orElseThrow();
        Path plots = dir.resolve("plots");
        Run r = run("export", "--model", f.path().toString(), "--text", "abc .ha", "--formats", "csv", "--out", plots.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(plots.resolve("trace.csv")));
    }

    @Test
    void checkpointOptionsOnAModelFileAreRefused() throws IOException {
        Path model = dir.resolve("m.json");
        ModelFile.write(TraceCommandBadInputTest.model(org.rnnexplorer.model.CellType.GRU, 1, 3, List.of("a", "b"), 0, true), model);
        Run r = run("trace", "--model", model.toString(), "--vocab", Fixtures.dir().resolve("chars.txt").toString(),
                "--text", "ab", "--out", dir.resolve("t.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(model + ": --vocab, --labels and --map apply to a PyTorch checkpoint"), r.err());
        Run i = run("import", model.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(2, i.code());
        assertTrue(i.err().startsWith(model + ": not a PyTorch checkpoint"), i.err());
    }

    @Test
    void badOptionsNameTheOption() {
        Path ckpt = Fixtures.dir().resolve("two-rnns.pt");
        Run r = run("import", ckpt.toString(), "--map", "rnn=rnn_c", "--vocab", Fixtures.dir().resolve("chars.json").toString(),
                "--out", dir.resolve("m.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--map rnn=rnn_c: no recurrent weights there; found rnn_a"), r.err());
        Run m = run("import", ckpt.toString(), "--map", "lstm=x", "--out", dir.resolve("m.json").toString());
        assertEquals(2, m.code());
        assertTrue(m.err().startsWith("--map: unknown part 'lstm'"), m.err());
        Run v = run("import", ckpt.toString(), "--vocab", dir.resolve("missing.txt").toString(), "--out", dir.resolve("m.json").toString());
        assertEquals(2, v.code());
        assertTrue(v.err().startsWith(dir.resolve("missing.txt") + ": no such file"), v.err());
    }

    @Test
    void aVocabularyMayComeFromAnotherCheckpoint() throws IOException {
        // as with a torchtext Vocab saved on its own beside the model (rnn_vocab.pt): its one list of tokens
        Path model = dir.resolve("m.json");
        Run r = run("import", Fixtures.dir().resolve("state-dict-lstm.pt").toString(), "--vocab",
                Fixtures.dir().resolve("mps-lstm.pt").toString(), "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", " ", ".", ","), ModelFile.read(model).vocabulary());
    }

    @Test
    void benchTimesTheReadingOfACheckpoint() throws IOException {
        Run r = run("bench", "--protocol", "import", "--checkpoint", Fixtures.dir().resolve("mps-lstm.pt").toString(),
                "--warmup", "0", "--reps", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode line = new ObjectMapper().readTree(r.out());
        assertEquals("import", line.get("protocol").asText());
        assertEquals(Files.size(Fixtures.dir().resolve("mps-lstm.pt")), line.get("bytes").asLong());
        assertTrue(line.get("median_ms").asDouble() > 0);
        Run missing = run("bench", "--protocol", "import");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("--protocol import needs --checkpoint FILE"), missing.err());
    }
}
