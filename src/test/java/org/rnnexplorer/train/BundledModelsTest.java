package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The bundled models say what made them, and do what the index says they do. */
class BundledModelsTest {
    private static final Path MODELS = Path.of("resources/models");

    private static RnnModel bundled(String file) throws Exception {
        try (InputStream in = BundledModelsTest.class.getResourceAsStream("/bundled/models/" + file)) {
            assertNotNull(in, file + " is on the class path under /bundled/models");
            return ModelFile.read(in, file);
        }
    }

    @Test
    void theIndexListsEveryModelWithItsTrainingCommandAndScore() throws Exception {
        JsonNode index = new ObjectMapper().readTree(MODELS.resolve("index.json").toFile());
        int n = 0;
        for (JsonNode e : index.get("models")) {
            RnnModel m = bundled(e.get("file").asText());
            assertEquals(e.get("cell").asText(), m.cell().id());
            assertTrue(m.hiddenSize() <= 128);
            Map<?, ?> training = (Map<?, ?>) m.metadata().get("training");
            assertTrue(((String) training.get("command")).startsWith("rnn-explorer train --task " + e.get("task").asText()));
            assertEquals(e.get("accuracy").asDouble(), ((Number) training.get("accuracy")).doubleValue(), 0.0);
            assertTrue(e.get("title").asText().startsWith(m.cell().id().toUpperCase()));
            assertTrue(Files.exists(MODELS.resolve(e.get("example").asText()).normalize()));
            n++;
        }
        assertTrue(n >= 6);
    }

    @Test
    void theRecallModelsScoreOnFreshSequencesAsTheirFilesSay() throws Exception {
        Evaluator fresh = new Evaluator(new RecallTask(40, 8), 512, 2024);
        for (String c : new String[] {"lstm", "gru", "rnn"}) {
            Score s = fresh.evaluate(bundled("recall-" + c + ".json"));
            if (c.equals("rnn")) assertTrue(s.accuracy() < 0.5, "the vanilla RNN fails: " + s.accuracy());
            else assertTrue(s.accuracy() >= 0.95, c + " " + s.accuracy());
        }
    }

    @Test
    void theBracketsLstmHasAUnitThatCountsDepthAndOneThatKnowsQuotes() throws Exception {
        RnnModel lstm = bundled("brackets-lstm.json");
        String text = BracketsTask.text(new Random(123), 3000).substring(0, 3000);
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) ids[i] = lstm.vocabulary().indexOf(String.valueOf(text.charAt(i)));
        Trace t = ForwardPass.run(lstm, InputBatch.ofTokens(ids));
        double[][] s = BracketsTask.structure(text);
        UnitCorrelation depth = UnitCorrelation.best(t, 0, s[0], true), quote = UnitCorrelation.best(t, 0, s[1], true);
        assertEquals(29, depth.unit(), "the unit index.json names");
        assertTrue(Math.abs(depth.r()) > 0.9, "depth r = " + depth.r());
        assertEquals(8, quote.unit());
        assertTrue(Math.abs(quote.r()) > 0.75, "quote r = " + quote.r());
        RnnModel rnn = bundled("brackets-rnn.json");
        Trace tr = ForwardPass.run(rnn, InputBatch.ofTokens(ids));
        assertTrue(Math.abs(UnitCorrelation.best(tr, 0, s[0], false).r()) < 0.6, "no clear depth unit in the vanilla RNN");
        assertEquals(CellType.LSTM, lstm.cell());
    }
}
