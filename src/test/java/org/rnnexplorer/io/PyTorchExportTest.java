package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * A 2-layer GRU character model trained by PyTorch and written by {@code tools/export_pytorch.py} (the command is in
 * the fixture): read through the import path, the engine gives PyTorch's states and probabilities.
 */
class PyTorchExportTest {
    private static final String NAME = "charlm-gru-2layer";

    private static InputStream resource(String file) {
        return PyTorchExportTest.class.getResourceAsStream("/reference/" + file);
    }

    @Test
    void theExportedStackedGruReproducesPyTorch() throws IOException {
        RnnModel model;
        try (InputStream in = resource(NAME + ".json")) {
            model = ModelFile.read(in, NAME + ".json");
        }
        JsonNode expected;
        try (InputStream in = resource(NAME + ".expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        assertEquals(CellType.GRU, model.cell());
        assertEquals(2, model.layerCount());
        assertTrue(model.metadata().get("command").toString().startsWith("tools/export_pytorch.py demo"),
                "the file says how it was made");
        ModelFileTest.assertProbabilitiesMatch(model, expected);

        String probe = expected.get("probe").asText();
        int[] ids = Vocabulary.of(model.vocabulary()).encode(Tokenizer.named("char").split(probe));
        Trace trace = ForwardPass.run(model, InputBatch.ofTokens(ids));
        int last = trace.steps() - 1;
        for (int u = 0; u < model.hiddenSize(); u++) {
            for (int t = 0; t < trace.steps(); t++)
                assertEquals(expected.get("hTop").get(t).get(u).asDouble(), trace.hidden(1, t, u), 1e-9, "top h");
            for (int l = 0; l < 2; l++)
                assertEquals(expected.get("hLast").get(l).get(u).asDouble(), trace.hidden(l, last, u), 1e-9,
                        "h[T-1] of layer " + l);
        }
    }
}
