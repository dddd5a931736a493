package org.rnnexplorer.ui.explorer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/** The Model menu's entries: every bundled model in the index opens, on an example its vocabulary can read. */
class ModelCatalogTest {

    @Test
    void everyBundledModelLoadsAndItsExampleIsReadable() {
        List<ModelSource.Bundled> bundled = ModelCatalog.bundled();
        assertTrue(bundled.size() >= 1, "resources/models/index.json lists models");
        for (ModelSource.Bundled e : bundled) {
            RnnModel m = e.load();
            assertEquals(e.cell(), m.cell(), e.title());
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
    void aSessionNamesABundledModelByItsPath() {
        ModelSource.Bundled first = ModelCatalog.bundled().get(0);
        assertEquals("models/" + first.file(), first.path());
        assertEquals(first, ModelCatalog.bundledAt(first.path()));
        assertEquals(null, ModelCatalog.bundledAt("models/no-such-model.json"));
    }

    @Test
    void theMenuEndsWithAnUntrainedDemoOfEachCell() {
        List<ModelSource> all = ModelCatalog.all();
        List<ModelSource> demos = all.subList(all.size() - 3, all.size());
        assertEquals(List.of(CellType.LSTM, CellType.GRU, CellType.RNN),
                demos.stream().map(d -> ((ModelSource.BuiltIn) d).cell()).toList());
        for (ModelSource d : demos) assertTrue(d.title().contains("untrained"), d.title());
    }
}
