package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class ModelFileTest {
    @TempDir
    Path dir;

    /** A model of the given shape with random weights; vocabulary "a".."z" prefix when {@code tokens} > 0. */
    static RnnModel randomModel(CellType cell, int layers, int hidden, boolean embedding, boolean head, int tokens,
                                long seed) {
        List<String> vocab = null;
        if (tokens > 0) {
            vocab = new ArrayList<>();
            for (int i = 0; i < tokens; i++) vocab.add(String.valueOf((char) ('a' + i)));
        }
        int input = embedding ? 5 : tokens > 0 ? tokens : 3;
        RnnModel m = RnnModel.zeros(cell, input, hidden, layers, embedding ? (tokens > 0 ? tokens : 6) : 0,
                head ? (tokens > 0 ? tokens : 6) : 0, vocab, vocab == null ? null : "char");
        Random r = new Random(seed);
        for (DMatrixRMaj p : m.namedParameters().values())
            for (int i = 0; i < p.data.length; i++) p.data[i] = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"rnn,1,true,true,6", "lstm,2,false,true,4", "gru,3,true,false,0", "lstm,4,false,false,0",
            "gru,1,false,true,7", "rnn,2,true,true,0"})
    void writeThenReadGivesTheSameModel(String cellId, int layers, boolean embedding, boolean head, int tokens)
            throws IOException {
        RnnModel m = randomModel(CellType.fromId(cellId), layers, 5, embedding, head, tokens, 42);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("description", "brackets, \"quoted\"\nand a new line");
        meta.put("trainedWith", Map.of("command", "train --task brackets", "steps", 3000));
        meta.put("loss", 0.125);
        m = m.withMetadata(meta);
        Path file = dir.resolve("m.json");
        ModelFile.write(m, file);
        RnnModel back = ModelFile.read(file);

        assertEquals(m.cell(), back.cell());
        assertEquals(m.layerCount(), back.layerCount());
        assertEquals(m.inputSize(), back.inputSize());
        assertEquals(m.hiddenSize(), back.hiddenSize());
        assertEquals(m.vocabulary(), back.vocabulary());
        assertEquals(m.tokenizer(), back.tokenizer());
        assertEquals(m.metadata(), back.metadata());
        assertEquals(m.namedParameters().keySet(), back.namedParameters().keySet());
        for (Map.Entry<String, DMatrixRMaj> e : m.namedParameters().entrySet()) {
            DMatrixRMaj b = back.namedParameters().get(e.getKey());
            assertEquals(e.getValue().numRows, b.numRows, e.getKey());
            assertEquals(e.getValue().numCols, b.numCols, e.getKey());
            for (int i = 0; i < b.data.length; i++)
                assertEquals(e.getValue().data[i], b.data[i], 0.0, e.getKey() + " exactly");
        }
        assertEquals(Files.readString(file), ModelFile.toJson(back), "writing what was read gives the same file");
    }

    @Test
    void theFileHasTheDesignedShapeWithPyTorchNamesAndFlatBiases() throws IOException {
        RnnModel m = randomModel(CellType.LSTM, 2, 4, true, true, 6, 1);
        JsonNode json = new ObjectMapper().readTree(ModelFile.toJson(m));
        assertEquals("rnn-explorer-model", json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals("lstm", json.get("cell").asText());
        assertEquals(2, json.get("layers").asInt());
        JsonNode p = json.get("parameters");
        assertEquals(List.of("embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
                "rnn.bias_hh_l0", "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
                "head.weight", "head.bias"), iterable(p.fieldNames()));
        assertEquals(16, p.get("rnn.weight_hh_l1").size());
        assertEquals(4, p.get("rnn.weight_hh_l1").get(0).size());
        assertTrue(p.get("rnn.bias_ih_l0").get(0).isNumber(), "biases are flat lists, as in PyTorch");
        assertEquals(m.layer(1).wHh.get(3, 2), p.get("rnn.weight_hh_l1").get(3).get(2).asDouble(), 0.0, "row-major");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old");
        RnnModel m = randomModel(CellType.GRU, 1, 3, false, false, 0, 3);
        m.layer(0).wHh.set(1, 1, Double.NaN);
        BadFileException e = org.junit.jupiter.api.Assertions.assertThrows(BadFileException.class,
                () -> ModelFile.write(m, file));
        assertEquals(file + ": cannot write: rnn.weight_hh_l0[1][1] is NaN", e.getMessage());
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /** The "must show": PyTorch's trained char model, read from its file, predicts as PyTorch does. */
    @Test
    void theCharModelTrainedInPyTorchGivesPyTorchsProbabilities() throws IOException {
        RnnModel model;
        try (InputStream in = getClass().getResourceAsStream("/reference/charlm-lstm-1layer.json")) {
            model = ModelFile.read(in, "charlm-lstm-1layer.json");
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/charlm-lstm-1layer.expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        assertProbabilitiesMatch(model, expected);
    }

    static void assertProbabilitiesMatch(RnnModel model, JsonNode expected) {
        Tokenizer tokenizer = Tokenizer.named(model.tokenizer());
        int[] ids = Vocabulary.of(model.vocabulary()).encode(tokenizer.split(expected.get("probe").asText()));
        Trace trace = ForwardPass.run(model, InputBatch.ofTokens(ids));
        JsonNode p = expected.get("probabilities");
        assertEquals(p.size(), trace.steps());
        assertEquals(p.get(0).size(), model.outputSize());
        assertFalse(model.vocabulary().isEmpty());
        for (int t = 0; t < trace.steps(); t++)
            for (int k = 0; k < model.outputSize(); k++)
                assertEquals(p.get(t).get(k).asDouble(), trace.probability(t, k), 1e-9, "p[" + t + "][" + k + "]");
    }
}
