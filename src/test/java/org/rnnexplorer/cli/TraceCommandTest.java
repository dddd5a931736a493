package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.DotObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The trace file a user gets: its shapes, and its numbers are the engine's. */
class TraceCommandTest {
    @TempDir
    Path dir;

    private JsonNode trace(String... args) throws IOException {
        Path out = dir.resolve("t.json");
        List<String> all = new ArrayList<>(List.of("trace"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), all.toArray(new String[0]));
        assertEquals(0, code, e.toString());
        assertEquals("", e.toString());
        assertTrue(o.toString().startsWith(out + ": "), o.toString());
        return new ObjectMapper().readTree(out.toFile());
    }

    private static void assertShape(JsonNode rows, int t, int n, String what) {
        assertEquals(t, rows.size(), what + " steps");
        for (JsonNode row : rows) assertEquals(n, row.size(), what + " width");
    }

    @Test
    void textThroughAStackedLstmGivesEveryQuantityAndTheEnginesNumbers() throws IOException {
        List<String> vocab = List.of("a", "b", "c", " ");
        RnnModel model = TraceCommandBadInputTest.model(CellType.LSTM, 2, 4, vocab, 0, true);
        Path file = dir.resolve("m.json");
        ModelFile.write(model, file);
        String text = "ab c ba";
        JsonNode json = trace("--model", file.toString(), "--text", text);

        int t = 7, h = 4;
        assertEquals("lstm", json.get("cell").asText());
        List<String> tokens = new ArrayList<>();
        json.get("tokens").forEach(n -> tokens.add(n.asText()));
        assertEquals(CharTokenizer.INSTANCE.split(text), tokens);
        assertEquals(2, json.get("layers").size());
        int[] ids = Vocabulary.of(vocab).encode(tokens);
        Trace expected = ForwardPass.run(model, InputBatch.ofTokens(ids));
        Gradients grads = BackwardPass.run(model, expected, CrossEntropyObjective.nextTokenEveryStep(ids));
        for (int l = 0; l < 2; l++) {
            JsonNode layer = json.get("layers").get(l);
            assertShape(layer.get("h"), t, h, "h");
            assertShape(layer.get("c"), t, h, "c");
            assertShape(layer.get("gradH"), t, h, "gradH");
            assertShape(layer.get("gradC"), t, h, "gradC");
            assertEquals(List.of("input", "forget", "candidate", "output"), names(layer.get("gates")));
            for (JsonNode g : layer.get("gates")) assertShape(g, t, h, "gate");
            assertEquals(l == 0, layer.has("gradX"), "gradX only for layer 0");
            for (int s = 0; s < t; s++) {
                for (int u = 0; u < h; u++) {
                    assertEquals(expected.hidden(l, s, u), layer.get("h").get(s).get(u).asDouble(), 0.0, "h exactly");
                    assertEquals(expected.cellState(l, s, u), layer.get("c").get(s).get(u).asDouble(), 0.0, "c");
                    assertEquals(expected.gate(l, 1, s, u), layer.get("gates").get("forget").get(s).get(u).asDouble(), 0.0);
                    assertEquals(grads.layer(l).dH[s].get(0, u), layer.get("gradH").get(s).get(u).asDouble(), 0.0);
                    assertEquals(grads.layer(l).dC[s].get(0, u), layer.get("gradC").get(s).get(u).asDouble(), 0.0);
                }
            }
        }
        assertShape(json.get("layers").get(0).get("gradX"), t, 4, "gradX");
        assertShape(json.get("probabilities"), t, 4, "probabilities");
        for (JsonNode row : json.get("probabilities")) {
            double sum = 0;
            for (JsonNode p : row) sum += p.asDouble();
            assertEquals(1.0, sum, 1e-12);
        }
        assertEquals(grads.loss(), json.get("loss").asDouble(), 0.0);
        assertTrue(json.get("objective").asText().contains("cross-entropy of the next token"), json.get("objective").asText());
    }

    @Test
    void aSeriesWithAGradientSeedIsDifferentiatedFromDotVH() throws IOException {
        RnnModel model = TraceCommandBadInputTest.model(CellType.GRU, 1, 3, null, 2, false);
        Path file = dir.resolve("gru.json");
        ModelFile.write(model, file);
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "x1,x2\n0.5,-1\n1e-1, 2\n\n-0.25,0\n");
        Path seed = dir.resolve("v.csv");
        Files.writeString(seed, "0,2,-1\n");
        JsonNode json = trace("--model", file.toString(), "--input", csv.toString(), "--grad-seed", seed.toString());

        assertFalse(json.has("tokens"));
        assertFalse(json.has("probabilities"));
        JsonNode layer = json.get("layers").get(0);
        assertEquals(List.of("reset", "update", "candidate"), names(layer.get("gates")));
        assertFalse(layer.has("c") || layer.has("gradC"), "no cell state in a GRU");
        assertShape(layer.get("gradX"), 3, 2, "gradX");
        Trace expected = ForwardPass.run(model, InputBatch.ofVectors(new double[][] {{0.5, -1}, {0.1, 2}, {-0.25, 0}}));
        double dot = 2 * expected.hidden(0, 2, 1) - expected.hidden(0, 2, 2);
        assertEquals(dot, json.get("loss").asDouble(), 1e-15);
        assertEquals("[0.0,2.0,-1.0]", layer.get("gradH").get(2).toString(), "dL/dh_{T-1} = v");
        assertTrue(json.get("objective").asText().startsWith("dot(v, h[T-1])"));
    }

    @Test
    void withoutHeadOrSeedTheObjectiveIsTheSumOfTheLastStateAndTheFileSaysSo() throws IOException {
        RnnModel model = TraceCommandBadInputTest.model(CellType.RNN, 2, 3, null, 2, false);
        Path file = dir.resolve("rnn.json");
        ModelFile.write(model, file);
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "1,0\n0,1\n");
        JsonNode json = trace("--model", file.toString(), "--input", csv.toString());

        JsonNode top = json.get("layers").get(1);
        assertEquals(0, top.get("gates").size(), "vanilla: {}");
        assertEquals("[1.0,1.0,1.0]", top.get("gradH").get(1).toString());
        Trace expected = ForwardPass.run(model, InputBatch.ofVectors(new double[][] {{1, 0}, {0, 1}}));
        Gradients g = BackwardPass.run(model, expected, DotObjective.sum(3));
        assertEquals(g.loss(), json.get("loss").asDouble(), 0.0);
        String objective = json.get("objective").asText();
        assertTrue(objective.contains("sum of the top layer's h at the last step")
                && objective.contains("no head"), objective);
        assertNull(json.get("layers").get(1).get("gradX"));
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
