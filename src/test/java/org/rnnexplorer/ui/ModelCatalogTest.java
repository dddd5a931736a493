package org.rnnexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.RnnModel;

/** The Model menu's entries: every bundled model in the index opens, on an example its vocabulary can read. */
class ModelCatalogTest {

    @Test
    void everyBundledModelLoadsAndItsExampleIsReadable() {
        List<ModelEntry> bundled = ModelCatalog.bundled();
        assertTrue(bundled.size() >= 1, "resources/models/index.json lists models");
        for (ModelEntry e : bundled) {
            RnnModel m = e.loader().get();
            assertEquals(e.cell(), m.cell().id(), e.title());
            String example = ModelCatalog.exampleFor(e, m);
            EncodedInput in = EncodedInput.of(m, example);
            assertTrue(in.steps() > 0, e.title() + ": the example gives steps");
            assertTrue(in.unknowns().isEmpty(), e.title() + ": " + in.unknownSummary(false, !m.takesTokens()));
        }
    }

    @Test
    void anExampleFileIsNamedRelativeToTheModelsFolder() {
        assertEquals("/bundled/examples/brackets.txt", ModelCatalog.resourcePath("../examples/brackets.txt"));
        assertEquals("/bundled/models/x.txt", ModelCatalog.resourcePath("x.txt"));
        assertEquals("(a)", ModelCatalog.example("(a)"), "a value that is not a file name is the text itself");
    }

    @Test
    void theMenuEndsWithAnUntrainedDemoOfEachCell() {
        List<ModelEntry> all = ModelCatalog.all();
        List<ModelEntry> demos = all.subList(all.size() - 3, all.size());
        assertEquals(List.of("lstm", "gru", "rnn"), demos.stream().map(ModelEntry::cell).toList());
        for (ModelEntry d : demos) assertTrue(d.title().contains("untrained"), d.title());
    }
}
