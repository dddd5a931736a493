package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/** Every kind of bad model file gets one line naming the file and the problem. */
class ModelFileBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A valid 2-layer LSTM, H = 4 (16 gate rows), one-hot over the vocabulary a, b, c, with a head. */
    private String validJson() {
        RnnModel m = ModelFileTest.randomModel(CellType.LSTM, 2, 4, false, true, 3, 7);
        return ModelFile.toJson(m);
    }

    private String problemOf(String text) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, text);
        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.read(file));
        String prefix = file + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(e.getMessage().substring(prefix.length()), e.problem());
        return e.problem();
    }

    private String problemOf(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(validJson());
        change.accept(root);
        return problemOf(JSON.writeValueAsString(root));
    }

    private static ObjectNode params(ObjectNode root) {
        return (ObjectNode) root.get("parameters");
    }

    @Test
    void theValidFileReads() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, validJson());
        assertEquals(2, ModelFile.read(file).layerCount());
    }

    @Test
    void notJson() throws IOException {
        assertTrue(problemOf("this is not JSON").startsWith("not valid JSON at line 1, column "), problemOf("this is not JSON"));
    }

    @Test
    void truncatedGivesLineAndColumn() throws IOException {
        String json = validJson();
        String cut = json.substring(0, json.length() / 2);
        long lines = cut.chars().filter(c -> c == '\n').count() + 1;
        String p = problemOf(cut);
        assertTrue(p.startsWith("truncated: the JSON ends at line " + lines + ", column "), p);
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("the file is empty", problemOf(""));
    }

    @Test
    void notAnObject() throws IOException {
        assertEquals("expected a JSON object ({...}) at the top, found a list", problemOf("[1, 2]"));
    }

    @Test
    void textAfterTheObject() throws IOException {
        assertTrue(problemOf(validJson() + " {}").startsWith("unexpected an object after the end of the JSON object at line"));
    }

    @Test
    void duplicateKey() throws IOException {
        String p = problemOf(validJson().replace("\"cell\": \"lstm\",", "\"cell\": \"lstm\", \"cell\": \"gru\","));
        assertTrue(p.startsWith("not valid JSON at line 4") && p.contains("Duplicate field 'cell'"), p);
    }

    @Test
    void missingOrOtherFormat() throws IOException {
        assertEquals("not an RNN Explorer model file (no \"format\": \"rnn-explorer-model\")",
                problemOf(r -> r.remove("format")));
        assertEquals("not an RNN Explorer model file (\"format\" is \"keras\", expected \"rnn-explorer-model\")",
                problemOf(r -> r.put("format", "keras")));
    }

    @Test
    void futureVersion() throws IOException {
        assertEquals("written by a newer RNN Explorer (version 2); this one reads version 1",
                problemOf(r -> r.put("version", 2)));
    }

    @Test
    void futureVersionIsNamedEvenWhenItsParametersLookDifferent() throws IOException {
        assertEquals("written by a newer RNN Explorer (version 3); this one reads version 1",
                problemOf(r -> {
                    r.put("version", 3);
                    params(r).putObject("rnn.weight_ih_l0").put("dtype", "float16");
                }));
    }

    @Test
    void unknownCell() throws IOException {
        assertEquals("unknown cell \"transformer\" (expected rnn, lstm or gru)", problemOf(r -> r.put("cell", "transformer")));
    }

    @Test
    void missingParameter() throws IOException {
        assertEquals("rnn.bias_hh_l1 is missing", problemOf(r -> params(r).remove("rnn.bias_hh_l1")));
        assertEquals("head.bias is missing (head.weight is there)", problemOf(r -> params(r).remove("head.bias")));
    }

    @Test
    void misshapenParameter() throws IOException {
        assertEquals("rnn.weight_hh_l0 has 15 rows, expected 16",
                problemOf(r -> ((ArrayNode) params(r).get("rnn.weight_hh_l0")).remove(0)));
        assertEquals("rnn.weight_ih_l1 has 5 columns, expected 4", problemOf(r -> {
            for (var row : params(r).get("rnn.weight_ih_l1")) ((ArrayNode) row).add(0.5);
        }));
        assertEquals("rnn.bias_ih_l0 has 17 numbers, expected 16",
                problemOf(r -> ((ArrayNode) params(r).get("rnn.bias_ih_l0")).add(1.0)));
        assertEquals("rnn.bias_ih_l0 must be a flat list of numbers, found a list of 1 rows",
                problemOf(r -> params(r).putArray("rnn.bias_ih_l0").add(params(r).get("rnn.bias_hh_l0").deepCopy())));
    }

    @Test
    void raggedRows() throws IOException {
        assertEquals("rnn.weight_hh_l0 has rows of different lengths: row 0 has 4 numbers, row 3 has 3",
                problemOf(r -> ((ArrayNode) params(r).get("rnn.weight_hh_l0").get(3)).remove(0)));
    }

    @Test
    void nonNumericEntries() throws IOException {
        assertEquals("rnn.weight_ih_l0[1][2] is a string, not a number",
                problemOf(r -> ((ArrayNode) params(r).get("rnn.weight_ih_l0").get(1)).set(2, "abc")));
        assertEquals("head.bias[0] is null, not a number",
                problemOf(r -> ((ArrayNode) params(r).get("head.bias")).set(0, JSON.nullNode())));
        assertEquals("rnn.weight_hh_l1[0][0] is a list; parameters are lists of numbers or of rows of numbers",
                problemOf(r -> ((ArrayNode) params(r).get("rnn.weight_hh_l1").get(0)).insertArray(0).add(1)));
    }

    @Test
    void nanAndInfinityAreNamed() throws IOException {
        String json = validJson();
        String weights = "\"rnn.weight_hh_l1\": [\n      [";
        int at = json.indexOf(weights) + weights.length();
        int end = json.indexOf(',', at);
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity"}) {
            String p = problemOf(json.substring(0, at) + bad + json.substring(end));
            assertEquals("rnn.weight_hh_l1[0][0] is " + bad + "; parameters must be finite numbers", p);
        }
    }

    @Test
    void layerCountTheParametersDoNotHave() throws IOException {
        assertEquals("\"layers\" is 3 but there are no parameters for layer 2 (rnn.weight_ih_l2 is missing)",
                problemOf(r -> r.put("layers", 3)));
        assertEquals("\"layers\" is 1 but the file has parameters for layer 1 (rnn.weight_ih_l1)",
                problemOf(r -> r.put("layers", 1)));
    }

    @Test
    void sizesThatDisagree() throws IOException {
        assertEquals("\"inputSize\" is 4 but the vocabulary has 3 entries and there is no embedding.weight "
                + "(one-hot input needs inputSize = 3)", problemOf(r -> r.put("inputSize", 4)));
        assertEquals("rnn.weight_ih_l0 has 16 rows, expected 20", problemOf(r -> r.put("hiddenSize", 5)));
        assertEquals("head.weight has 3 rows, expected 4", problemOf(r -> {
            ((ArrayNode) r.get("vocabulary")).add("d");
            r.put("inputSize", 4);
            for (var row : params(r).get("rnn.weight_ih_l0")) ((ArrayNode) row).add(0.0);
        }));
    }

    @Test
    void embeddingRowsMustMatchTheVocabulary() throws IOException {
        RnnModel m = ModelFileTest.randomModel(CellType.GRU, 1, 3, true, true, 6, 2);
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(m));
        ((ArrayNode) params(root).get("embedding.weight")).remove(5);
        assertEquals("embedding.weight has 5 rows, expected 6", problemOf(JSON.writeValueAsString(root)));
    }

    @Test
    void limitsAreCheckedBeforeAllocating() throws IOException {
        assertEquals("\"hiddenSize\" is 5000; the limit is 4096 (ModelFile.MAX_HIDDEN)", problemOf(r -> r.put("hiddenSize", 5000)));
        assertEquals("\"layers\" is 5; the limit is 4 (ModelFile.MAX_LAYERS)", problemOf(r -> r.put("layers", 5)));
        assertEquals("\"hiddenSize\" must be at least 1, found 0", problemOf(r -> r.put("hiddenSize", 0)));
        assertEquals("\"layers\" must be a whole number, found \"two\"", problemOf(r -> r.put("layers", "two")));
        // 2 LSTM layers of 4096 units declare about 268 million parameters: refused before reading them
        String p = problemOf(r -> {
            r.put("hiddenSize", 4096);
            r.put("inputSize", 3);
        });
        assertTrue(p.startsWith("declares ") && p.endsWith(" parameters; the limit is 50000000 (ModelFile.MAX_PARAMETERS)"), p);
        assertEquals("\"vocabulary\" has 100001 entries; the limit is 100000 (ModelFile.MAX_VOCABULARY)", problemOf(r -> {
            ArrayNode v = r.putArray("vocabulary");
            for (int i = 0; i <= 100_000; i++) v.add("t" + i);
        }));
    }

    @Test
    void readingStopsAtTheParameterLimitWhateverTheHeaderSays() throws IOException {
        ModelFileReader reader = new ModelFileReader("model.json", 100);
        // the valid model has 144 + 160 + 15 = 319 numbers: layer 0, layer 1, head
        BadFileException e = assertThrows(BadFileException.class, () -> reader.parse(
                new java.io.ByteArrayInputStream(validJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("model.json: has more than 100 parameters; that is the limit (ModelFile.MAX_PARAMETERS)", e.getMessage());
    }

    @Test
    void unknownOrUnsupportedParameterNames() throws IOException {
        assertEquals("unknown parameter \"lstm.weight_ih_l0\" (names follow PyTorch's state_dict of modules "
                + "embedding, rnn and head)", problemOf(r -> params(r).set("lstm.weight_ih_l0", params(r).get("rnn.weight_ih_l0"))));
        assertEquals("bidirectional RNNs are not supported (rnn.weight_ih_l0_reverse)",
                problemOf(r -> params(r).set("rnn.weight_ih_l0_reverse", params(r).get("rnn.weight_ih_l0"))));
    }

    @Test
    void badVocabularyOrTokenizer() throws IOException {
        assertEquals("\"vocabulary\" has \"a\" twice (entries 0 and 2)",
                problemOf(r -> ((ArrayNode) r.get("vocabulary")).set(2, "a")));
        assertEquals("unknown tokenizer \"bpe\" (expected \"char\" or \"word\")", problemOf(r -> r.put("tokenizer", "bpe")));
    }

    @Test
    void missingFileAndFolder() {
        Path missing = dir.resolve("nowhere.json");
        assertEquals(missing + ": no such file",
                assertThrows(BadFileException.class, () -> ModelFile.read(missing)).getMessage());
        assertEquals(dir + ": is a folder, not a model file",
                assertThrows(BadFileException.class, () -> ModelFile.read(dir)).getMessage());
    }
}
