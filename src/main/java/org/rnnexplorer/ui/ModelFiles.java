package org.rnnexplorer.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/** Reads model files for the window. (Temporary reader until io.ModelFile lands on main.) */
final class ModelFiles {
    private ModelFiles() {
    }

    static RnnModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static RnnModel read(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid JSON");
        }
        try {
            if (root == null || !"rnn-explorer-model".equals(root.path("format").asText()))
                throw new IllegalArgumentException("not an rnn-explorer model file (no \"format\": \"rnn-explorer-model\")");
            CellType cell = CellType.fromId(root.path("cell").asText(null));
            if (cell == null) throw new IllegalArgumentException("cell must be rnn, lstm or gru");
            int layers = root.path("layers").asInt(1), in0 = root.path("inputSize").asInt(), h = root.path("hiddenSize").asInt();
            JsonNode p = root.path("parameters");
            List<LayerWeights> ls = new ArrayList<>();
            for (int l = 0; l < layers; l++)
                ls.add(new LayerWeights(matrix(p, "rnn.weight_ih_l" + l), matrix(p, "rnn.weight_hh_l" + l),
                        matrix(p, "rnn.bias_ih_l" + l), matrix(p, "rnn.bias_hh_l" + l)));
            List<String> vocab = null;
            if (root.has("vocabulary")) {
                vocab = new ArrayList<>();
                for (JsonNode v : root.get("vocabulary")) vocab.add(v.asText());
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> {
                if (!List.of("format", "version", "cell", "layers", "inputSize", "hiddenSize", "tokenizer", "vocabulary",
                        "parameters").contains(e.getKey()))
                    meta.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            });
            return new RnnModel(cell, in0, h, ls, p.has("embedding.weight") ? matrix(p, "embedding.weight") : null,
                    p.has("head.weight") ? matrix(p, "head.weight") : null,
                    p.has("head.bias") ? matrix(p, "head.bias") : null, vocab,
                    root.has("tokenizer") ? root.get("tokenizer").asText() : null, meta);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static DMatrixRMaj matrix(JsonNode p, String key) {
        JsonNode n = p.get(key);
        if (n == null || !n.isArray() || n.size() == 0) throw new IllegalArgumentException(key + " is missing");
        if (!n.get(0).isArray()) {
            DMatrixRMaj m = new DMatrixRMaj(1, n.size());
            for (int j = 0; j < n.size(); j++) m.data[j] = n.get(j).asDouble();
            return m;
        }
        DMatrixRMaj m = new DMatrixRMaj(n.size(), n.get(0).size());
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i).size() != m.numCols) throw new IllegalArgumentException(key + " row " + i + " has "
                    + n.get(i).size() + " columns, expected " + m.numCols);
            for (int j = 0; j < m.numCols; j++) m.set(i, j, n.get(i).get(j).asDouble());
        }
        return m;
    }
}
