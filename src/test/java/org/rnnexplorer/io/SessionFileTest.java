package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class SessionFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Bundled models held in memory, by path. */
    static SessionFile.BundledModels bundled(Map<String, String> files) {
        return path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null;
    }

    static final SessionFile.BundledModels NONE = path -> null;

    /** A char LSTM over a..f, 2 layers, H = 5, with a head; sliders and clamps of every kind; unit 3 of layer 1 at step 4. */
    static Session lstmTextSession() {
        RnnModel m = ModelFileTest.randomModel(CellType.LSTM, 2, 5, true, true, 6, 11);
        Map<String, Double> sliders = new LinkedHashMap<>();
        sliders.put("recurrentScale", 1.5);
        sliders.put("inputScale", -0.25);
        sliders.put("speed", 3.0);
        List<Intervention> clamps = List.of(Intervention.clampGate(0, 1, 3, 2, 5, 1.0),
                Intervention.clampCell(1, 0, 0, 0, -0.5), Intervention.ablate(1, 4));
        return new Session(m, null, "abcabdef", null, 1, 3, 4, sliders, clamps);
    }

    static void assertSameSession(Session expected, Session actual) {
        assertEquals(ModelFile.toJson(expected.model()), ModelFile.toJson(actual.model()), "the model, weights exactly");
        assertEquals(expected.bundledModel(), actual.bundledModel());
        assertEquals(expected.text(), actual.text());
        if (expected.series() == null) assertNull(actual.series());
        else {
            assertEquals(expected.series().length, actual.series().length);
            for (int t = 0; t < expected.series().length; t++)
                assertArrayEquals(expected.series()[t], actual.series()[t], 0.0, "series row " + t);
        }
        assertEquals(List.of(expected.layer(), expected.unit(), expected.step()), List.of(actual.layer(), actual.unit(), actual.step()));
        assertEquals(List.copyOf(expected.sliders().entrySet()), List.copyOf(actual.sliders().entrySet()), "sliders in order");
        assertEquals(expected.clamps(), actual.clamps());
    }

    private String problemOf(String json) {
        return problemOf(json, NONE);
    }

    private String problemOf(String json, SessionFile.BundledModels b) {
        Path file = dir.resolve("lesson.session.json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        BadFileException e = assertThrows(BadFileException.class, () -> SessionFile.read(file, b));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e.problem();
    }

    private String edited(Session s, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(SessionFile.toJson(s, NONE));
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    @Test
    void aTextSessionWithTrainedWeightsComesBackAsItWas() throws IOException {
        Session s = lstmTextSession();
        Path file = dir.resolve("s.json");
        SessionFile.write(s, file, NONE);
        Session back = SessionFile.read(file, NONE);
        assertSameSession(s, back);
        assertEquals(Files.readString(file), SessionFile.toJson(back, NONE), "saving what was opened gives the same file");
        // what the user sees again: the same trace, clamps included
        Trace before = ForwardPass.run(s.model(), s.inputBatch(), s.clamps());
        Trace after = ForwardPass.run(back.model(), back.inputBatch(), back.clamps());
        assertEquals(before.hidden(1, 4, 3), after.hidden(1, 4, 3), 0.0);
        assertEquals(1.0, after.gate(0, 1, 3, 3), 0.0, "the forget-gate clamp is in force after opening");
    }

    @Test
    void theFileHasTheDocumentedShape() throws IOException {
        JsonNode json = JSON.readTree(SessionFile.toJson(lstmTextSession(), NONE));
        assertEquals("rnn-explorer-session", json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals("rnn-explorer-model", json.get("model").get("format").asText(), "the model is a whole model file");
        assertEquals("abcabdef", json.get("input").get("text").asText());
        assertEquals(3, json.get("selection").get("unit").asInt());
        assertEquals(1.5, json.get("sliders").get("recurrentScale").asDouble());
        JsonNode clamp = json.get("clamps").get(0);
        assertEquals("gate", clamp.get("target").asText());
        assertEquals("forget", clamp.get("gate").asText(), "gates go by name");
        assertEquals(2, clamp.get("from").asInt());
        assertEquals(5, clamp.get("to").asInt());
        assertFalse(json.get("clamps").get(1).has("gate"));
    }

    @Test
    void aSeriesSessionComesBackAsItWas() {
        RnnModel m = ModelFileTest.randomModel(CellType.GRU, 1, 4, false, false, 0, 5);
        double[][] x = {{0.5, -1e-7, 3}, {1.0 / 3, 2, 1e300}, {0, 0, -0.0}};
        Session s = Session.ofSeries(m, x).withSelection(0, 2, 1)
                .withClamps(List.of(Intervention.clampGate(0, 1, 2, 0, 1, 0.0)));
        Path file = dir.resolve("gru.json");
        SessionFile.write(s, file, NONE);
        assertSameSession(s, SessionFile.read(file, NONE));
    }

    @Test
    void anEmptyInputIsASessionToo() {
        RnnModel m = ModelFileTest.randomModel(CellType.RNN, 1, 3, false, true, 4, 5);
        Session s = Session.ofText(m, "");
        Path file = dir.resolve("empty.json");
        SessionFile.write(s, file, NONE);
        Session back = SessionFile.read(file, NONE);
        assertEquals("", back.text());
        assertEquals(0, back.steps());
        assertNull(back.inputBatch());
    }

    @Test
    void anUnchangedBundledModelIsWrittenByReferenceAndReadBack() throws IOException {
        RnnModel shipped = ModelFileTest.randomModel(CellType.LSTM, 1, 6, true, true, 5, 3);
        Map<String, String> files = new HashMap<>();
        files.put("models/lstm-test.json", ModelFile.toJson(shipped));
        SessionFile.BundledModels b = bundled(files);
        Session s = Session.ofText(ModelFile.fromJson(files.get("models/lstm-test.json"), "x"), "abcde")
                .withBundledModel("models/lstm-test.json").withSelection(0, 5, 4);
        Path file = dir.resolve("ref.json");
        SessionFile.write(s, file, b);
        JsonNode json = JSON.readTree(file.toFile());
        assertFalse(json.has("model"), "no weights in the file");
        assertEquals("models/lstm-test.json", json.get("bundledModel").get("path").asText());
        assertEquals(SessionFile.fingerprint(shipped), json.get("bundledModel").get("sha256").asText());
        assertSameSession(s, SessionFile.read(file, b));

        // the app's bundled model changed since: refused, not restored with other weights
        RnnModel retrained = shipped.copy();
        retrained.layer(0).wHh.data[0] += 1e-12;
        files.put("models/lstm-test.json", ModelFile.toJson(retrained));
        assertEquals(file + ": the bundled model models/lstm-test.json has changed since this session was saved"
                + " (its SHA-256 differs), so the session cannot be restored as it was",
                assertThrows(BadFileException.class, () -> SessionFile.read(file, b)).getMessage());
        files.clear();
        assertEquals(file + ": the bundled model models/lstm-test.json is not in this RNN Explorer",
                assertThrows(BadFileException.class, () -> SessionFile.read(file, b)).getMessage());
    }

    @Test
    void aBundledModelWithTrainedWeightsIsEmbeddedAndKeepsItsOrigin() throws IOException {
        RnnModel shipped = ModelFileTest.randomModel(CellType.GRU, 1, 4, true, true, 5, 3);
        SessionFile.BundledModels b = bundled(Map.of("models/gru.json", ModelFile.toJson(shipped)));
        RnnModel trained = shipped.copy();
        DMatrixRMaj w = trained.layer(0).wIh;
        w.set(0, 0, w.get(0, 0) * 0.5);
        Session s = Session.ofText(trained, "abc").withBundledModel("models/gru.json");
        Path file = dir.resolve("trained.json");
        SessionFile.write(s, file, b);
        JsonNode json = JSON.readTree(file.toFile());
        assertTrue(json.has("model"));
        assertFalse(json.has("bundledModel"));
        assertEquals("models/gru.json", json.get("openedFrom").asText());
        Session back = SessionFile.read(file, b);
        assertSameSession(s, back);
        assertEquals(SessionFile.fingerprint(trained), SessionFile.fingerprint(back.model()));
        assertFalse(SessionFile.fingerprint(shipped).equals(SessionFile.fingerprint(back.model())));
    }

    @Test
    void aNewerVersionIsRefusedByNameEvenWithEntriesThisVersionDoesNotKnow() throws IOException {
        Session s = lstmTextSession();
        assertEquals("written by a newer RNN Explorer (version 2); this one reads version 1",
                problemOf(edited(s, r -> r.put("version", 2))));
        assertEquals("written by a newer RNN Explorer (version 7); this one reads version 1",
                problemOf(edited(s, r -> {
                    r.put("version", 7);
                    r.put("timeline", "a thing of version 7");
                    r.remove("selection");
                })));
        assertEquals("unknown version 0; this one reads version 1", problemOf(edited(s, r -> r.put("version", 0))));
        assertEquals("\"version\" must be a whole number, found \"1\"", problemOf(edited(s, r -> r.put("version", "1"))));
    }

    @Test
    void otherFilesAreNamedForWhatTheyAre() {
        RnnModel m = ModelFileTest.randomModel(CellType.RNN, 1, 3, false, true, 4, 5);
        assertEquals("is a model file, not a session file (open it as a model)", problemOf(ModelFile.toJson(m)));
        assertEquals("not an RNN Explorer session file (no \"format\", expected \"rnn-explorer-session\")",
                problemOf("{\"version\": 1, \"input\": {\"text\": \"a\"}}"));
        assertEquals("the file is empty", problemOf(""));
        assertTrue(problemOf("[1, 2]").startsWith("expected a JSON object"));
    }

    @Test
    void aSessionIsNeverHalfLoaded() throws IOException {
        Session s = lstmTextSession();
        String json = SessionFile.toJson(s, NONE);
        assertTrue(problemOf(json.substring(0, json.length() - 40)).startsWith("truncated"));
        assertTrue(problemOf(json + "{}").startsWith("unexpected an object after the end"));
        // a problem in the last entry refuses the whole file
        assertEquals("clamp 2: unit 9 is outside 0..4", problemOf(edited(s, r ->
                ((ObjectNode) r.get("clamps").get(2)).put("unit", 9))));
    }

    @Test
    void badPartsAreNamed() throws IOException {
        Session s = lstmTextSession();
        assertEquals("unknown entry \"colour\" (a session has format, version, model or bundledModel, input, selection, sliders and clamps)",
                problemOf(edited(s, r -> r.put("colour", "red"))));
        assertEquals("the model: rnn.weight_hh_l1 has 19 rows, expected 20", problemOf(edited(s, r ->
                ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("model").get("parameters").get("rnn.weight_hh_l1")).remove(0))));
        assertEquals("has no model (neither \"model\" nor \"bundledModel\")", problemOf(edited(s, r -> r.remove("model"))));
        assertEquals("selected unit 5 is outside 0..4", problemOf(edited(s, r -> ((ObjectNode) r.get("selection")).put("unit", 5))));
        assertEquals("selected step 8 is outside 0..7 (the input has 8 steps)",
                problemOf(edited(s, r -> ((ObjectNode) r.get("selection")).put("step", 8))));
        assertEquals("the input text has characters outside the model's vocabulary: \"z\" at 2 (positions count characters from 0)",
                problemOf(edited(s, r -> ((ObjectNode) r.get("input")).put("text", "abz"))));
        assertEquals("the model reads text (a vocabulary of 6 tokens) but the input is a series of numbers",
                problemOf(edited(s, r -> ((ObjectNode) r.get("input")).removeAll().putArray("series").addArray().add(1))));
        assertEquals("clamp 0: \"gate\" must be one of the lstm cell's gates [input, forget, candidate, output], found \"reset\"",
                problemOf(edited(s, r -> ((ObjectNode) r.get("clamps").get(0)).put("gate", "reset"))));
        assertEquals("clamp 1: \"to\" (-1) is before \"from\" (0)",
                problemOf(edited(s, r -> ((ObjectNode) r.get("clamps").get(1)).put("to", -1))));
        assertEquals("slider \"speed\" is \"fast\"; slider values are finite numbers",
                problemOf(edited(s, r -> ((ObjectNode) r.get("sliders")).put("speed", "fast"))));
        assertEquals("\"bundledModel\".\"path\" must be a relative path to a .json file, found \"../../etc/passwd.json\"",
                problemOf(edited(s, r -> {
                    r.remove("model");
                    r.putObject("bundledModel").put("path", "../../etc/passwd.json").put("sha256", "0".repeat(64));
                })));
    }

    @Test
    void aSessionThatCannotBeSavedLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "old session");
        Session s = lstmTextSession();
        s.model().layer(0).bHh.data[2] = Double.POSITIVE_INFINITY; // training diverged
        assertEquals(file + ": cannot write: rnn.bias_hh_l0[0][2] is Infinity",
                assertThrows(BadFileException.class, () -> SessionFile.write(s, file, NONE)).getMessage());
        assertEquals("old session", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void theRecordRefusesWhatTheModelCannotShow() {
        RnnModel gru = ModelFileTest.randomModel(CellType.GRU, 1, 4, false, false, 0, 5);
        double[][] x = {{1, 2, 3}};
        assertEquals("clamp 0: the gru cell has no cell state", assertThrows(IllegalArgumentException.class,
                () -> Session.ofSeries(gru, x).withClamps(List.of(Intervention.clampCell(0, 0, 0, 0, 1)))).getMessage());
        assertEquals("input row 0 has 2 numbers, expected inputSize 3", assertThrows(IllegalArgumentException.class,
                () -> Session.ofSeries(gru, new double[][] {{1, 2}})).getMessage());
        assertEquals("selected layer 1 is outside 0..0", assertThrows(IllegalArgumentException.class,
                () -> Session.ofSeries(gru, x).withSelection(1, 0, 0)).getMessage());
        x[0][0] = 99; // the record keeps its own copy
        assertEquals(1.0, Session.ofSeries(gru, new double[][] {{1, 2, 3}}).series()[0][0]);
    }

    /** The public methods the window calls find bundled models on the class path (here a test resource under /bundled). */
    @Test
    void bundledModelsComeFromTheClassPathByDefault() throws IOException {
        String path = "models/tiny-gru.json";
        RnnModel shipped;
        try (var in = SessionFile.class.getResourceAsStream("/bundled/" + path)) {
            shipped = ModelFile.read(in, path);
        }
        Session s = Session.ofText(shipped, "ab").withBundledModel(path).withSelection(0, 1, 1);
        Path file = dir.resolve("class-path.session.json");
        SessionFile.write(s, file);
        assertTrue(JSON.readTree(file.toFile()).has("bundledModel"));
        assertSameSession(s, SessionFile.read(file));
    }
}
